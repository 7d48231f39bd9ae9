/**
 * What the control panel shows (操作パネル): the year's steps with the next one marked, each
 * department's status and the days left, and the last check's findings with the cell each names.
 * Plain values in, plain JSON out: google.script.run carries no Date, so every date is text.
 */
import { type Grid, columnNumber, norm } from '../core/cells';
import { formatFiscalYear } from '../core/fiscalYear';
import type { IndexEntry } from '../requests/requestIndex';
import { daysLeft } from '../requests/remind';
import { daysLeftText } from '../requests/reminderMessages';
import { TAB } from '../core/tabs';

/** The steps in the order of the year; each id is the global function the panel calls. */
export const PANEL_STEPS = [
  { id: 'setupSheets', label: '初期設定' },
  { id: 'validatePlan', label: '入力チェック' },
  { id: 'createRequests', label: '調査シート作成' },
  { id: 'mergeResponses', label: '回答の取り込み' },
  { id: 'buildSummary', label: '評価サマリー' },
  { id: 'showReport', label: '報告書' },
  { id: 'remindDepartments', label: '未回答の課への連絡' },
] as const;

export type PanelStepId = (typeof PANEL_STEPS)[number]['id'];

export interface PanelFinding {
  readonly severity: string;
  readonly sheet: string;
  /** The cell as Sheets names it (A10), and its place; absent for a finding about a whole tab. */
  readonly cell?: string;
  readonly row?: number;
  readonly col?: number;
  readonly message: string;
}

export interface PanelState {
  readonly yearLabel: string;
  readonly steps: ReadonlyArray<{ id: PanelStepId; label: string; done: boolean; next: boolean }>;
  readonly deadline: string;
  readonly departments: ReadonlyArray<{ name: string; sheet: string; status: string; answered: number; total: number }>;
  readonly findings: readonly PanelFinding[];
  /** Findings beyond those listed (the panel shows the first ones; チェック結果 has them all). */
  readonly moreFindings: number;
}

export interface PanelSources {
  readonly sheetNames: readonly string[];
  readonly year?: number;
  readonly deadline?: Date;
  /** Departments with at least one 事業, in the order of 所管課. */
  readonly departments: readonly string[];
  readonly index: readonly IndexEntry[];
  /** チェック結果 as typed: the cell column holds the link to its cell. */
  readonly check: Grid | undefined;
  readonly today: Date;
}

const FINDINGS_SHOWN = 30;
/** Tabs 初期設定 makes, without which no other step runs. */
const SET_UP = [TAB.plan, TAB.structure, TAB.departments, TAB.settings, TAB.answers, TAB.requestIndex];

export function panelState(src: PanelSources): PanelState {
  const thisYear = src.index.filter((e) => e.year === src.year);
  const entryOf = (d: string) => thisYear.find((e) => e.department === d);
  const departments = src.departments.map((name) => {
    const e = entryOf(name);
    return e
      ? { name, sheet: e.sheet, status: e.status, answered: e.answered, total: e.projects }
      : { name, sheet: '', status: '未作成', answered: 0, total: 0 };
  });
  const findings = readCheck(src.check);
  const done: Record<PanelStepId, boolean> = {
    setupSheets: SET_UP.every((t) => src.sheetNames.includes(t)),
    validatePlan: src.check !== undefined && findings.length > 0 && !findings.some((f) => f.severity === 'エラー'),
    createRequests: departments.length > 0 && departments.every((d) => d.status !== '未作成'),
    mergeResponses: departments.length > 0 && departments.every((d) => d.status === '回答済'),
    buildSummary: src.sheetNames.includes(TAB.summary),
    showReport: false,
    remindDepartments: false,
  };
  // The next step is the first of the cycle not done yet; once the summary stands, the report.
  const next = PANEL_STEPS.slice(0, 5).find((s) => !done[s.id])?.id ?? 'showReport';
  const days = src.deadline ? daysLeft(src.today, src.deadline) : undefined;
  return {
    yearLabel: src.year ? formatFiscalYear(src.year) : '対象年度が未設定',
    steps: PANEL_STEPS.map((s) => ({ ...s, done: done[s.id], next: s.id === next })),
    deadline: days === undefined ? '回答期限が未設定' : daysLeftText(days),
    departments,
    findings: findings.filter((f) => f.severity !== '').slice(0, FINDINGS_SHOWN),
    moreFindings: Math.max(0, findings.filter((f) => f.severity !== '').length - FINDINGS_SHOWN),
  };
}

/**
 * チェック結果's rows: 重要度, シート, セル (a link whose formula names the cell: …range=A10…), 内容.
 * The line 「エラーはありません。」 has no severity.
 */
function readCheck(values: Grid | undefined): PanelFinding[] {
  return (values ?? []).slice(1).map((r) => {
    const where = String(r[2] ?? '');
    const ref = /range=([A-Z]{1,3})(\d+)/.exec(where) ?? /^([A-Z]{1,3})(\d+)$/.exec(norm(r[2]));
    const place = ref ? { cell: `${ref[1]}${ref[2]}`, row: Number(ref[2]), col: columnNumber(ref[1]) } : {};
    return { severity: norm(r[0]), sheet: norm(r[1]), ...place, message: String(r[3] ?? '') };
  });
}
