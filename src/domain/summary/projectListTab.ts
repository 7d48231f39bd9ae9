import { widthsOf } from '../core/catalogue';
import { TAB } from '../core/tabs';
import * as S from './summaryMessages';
import type { Layout, Rect } from '../core/layout';
import { type OutCell, type OutGrid, formatDateTime } from '../core/cells';
import { formatFiscalYear } from '../core/fiscalYear';
import { type PlanInputs, structureKey } from '../inputs/inputs';
import type { GradeHistory, Summary } from './summary';
import { DASH, participants, text } from './summaryTab';
const HEADER = [
  '事業番号',
  '事業名',
  '所管課',
  '自己評価',
  '前年度',
  '評価の推移',
  // Broken by hand where the narrow columns would break them mid-word.
  '今後の\n方向性',
  '実施状況・実績',
  '課題・改善点',
  '参加者数\n（男・女）',
];
const HEADER_ROW = 3;

/**
 * 事業別一覧: the body of the yearly 進捗状況報告書 cities publish. Every 事業 of the plan
 * under its 目標, 課題 and 施策 headings, one line per department in charge, with what the
 * department wrote, its grade and last year's. Printed on A4 landscape, every text whole.
 */
export function renderProjectList(
  s: Summary,
  inputs: Pick<PlanInputs, 'structure'>,
): { rows: OutGrid; layout: Layout } {
  const rows: OutGrid = [
    [`${s.planName} 事業別一覧　${formatFiscalYear(s.year)}`],
    [S.projectListNote(formatDateTime(s.builtAt), s.projectCount, s.answerCount)],
    HEADER,
  ];
  const headings: number[] = [HEADER_ROW];
  const wrap: Rect[] = [{ row: HEADER_ROW, col: 1, numRows: 1, numCols: HEADER.length }];
  const nameOf = (...n: number[]) => inputs.structure.get(structureKey(...n))?.name ?? '';
  let last = '';
  for (const a of s.assignments) {
    const p = a.project;
    const levels: Array<[string, string]> = [
      [structureKey(p.goal), `目標${p.goal} ${nameOf(p.goal)}`],
      [structureKey(p.goal, p.issue), `　課題${p.goal}-${p.issue} ${nameOf(p.goal, p.issue)}`],
      [
        structureKey(p.goal, p.issue, p.measure),
        `　　施策${p.goal}-${p.issue}-${p.measure} ${nameOf(p.goal, p.issue, p.measure)}`,
      ],
    ];
    // A heading for each level that begins here (plan order keeps a 施策's 事業 together).
    const start = levels.findIndex(([key]) => !last.startsWith(`${key}-`) && last !== key);
    if (start >= 0) {
      for (const [, title] of levels.slice(start)) {
        rows.push([title]);
        headings.push(rows.length);
      }
    }
    last = structureKey(p.goal, p.issue, p.measure, p.number);
    const f = a.answer?.fields;
    const line: OutCell[] = [
      p.id,
      p.name,
      a.department,
      a.grade?.code ?? (a.answer ? DASH : '未回答'),
      s.previousGrades.get(`${p.id}|${a.department}`) ?? DASH,
      gradeTrail(s.gradeHistory.get(`${p.id}|${a.department}`)),
      text(f?.['今後の方向性']),
      text(f?.['実施状況・実績']),
      text(f?.['課題・改善点']),
      participants(f),
    ];
    rows.push(line);
    const prior = wrap[wrap.length - 1];
    if (prior.row + prior.numRows === rows.length) wrap[wrap.length - 1] = { ...prior, numRows: prior.numRows + 1 };
    else wrap.push({ row: rows.length, col: 1, numRows: 1, numCols: HEADER.length });
  }
  const center = wrap.map((r) => ({ ...r, col: 4, numCols: 4 }));
  return {
    rows,
    layout: {
      frozenRows: HEADER_ROW,
      columnWidths: widthsOf(TAB.projectList),
      headerRows: headings,
      wrap,
      center,
      print: 'landscape',
    },
  };
}

/** A department's grades of a 事業 over the surveyed years: 「2021 B → 2022 B → 2023 A」. */
export function gradeTrail(history: GradeHistory | undefined): string {
  return history?.length ? history.map((h) => `${h.year} ${h.grade}`).join(' → ') : DASH;
}

/**
 * The same on paper, where the column is narrow: up to three years as above; more as the span and
 * one grade a surveyed year, 「2018–2027：A B C D A B C D A B」 (－ for a year without a grade).
 * Ten years in the long form take ten lines a 事業 and made the report of a big city twice as long.
 */
export function shortGradeTrail(history: GradeHistory | undefined, surveyed: readonly number[]): string {
  if (!history?.length || history.length <= 3) return gradeTrail(history);
  const years = surveyed.filter((y) => y >= history[0].year && y <= history[history.length - 1].year);
  const gradeOf = new Map(history.map((h) => [h.year, h.grade]));
  return `${years[0]}–${years[years.length - 1]}：${years.map((y) => gradeOf.get(y) ?? '－').join(' ')}`;
}
