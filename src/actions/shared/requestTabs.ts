/**
 * The request tabs as the actions find them: whose each is (by the sheet ID recorded in
 * 調査シート一覧), read on demand and over the recorded area where that is safe, and the tab a
 * department should have. Shared by createRequests, mergeResponses, remindDepartments and exchange.
 */
import type { AnswerRecord } from '../../domain/inputs/answers';
import type { Grid } from '../../domain/core/cells';
import { type ReplyRecord } from '../../domain/committee/replies';
import { openRecommendationsFor } from '../../domain/committee/recommendations';
import type { Department } from '../../domain/core/departments';
import { type Finding, error, tabError, tabWarning, warning } from '../../domain/core/findings';
import type { PlanInputs, Settings } from '../../domain/inputs/inputs';
import type { Extent } from '../../domain/core/layout';
import { assignTabs, readIndex, readableArea } from '../../domain/requests/requestIndex';
import {
  HEADING_CELLS,
  type RequestTabContent,
  buildRequestTab,
  isRequestTabName,
  previousGradeMap,
  readRequestTab,
} from '../../domain/requests/requestTab';
import { TAB } from '../../domain/core/tabs';
import * as M from '../../domain/requests/requestMessages';
import type { ReadMode, Workbook } from '../../port';

/**
 * Reads request tabs on demand, each at most once in a run; a tab the tool wrote and protected
 * only over the area it recorded (`areaOf`), in one call.
 */
export function tabReader(
  wb: Workbook,
  areaOf: (sheet: string) => Extent | undefined = () => undefined,
  mode: ReadMode = 'typed',
) {
  const read = new Map<string, RequestTabContent>();
  const contentOf = (sheet: string): RequestTabContent => {
    let tab = read.get(sheet);
    if (!tab) read.set(sheet, (tab = readRequestTab(sheet, wb.read(sheet, mode, areaOf(sheet)) ?? [])));
    return tab;
  };
  return Object.assign(contentOf, { isRead: (sheet: string) => read.has(sheet), all: () => [...read.values()] });
}

/** The request tabs that exist, each read once, with the department its heading names. */
export function existingRequestTabs(wb: Workbook, names = wb.sheetNames()): RequestTabContent[] {
  const contentOf = tabReader(wb);
  return names.filter(isRequestTabName).map(contentOf);
}

/** One department's request tab for the 対象年度, carrying what `existing` holds. */
export function requestTabFor(
  inputs: PlanInputs,
  settings: Settings,
  records: readonly AnswerRecord[],
  replies: readonly ReplyRecord[],
  department: Department,
  existing: RequestTabContent | undefined,
  projects = inputs.projects.filter((p) => p.departments.includes(department)),
) {
  return buildRequestTab({
    recommendations: openRecommendationsFor(department, inputs.recommendations, replies, settings.year),
    replyStatuses: settings.replyStatuses,
    planName: settings.planName,
    year: settings.year,
    deadline: settings.deadline,
    department,
    projects,
    previousGrades: previousGradeMap(records, projects, settings.year, department.name),
    scales: settings.scales,
    admins: inputs.admins,
    existing,
  });
}

/** Whose each request tab is (read only where the recorded IDs do not settle it), and a reader for the rest. */
export function ownership(
  wb: Workbook,
  inputs: PlanInputs,
  indexValues: Grid | undefined,
  names: readonly string[],
  mode: ReadMode = 'typed',
) {
  const index = readIndex(indexValues);
  const ids = wb.sheetIds();
  const byId = new Map(index.filter((e) => e.sheetId !== '').map((e) => [e.sheetId, e]));
  const areaOf = (sheet: string) => readableArea(byId.get(ids.get(sheet) ?? ''));
  // A recorded tab is read over its recorded area only while its protection stands (nobody but
  // the 管理者 could have typed outside it); the protections are asked once, when first needed.
  let sealed: ReadonlySet<string> | undefined;
  const sealedArea = (sheet: string) => {
    const area = areaOf(sheet);
    if (!area) return undefined;
    sealed ??= wb.sealedTabs(names.filter((n) => areaOf(n) !== undefined));
    return sealed.has(sheet) ? area : undefined;
  };
  const contentOf = tabReader(wb, sealedArea, mode);
  const tabs = names.filter(isRequestTabName);
  return { index, ids, contentOf, ...assignTabs(tabs, contentOf, ids, index, inputs.directory) };
}

/** The request tabs, each read once, the index, and whose tab each is (by its recorded sheet ID). */
export function requestTabsOf(
  wb: Workbook,
  inputs: PlanInputs,
  indexValues = wb.read(TAB.requestIndex),
  names = wb.sheetNames(),
  mode: ReadMode = 'typed',
) {
  const { owned, contentOf, ...rest } = ownership(wb, inputs, indexValues, names, mode);
  return { ...rest, owned: new Map([...owned].map(([d, sheet]) => [d, contentOf(sheet)])) };
}

/** What is said of a tab refused by assignTabs, at its heading's 所管課 where no department is named. */
export function refusedTabFinding(
  tab: RequestTabContent,
  department: Department | undefined,
  severity: 'error' | 'warning',
): Finding {
  if (!department) {
    return (severity === 'error' ? error : warning)(
      tab.sheet,
      HEADING_CELLS.department.row,
      HEADING_CELLS.department.col,
      M.say.unknownDepartment(tab.departmentText),
    );
  }
  return (severity === 'error' ? tabError : tabWarning)(tab.sheet, M.say.notTheRecordedTab(tab.sheet, department.name));
}
