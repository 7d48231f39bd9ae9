import type { Grid, OutGrid } from './domain/core/cells';
import type { Extent, Layout, Protection } from './domain/core/layout';

/**
 * What the actions need from a workbook. Two adapters implement it: Apps Script
 * (src/gas/) and .xlsx files (src/cli/). Every method is one batched operation on a tab.
 */
export interface Workbook {
  /** Names of all tabs, in order. */
  sheetNames(): string[];
  /**
   * Every value of a tab in one read ('' for empty cells); undefined when the tab does not exist.
   * - 'values': numbers as numbers, dates as Date (a cell shown as 59.1% gives 0.591);
   * - 'typed': as 'values', but a cell holding a formula gives the formula as text, which is
   *   what the person typed (=IMPORTRANGE(…) in an answer is kept as those characters);
   * - 'shown': every cell as the text it shows (59.1% stays "59.1%").
   * `within`: the area the tool knows holds everything (a request tab it wrote and protected):
   * only that area is read, with no call to find the used range first.
   */
  read(sheet: string, mode?: ReadMode, within?: Extent): Grid | undefined;
  /** Adds an empty tab at the end. */
  createSheet(name: string): void;
  /**
   * Adds a tab at the end, already formatted and protected as `format(name, layout, extent)`
   * would leave it; its content is written next. For many tabs of one layout (the request
   * tabs): the Apps Script adapter copies their formatting from one template tab, so that each
   * costs a few calls instead of one per format. `tallest` is the most rows any tab of this
   * layout will have in this run, so that one template serves them all. Call `close()` when
   * the run ends.
   */
  createFormatted(name: string, layout: Layout, extent: Extent, tallest?: number): void;
  /** Removes a tab (only ever one known to hold nothing). */
  deleteSheet(name: string): void;
  /**
   * Writes one block at (row, col), 1-based, in one call. Strings are stored as text, never run
   * as formulas; links become links to their cell.
   */
  write(sheet: string, row: number, col: number, values: OutGrid): void;
  /**
   * Formatting, validation and protection of a tab, applied as a whole over `extent` (the area
   * its content was written to): a constant number of calls, whatever the number of rows.
   */
  format(sheet: string, layout: Layout, extent: Extent): void;
  /** Ends the run: removes whatever the adapter made for its own use (the template tab). */
  close(): void;
  /** The e-mail of the person running the action, where the workbook knows it (not in a file). */
  runner(): string | undefined;
  /** Each tab's ID by its name: a tab keeps its ID when renamed or moved, a copy gets a new one. */
  sheetIds(): ReadonlyMap<string, string>;
  /**
   * Lets only the 管理者 and the owner edit the tabs the tool keeps (inputs and results); does
   * nothing to a tab already so protected. With no 管理者 listed, the runner is one. A tab that
   * another editor protected leaving the runner out is left as it is: its name is returned.
   */
  protectForAdmins(sheets: readonly string[], admins: readonly string[]): readonly string[];
  /**
   * What on this tab the runner may not edit because someone other than the tool protected it
   * leaving them out (the owner passes every protection): each place as the user names it
   * (シート全体, E8:E9) with the protection's description. Asked only where the tool is about
   * to set a tab's protections anew, or to say why a write was refused.
   */
  lockedFor(sheet: string): readonly string[];
  /**
   * Of these request tabs, those that still hold the protections their `spec` gives them (none
   * removed or loosened by hand). The spreadsheet's protections are listed once for them all.
   */
  intactProtections(tabs: ReadonlyArray<{ readonly sheet: string; readonly spec: Protection }>): ReadonlySet<string>;
  /**
   * Of these tabs, those whose whole-tab protection stands (not a warning only): no one but the
   * 管理者 and the owner can type outside the areas it leaves open. Listed in one call.
   */
  sealedTabs(sheets: readonly string[]): ReadonlySet<string>;
  /**
   * Whether a tab's protections let edit exactly the people `spec` names (the owner and the runner
   * aside): false for an outsider added by hand or a protection a cut-off run left unnarrowed.
   */
  editorsAsSet(sheet: string, spec: Protection): boolean;
  /** The file's owner (lower-cased), who passes every protection; undefined for a file or a shared drive. */
  owner(): string | undefined;
  /** A link that opens this tab (the spreadsheet's URL with its gid); undefined for a file. */
  tabLink(name: string): string | undefined;
}

export type ReadMode = 'values' | 'typed' | 'shown';

/** The document lock, so that two people never write at once. */
export interface Lock {
  /** Waits up to `ms`; false when someone else still holds the lock. */
  tryLock(ms: number): boolean;
  release(): void;
}
