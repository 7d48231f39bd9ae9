import { type OutGrid, isBlankGrid } from '../../domain/cells';
import { COMMITTEE_REFERENCE } from '../../domain/committee';
import {
  DEFAULT_COMMITTEE_GRADES,
  DEFAULT_DIRECTIONS,
  DEFAULT_GRADES,
  DEFAULT_KPI_STATUSES,
  DEFAULT_REPLY_STATUSES,
  HEADERS,
  HEADER_NOTES,
  SETTING,
  TAB,
} from '../../domain/tabs';
import type { Workbook } from '../../port';
import { replaceTab } from '../common';

/** The tabs 初期設定 creates, each with its header row (and for 設定, its items). */
const BLANK_TABS: ReadonlyArray<{ name: string; rows: OutGrid; widths: number[] }> = [
  { name: TAB.plan, rows: [[...HEADERS.plan]], widths: [50, 50, 50, 50, 240, 420, 160] },
  { name: TAB.structure, rows: [[...HEADERS.structure]], widths: [60, 50, 50, 50, 320] },
  { name: TAB.indicators, rows: [[...HEADERS.indicators]], widths: [50, 320, 50, 90, 80, 90, 100, 240] },
  { name: TAB.indicatorResults, rows: [[...HEADERS.indicatorResults]], widths: [50, 90, 80] },
  { name: TAB.departments, rows: [[...HEADERS.departments]], widths: [180, 200, 320, 80] },
  {
    name: TAB.settings,
    rows: [
      [...HEADERS.settings],
      [SETTING.planName, '男女平等推進プラン'],
      [SETTING.year, ''],
      [SETTING.deadline, ''],
      [SETTING.gradeScale, DEFAULT_GRADES],
      [SETTING.directionScale, DEFAULT_DIRECTIONS],
      [SETTING.ungraded, ''],
      [SETTING.admins, ''],
      [SETTING.committeeScale, DEFAULT_COMMITTEE_GRADES],
      [SETTING.replyScale, DEFAULT_REPLY_STATUSES],
      [SETTING.kpiScale, DEFAULT_KPI_STATUSES],
    ],
    widths: [160, 480],
  },
  { name: TAB.answers, rows: [[...HEADERS.answers]], widths: [60, 80, 160, 360, 70, 90, 300, 80, 80, 130] },
  {
    name: TAB.committee,
    rows: [[...HEADERS.committee, ...COMMITTEE_REFERENCE]],
    widths: [60, 50, 50, 60, 420, 240, 220],
  },
  { name: TAB.recommendations, rows: [[...HEADERS.recommendations]], widths: [70, 80, 480, 60, 240] },
  { name: TAB.replies, rows: [[...HEADERS.replies]], widths: [60, 80, 160, 80, 420, 130] },
  { name: TAB.check, rows: [[...HEADERS.check]], widths: [70, 120, 70, 640] },
  // 保護・入力規則 wide enough for its whole key (rows, editors and three fingerprints).
  { name: TAB.requestIndex, rows: [[...HEADERS.requestIndex]], widths: [200, 200, 80, 60, 60, 80, 140, 420, 80, 80] },
];

/**
 * Creates each missing tab with its header row (and notes); a tab that exists is not touched,
 * unless it is empty (as a run cut off between creating and writing it leaves it). Returns the
 * tabs made.
 */
export function createBlankTabs(wb: Workbook, existing: ReadonlySet<string>): string[] {
  const created: string[] = [];
  for (const tab of BLANK_TABS) {
    const old = existing.has(tab.name) ? wb.read(tab.name) : undefined;
    if (old && !isBlankGrid(old)) continue;
    const header = tab.rows[0] as string[];
    const notes = Object.entries(HEADER_NOTES[tab.name] ?? {}).map(([h, text]) => ({
      row: 1,
      col: header.indexOf(h) + 1,
      text,
    }));
    replaceTab(wb, tab.name, tab.rows, old, {
      layout: { frozenRows: 1, headerRows: [1], columnWidths: tab.widths, notes: notes.filter((n) => n.col > 0) },
    });
    created.push(tab.name);
  }
  return created;
}

/** A tab's column widths as 初期設定 sets them: the one place they are written. */
export function columnWidthsOf(tab: string): number[] | undefined {
  return BLANK_TABS.find((t) => t.name === tab)?.widths;
}
