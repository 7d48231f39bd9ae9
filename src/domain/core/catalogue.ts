/**
 * The tabs' shapes in one place: each tab's column widths (pixels) and print set-up, read by every
 * action through its Layout, and so by both adapters. A width written anywhere else would drift
 * (チェック結果's column B was 120 in one place and 150 in another).
 */
import type { Layout } from './layout';
import { TAB } from './tabs';

export interface TabShape {
  readonly widths: readonly number[];
  readonly print?: Layout['print'];
}

/** Request tabs have a name per department: their shape is under this key. */
export const REQUEST_SHAPE = '調査_（各課）';

export const TAB_SHAPES: Readonly<Record<string, TabShape>> = {
  [TAB.plan]: { widths: [50, 50, 50, 50, 240, 420, 160] },
  [TAB.structure]: { widths: [60, 50, 50, 50, 320] },
  [TAB.indicators]: { widths: [50, 320, 50, 90, 80, 90, 100, 240] },
  [TAB.indicatorResults]: { widths: [50, 90, 80] },
  [TAB.departments]: { widths: [180, 200, 320, 80] },
  [TAB.settings]: { widths: [160, 480] },
  [TAB.answers]: { widths: [60, 80, 160, 360, 70, 90, 300, 80, 80, 130] },
  [TAB.committee]: { widths: [60, 50, 50, 60, 420, 240, 220] },
  [TAB.recommendations]: { widths: [70, 80, 480, 60, 240] },
  [TAB.replies]: { widths: [60, 80, 160, 80, 420, 130] },
  [TAB.check]: { widths: [70, 150, 70, 640] },
  // 保護・入力規則 wide enough for its whole key (rows, editors and three fingerprints).
  [TAB.requestIndex]: { widths: [200, 200, 80, 60, 60, 80, 140, 420, 80, 80] },
  [TAB.exports]: { widths: [200, 80, 120, 140, 160] },
  // A label column, then columns narrow enough for counts and wide enough, at the end, for what
  // departments wrote. About 1,090 px: an A4 landscape page fitted to its width prints 9 pt or more.
  [TAB.summary]: { widths: [200, 110, 64, 64, 64, 72, 240, 200, 80], print: 'landscape' },
  [TAB.projectList]: { widths: [70, 160, 110, 56, 56, 120, 60, 220, 190, 80], print: 'landscape' },
  // About 1,200 px: landscape A4 fitted to the width. The heading's lines run across unwrapped.
  [REQUEST_SHAPE]: { widths: [70, 160, 240, 60, 240, 56, 70, 200, 60, 60], print: 'landscape' },
};

/** A tab's column widths. */
export function widthsOf(tab: string): number[] {
  return [...(TAB_SHAPES[tab]?.widths ?? [])];
}

/** The layout of a plain table tab: its header row frozen and bold, its widths. */
export function tableLayout(tab: string, more: Partial<Layout> = {}): Layout {
  return { frozenRows: 1, headerRows: [1], columnWidths: widthsOf(tab), ...more };
}
