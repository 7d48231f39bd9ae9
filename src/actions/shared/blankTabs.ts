import { type OutGrid, isBlankGrid } from '../../domain/core/cells';
import { COMMITTEE_REFERENCE } from '../../domain/committee/committeeGrades';
import {
  DEFAULT_COMMITTEE_GRADES,
  DEFAULT_DIRECTIONS,
  DEFAULT_GRADES,
  DEFAULT_KPI_STATUSES,
  DEFAULT_REPLY_STATUSES,
  HEADERS,
  SETTING,
  TAB,
} from '../../domain/core/tabs';
import { HEADER_NOTES } from '../../domain/core/tabMessages';
import type { Workbook } from '../../port';
import { replaceTab } from './action';
import { tableLayout } from '../../domain/core/catalogue';

/** The tabs 初期設定 creates, each with its header row (and for 設定, its items). */
const BLANK_TABS: ReadonlyArray<{ name: string; rows: OutGrid }> = [
  { name: TAB.plan, rows: [[...HEADERS.plan]] },
  { name: TAB.structure, rows: [[...HEADERS.structure]] },
  { name: TAB.indicators, rows: [[...HEADERS.indicators]] },
  { name: TAB.indicatorResults, rows: [[...HEADERS.indicatorResults]] },
  { name: TAB.departments, rows: [[...HEADERS.departments]] },
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
  },
  { name: TAB.answers, rows: [[...HEADERS.answers]] },
  { name: TAB.committee, rows: [[...HEADERS.committee, ...COMMITTEE_REFERENCE]] },
  { name: TAB.recommendations, rows: [[...HEADERS.recommendations]] },
  { name: TAB.replies, rows: [[...HEADERS.replies]] },
  { name: TAB.check, rows: [[...HEADERS.check]] },
  { name: TAB.requestIndex, rows: [[...HEADERS.requestIndex]] },
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
      layout: tableLayout(tab.name, { notes: notes.filter((n) => n.col > 0) }),
    });
    created.push(tab.name);
  }
  return created;
}
