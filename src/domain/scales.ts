import { type Cell, compact, norm } from './cells';
import { SETTING } from './tabs';

export interface Grade {
  readonly code: string;
  readonly label: string;
}

/** The city's 自己評価 and 今後の方向性 vocabularies (設定), with codes left out of shares. */
export interface Scales {
  readonly grades: readonly Grade[];
  readonly directions: readonly string[];
  /** Codes that are not a grade (評価困難, 未着手 …): accepted as answers, left out of shares. */
  readonly ungraded: readonly string[];
  readonly problems: ReadonlyArray<{ item: 'grades' | 'directions' | 'ungraded'; message: string }>;
}

const ITEM_SEPARATORS = /[、,\n;；]/;

/** "A：目標を達成、B：おおむね達成" → [{A, 目標を達成}, …]. */
export function parseScales(gradeText: string, directionText: string, ungradedText: string): Scales {
  const problems: Array<{ item: 'grades' | 'directions' | 'ungraded'; message: string }> = [];
  const grades: Grade[] = [];
  for (const part of gradeText
    .split(ITEM_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^\s:：=＝（(]+)\s*[:：=＝]?\s*[（(]?(.*?)[)）]?$/.exec(part);
    if (!m) continue;
    const code = norm(m[1]).toUpperCase();
    if (grades.some((g) => g.code === code)) {
      problems.push({
        item: 'grades',
        message: `${SETTING.gradeScale}の「${code}」が2回あります。1回にしてください。`,
      });
      continue;
    }
    grades.push({ code, label: m[2].trim() });
  }
  if (grades.length < 2) {
    problems.push({
      item: 'grades',
      message: `${SETTING.gradeScale}を読み取れません。「A：目標を達成、B：おおむね達成、C：一部未達成、D：未実施」のように、記号と説明を「、」で区切って書いてください。`,
    });
  }
  const directions = unique(
    directionText
      .split(ITEM_SEPARATORS)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (directions.length < 2) {
    problems.push({
      item: 'directions',
      message: `${SETTING.directionScale}を読み取れません。「拡充、継続、見直し、完了、廃止」のように「、」で区切って書いてください。`,
    });
  }
  const ungraded = unique(
    ungradedText
      .split(ITEM_SEPARATORS)
      .map((s) => norm(s).toUpperCase())
      .filter(Boolean),
  );
  for (const code of ungraded) {
    if (!grades.some((g) => g.code === code)) {
      problems.push({
        item: 'ungraded',
        message: `${SETTING.ungraded}の「${code}」が${SETTING.gradeScale}にありません。区分の記号で書いてください。`,
      });
    }
  }
  return { grades, directions, ungraded, problems };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

const stripped = (v: Cell) => compact(v).toUpperCase();

/** What people type for a grade: ａ, a, A, A（目標を達成）, A:目標を達成, 目標を達成. */
export function matchGrade(scales: Scales, v: Cell): Grade | undefined {
  const s = stripped(v);
  if (s === '') return undefined;
  return scales.grades.find((g) => {
    const label = stripped(g.label);
    return (
      s === g.code ||
      s === label ||
      (s.startsWith(g.code) && [label, `(${label})`, `:${label}`, `=${label}`].includes(s.slice(g.code.length)))
    );
  });
}

export function matchDirection(scales: Scales, v: Cell): string | undefined {
  const s = stripped(v);
  if (s === '') return undefined;
  return scales.directions.find((d) => stripped(d) === s);
}

/** Grades that count in shares (A+B share, distributions): all but the ungraded codes. */
export function gradedCodes(scales: Scales): string[] {
  return scales.grades.map((g) => g.code).filter((c) => !scales.ungraded.includes(c));
}
