import { type AnswerRecord, byCurrentDepartment, readAnswers } from '../domain/inputs/answers';
import { type Finding, hasErrors, warning, tabError, tabWarning } from '../domain/core/findings';
import { formatFiscalYear } from '../domain/core/fiscalYear';
import type { Department } from '../domain/core/departments';
import type { PlanInputs, Project, Settings } from '../domain/inputs/inputs';
import { type IndexEntry, changedParts, fingerprint, indexRows, layoutKey } from '../domain/requests/requestIndex';
import { REQUEST_HEADER_ROW, type RequestTabContent } from '../domain/requests/requestTab';
import { type RecordedTab, type RequestPlan, type TabStep, planRequests } from '../domain/requests/requestPlan';
import { type ReplyRecord, readReplies } from '../domain/committee/replies';
import { TAB } from '../domain/core/tabs';
import { type Grid, bucketBy, widest } from '../domain/core/cells';
import type { Workbook } from '../port';
import type { Protection } from '../domain/core/layout';
import {
  type ActionResult,
  findingsSummary,
  protectAdminTabs,
  withNote,
  replaceTab,
  writeFindings,
  openAction,
  isRefusal,
} from './shared/action';
import { requestWarnings } from './shared/requestWarnings';
import { tableLayout } from '../domain/core/catalogue';
import { ownership, refusedTabFinding, requestTabFor, tabReader } from './shared/requestTabs';
import * as M from '../domain/requests/requestMessages';
import * as A from './shared/actionMessages';

const TITLE = '所管課別調査シートを作成';

export interface RunOptions {
  /** True once the run should stop and leave the rest for the next run (Apps Script stops at 6 minutes). */
  readonly outOfTime?: () => boolean;
  /** Told after each tab written: tabs done of tabs to do, and the department just done. */
  readonly onProgress?: (done: number, total: number, department: string) => void;
}

/** What a run did to each tab, for its message. */
interface Counts {
  created: number;
  refreshed: number;
  /** This year's tabs written from the same inputs: neither read nor written. */
  unchanged: number;
  skipped: string[];
  kept: number;
  outside: number;
}

/**
 * Creates or refreshes one request tab per department for the 対象年度, keeping every answer
 * already typed (matched by 事業番号). Writes no tab while the plan has errors.
 *
 * Every run makes progress, however slow the service: missing tabs and tabs of an older year
 * come first; a tab 調査シート一覧 records as written for this year from the same inputs is
 * neither read nor written. When time runs short it stops between two tabs and says how many
 * remain; the next run carries on with them.
 */
export function createRequests(wb: Workbook, options: RunOptions = {}): ActionResult {
  const opened = openAction(wb, TITLE, M.planHasErrors(), (inputs, findings) =>
    findings.push(...requestWarnings(inputs)),
  );
  if (isRefusal(opened)) return opened;
  const { inputs, settings, findings } = opened;
  const { answers, replies } = readMerged(wb, inputs, findings);
  const names = wb.sheetNames();
  const indexValues = wb.read(TAB.requestIndex);
  const { index, ids, owned, refused, contentOf } = ownership(wb, inputs, indexValues, names);
  for (const r of refused) findings.push(refusedTabFinding(r.tab, r.department, 'warning'));
  const projectsOf = projectsByDepartment(inputs.projects);
  const departments = inputs.directory.departments.filter((d) => projectsOf(d).length > 0);
  const run: TabRun = {
    wb,
    inputs,
    settings,
    lastYear: bucketBy(
      answers.filter((r) => r.year === settings.year - 1),
      (r) => r.department,
    ),
    replies,
    ids,
    // The index line of a tab is found by its ID; of a department renamed since (its old name
    // kept as 別名), by that name.
    priorOf: (d, sheet) =>
      index.find((e) => e.sheetId !== '' && e.sheetId === ids.get(sheet)) ??
      index.find((e) => inputs.directory.resolve(e.department) === d),
    projectsOf,
    tallest: 0,
    fresh: new Map(),
    intact: new Set(),
  };
  // The tab of a department with no 事業 now is read, to be named as left alone.
  for (const [d, sheet] of owned) if (!departments.includes(d)) contentOf(sheet);
  const known = recordedTabs(run, owned, contentOf.isRead);
  const plan = planRequests({
    settings,
    departments,
    tabs: contentOf.all(),
    owned: new Map([...owned].map(([d, sheet]) => [d, known.get(d) ?? contentOf(sheet)])),
    refused: refused.map((r) => r.tab),
    sheetNames: names,
    recordedNames: new Set(index.map((e) => e.sheet)),
    answers,
    replies,
  });
  // The tallest tab this run may create: one template serves every new tab.
  run.tallest =
    REQUEST_HEADER_ROW + Math.max(0, ...plan.steps.filter(isNew).map((s) => projectsOf(s.department).length));
  const counts: Counts = { created: 0, refreshed: 0, unchanged: 0, skipped: [], kept: 0, outside: 0 };
  const recorded = recordIntent(wb, plan, index, ids, indexValues);
  const done = applySteps(run, plan, contentOf, counts, options);
  if (done.postponed.length === 0) findings.push(...mendEditors(run, plan, options));
  findings.push(...done.findings, ...plan.findings);
  if (done.postponed.length) findings.push(postponedFinding(done.postponed));
  writeIndex(wb, done.entries, ids, recorded);
  writeFindings(wb, findings);
  const note = protectAdminTabs(wb, inputs.admins);
  const message = withNote(requestsMessage(settings.year, counts, done, plan.leftAlone, refused, findings), note);
  const progress = {
    done: plan.steps.length - done.postponed.length,
    total: plan.steps.length,
    next: done.postponed[0]?.name,
  };
  return { ok: !hasErrors(findings), title: TITLE, message, findings, progress };
}

const isNew = (s: TabStep): s is Extract<TabStep, { kind: 'write' }> => s.kind === 'write' && !s.current;

/**
 * The departments' tabs known from 調査シート一覧 and not read. Such a tab is unchanged when its
 * line says it was written for this year from the inputs of now (their fingerprint) and its
 * protections stand as the tool left them. The protections of every owned tab are asked of the
 * spreadsheet once for the whole run (kept in `run.intact` for the tabs written later).
 */
function recordedTabs(run: TabRun, owned: ReadonlyMap<Department, string>, isRead: (sheet: string) => boolean) {
  const guarded: Array<{ sheet: string; spec: Protection }> = [];
  for (const [d, sheet] of owned) {
    const fresh = requestTabFor(run.inputs, run.settings, run.lastYear.get(d.name) ?? [], run.replies, d, undefined);
    run.fresh.set(sheet, fresh);
    if (fresh.layout.protection) guarded.push({ sheet, spec: fresh.layout.protection });
  }
  run.intact = run.wb.intactProtections(guarded);
  const out = new Map<Department, RecordedTab>();
  for (const [d, sheet] of owned) {
    if (isRead(sheet)) continue;
    const prior = run.priorOf(d, sheet);
    const year = prior?.year ?? 0;
    const fresh = run.fresh.get(sheet)!;
    const unchanged =
      prior !== undefined &&
      year === run.settings.year &&
      inputsPart(prior.layoutKey) === inputsKey(fresh) &&
      (!fresh.layout.protection || run.intact.has(sheet));
    out.set(d, { sheet, year, unchanged });
  }
  return out;
}

/**
 * With time left once every tab is written, the tabs kept as they were have their protections'
 * editors checked (one call a protection) and set again where someone was added by hand or a
 * run cut off before narrowing one: from a random place in the list, so that slow days, which
 * check only some, come to every tab in turn.
 */
function mendEditors(run: TabRun, plan: RequestPlan, options: RunOptions): Finding[] {
  const kept = plan.steps.filter((s) => s.kind === 'keep');
  const start = Math.floor(Math.random() * kept.length);
  const mended: Finding[] = [];
  for (let i = 0; i < kept.length && !options.outOfTime?.(); i++) {
    const { sheet, department } = kept[(start + i) % kept.length];
    const fresh = run.fresh.get(sheet);
    const spec = fresh?.layout.protection;
    if (!fresh || !spec || run.wb.editorsAsSet(sheet, spec)) continue;
    const locked = othersLock(run, sheet, department);
    if (locked) {
      mended.push(locked);
      continue;
    }
    run.wb.format(
      sheet,
      { protection: { ...spec, sameEditors: false } },
      { rows: fresh.rows.length, cols: widest(fresh.rows) },
    );
    mended.push(tabWarning(sheet, M.say.editorsMended(sheet)));
  }
  return mended;
}

/**
 * A tab whose protections are set anew must hold none the runner may not remove (a department's
 * 「自分のみ」 on its own cells): such a tab is left as it is, and the error says whose to lift.
 */
function othersLock(run: TabRun, sheet: string, department: Department): Finding | undefined {
  const locked = run.wb.lockedFor(sheet);
  return locked.length ? tabError(sheet, M.say.lockedByOthers(sheet, locked, department.name)) : undefined;
}

/** The fingerprint of what a tab is written from (its rows and layout before anything typed is carried). */
function inputsKey(fresh: ReturnType<typeof requestTabFor>): string {
  return fingerprint([fresh.rows, fresh.layout]);
}
const inputsPart = (key: string) => /内容#([0-9a-f]{8})/.exec(key)?.[1];

/** Takes the plan's steps in order while time lasts; the rest keep their line of 調査シート一覧. */
function applySteps(
  run: TabRun,
  plan: RequestPlan,
  contentOf: ReturnType<typeof tabReader>,
  counts: Counts,
  options: RunOptions,
) {
  const postponed: Department[] = [];
  const renamed: string[] = [];
  const entries: IndexEntry[] = [];
  const findings: Finding[] = [];
  // A tab not written this run keeps its line of 調査シート一覧 (under the department's name of now).
  const keepLine = (d: Department, sheet: string) => {
    const prior = run.priorOf(d, sheet);
    if (prior) entries.push({ ...prior, department: d.name, sheet });
  };
  for (const planned of plan.steps) {
    const d = planned.department;
    if (planned.kind === 'keep') {
      counts.unchanged++;
      keepLine(d, planned.sheet);
      continue;
    }
    if (options.outOfTime?.()) {
      postponed.push(d);
      keepLine(d, planned.sheet);
      continue;
    }
    const step = planned.kind === 'read' ? plan.decide(d, contentOf(planned.sheet)) : planned;
    if (step.kind === 'skip') {
      findings.push(...step.findings);
      counts.skipped.push(d.name);
      keepLine(d, step.sheet);
      continue;
    }
    const locked = step.current && !run.intact.has(step.sheet) ? othersLock(run, step.sheet, d) : undefined;
    if (locked) {
      findings.push(locked);
      counts.skipped.push(d.name);
      keepLine(d, step.sheet);
      continue;
    }
    const written = writeRequestTab(run, step);
    entries.push(written.entry);
    findings.push(...written.findings);
    counts[step.current ? 'refreshed' : 'created']++;
    counts.kept += written.answersKept;
    counts.outside += written.keptOutsidePlan;
    if (step.sheet !== `調査_${d.name}`) renamed.push(`${d.name} → ${step.sheet}`);
    options.onProgress?.(counts.created + counts.refreshed + counts.unchanged, plan.steps.length, d.name);
  }
  // 調査シート一覧 lists the departments in the order of 所管課, whatever order the run took.
  const rowOf = new Map(plan.steps.map((s) => [s.sheet, s.department.row]));
  const rank = new Map(entries.map((e, i) => [e, rowOf.get(e.sheet) ?? 1e9 + i]));
  entries.sort((a, b) => rank.get(a)! - rank.get(b)!);
  return { postponed, renamed, entries, findings };
}

/**
 * 回答 and 提言への対応 as merged, by current department name. A 回答 that cannot be read only
 * leaves out 前年度の自己評価: its problems are 注意 here.
 */
function readMerged(wb: Workbook, inputs: PlanInputs, findings: Finding[]) {
  const answerFindings: Finding[] = [];
  const answers = byCurrentDepartment(
    readAnswers(wb.read(TAB.answers), answerFindings, inputs.settings?.scales),
    inputs.directory,
    findings,
  );
  for (const f of answerFindings)
    findings.push(warning(f.sheet, f.row, f.col, { code: f.code, text: M.withoutPriorGrade(f.message) }));
  return { answers, replies: readReplies(wb.read(TAB.replies), inputs.directory, findings).records };
}

/**
 * The names of the tabs this run is about to make go into 調査シート一覧 before any is made (one
 * write): a run cut off before it records their IDs is completed by the next, which finds them
 * named there. A tab of that name nobody recorded is someone else's and never adopted.
 */
function recordIntent(
  wb: Workbook,
  plan: RequestPlan,
  index: readonly IndexEntry[],
  ids: ReadonlyMap<string, string>,
  indexValues: Grid | undefined,
): Grid | undefined {
  const named = new Set(index.map((e) => e.sheet));
  const intended: IndexEntry[] = plan.steps
    .filter((s) => isNew(s) && !named.has(s.sheet))
    .map((s) => ({
      department: s.department.name,
      sheet: s.sheet,
      sheetId: '',
      year: 0,
      projects: 0,
      answered: 0,
      status: '未回答',
      mergedAt: '',
      layoutKey: '',
    }));
  return intended.length ? writeIndex(wb, [...index, ...intended], ids, indexValues) : indexValues;
}

/** 調査シート一覧, each tab made in this run with its sheet ID; returns what it wrote (known once the run made them all). */
function writeIndex(
  wb: Workbook,
  entries: readonly IndexEntry[],
  ids: ReadonlyMap<string, string>,
  indexValues: Grid | undefined,
): Grid {
  const idsNow = entries.some((e) => !e.sheetId) ? wb.sheetIds() : ids;
  const recorded = entries.map((e) => (e.sheetId ? e : { ...e, sheetId: idsNow.get(e.sheet) ?? '' }));
  const rows = indexRows(recorded);
  replaceTab(wb, TAB.requestIndex, rows, indexValues, { layout: tableLayout(TAB.requestIndex) });
  return rows as Grid;
}

function projectsByDepartment(projects: readonly Project[]): (d: Department) => Project[] {
  const out = new Map<Department, Project[]>();
  for (const p of projects) {
    for (const d of p.departments) {
      const list = out.get(d);
      if (list) list.push(p);
      else out.set(d, [p]);
    }
  }
  return (d) => out.get(d) ?? [];
}

/** What writing each tab needs, read once for the whole run. */
interface TabRun {
  readonly wb: Workbook;
  readonly inputs: PlanInputs;
  readonly settings: Settings;
  /** Last year's answers of each department (by its current name). */
  readonly lastYear: ReadonlyMap<string, readonly AnswerRecord[]>;
  readonly replies: readonly ReplyRecord[];
  readonly ids: ReadonlyMap<string, string>;
  /** The department's line of 調査シート一覧, found by its tab's ID (or, before IDs, its name). */
  readonly priorOf: (d: Department, sheet: string) => IndexEntry | undefined;
  readonly projectsOf: (d: Department) => Project[];
  /** The tallest tab this run may create (set once the plan is made). */
  tallest: number;
  /** Each owned tab as the inputs of now would write it, before anything typed is carried. */
  readonly fresh: Map<string, ReturnType<typeof requestTabFor>>;
  /** Owned tabs whose protections stand as the tool left them (asked once for the run). */
  intact: ReadonlySet<string>;
}

/**
 * Writes one department's tab as the plan says, formatting and protecting only what would
 * change, and returns its line of 調査シート一覧.
 */
function writeRequestTab(run: TabRun, step: Extract<TabStep, { kind: 'write' }>) {
  const { wb, settings } = run;
  const { department: d, sheet, current } = step;
  if (step.remakeEmpty) wb.deleteSheet(sheet);
  const projects = run.projectsOf(d);
  const lastYear = run.lastYear.get(d.name) ?? [];
  const tab = requestTabFor(run.inputs, settings, lastYear, run.replies, d, step.carry, projects);
  // A new tab is created already formatted and protected (the cheapest way in Apps Script);
  // one with a second table (提言への対応) has a shape of its own and is formatted by itself.
  const extent = replaceTab(wb, sheet, tab.rows, current?.values, {
    layout: tab.layout,
    tallest: tab.replyRows ? undefined : run.tallest,
  });
  const prior = run.priorOf(d, sheet);
  // A refreshed tab keeps the column widths its department chose.
  const { protection, ...rest } = tab.layout;
  const look = { ...rest, columnWidths: undefined };
  const fresh = current
    ? (run.fresh.get(sheet) ?? requestTabFor(run.inputs, settings, lastYear, run.replies, d, undefined, projects))
    : tab;
  const key = `${layoutKey(
    look,
    protection && { ...protection, editable: undefined },
    projects.length + tab.keptOutsidePlan + tab.replyRows,
    d.editors.length,
  )}・内容#${inputsKey(fresh)}`;
  if (current) {
    // The look and the protection are each set again only when they would change; where only
    // the rows changed, the answer area is moved under the same editors. A tab known from
    // the index keeps its frozen rows.
    const known = prior?.sheet === sheet;
    const changed = changedParts(known ? prior?.layoutKey : undefined, key);
    const setLook = changed.look ? { ...look, frozenRows: known ? undefined : look.frozenRows } : {};
    // Protections removed or loosened by hand are set again even where the key says they stand
    // (where only the rows changed, moving the answer area looks at them anyway).
    const untouched = !changed.protection && !changed.rows && protection !== undefined;
    const setProtection =
      changed.protection || (untouched && !run.intact.has(sheet))
        ? protection
        : changed.rows && protection
          ? { ...protection, sameEditors: true }
          : undefined;
    if (changed.look || setProtection) wb.format(sheet, { ...setLook, protection: setProtection }, extent);
  }
  const findings = d.editors.length === 0 ? [tabWarning(sheet, M.say.noEditors(d.name))] : [];
  const sameYear = prior?.year === settings.year ? prior : undefined;
  // A tab made in this run (or made again) gets its ID once the run has made them all.
  const entry: IndexEntry = {
    department: d.name,
    sheet,
    sheetId: current ? (run.ids.get(sheet) ?? '') : '',
    year: settings.year,
    projects: projects.length,
    answered: sameYear?.answered ?? 0,
    status: sameYear?.status ?? '未回答',
    mergedAt: sameYear?.mergedAt ?? '',
    layoutKey: key,
    extent: { rows: tab.rows.length, cols: widest(tab.rows) },
  };
  return { entry, findings, answersKept: tab.answersKept, keptOutsidePlan: tab.keptOutsidePlan };
}

function postponedFinding(postponed: readonly Department[]): Finding {
  const names = postponed.slice(0, 3).map((d) => d.name);
  return tabWarning(TAB.requestIndex, M.say.postponed(postponed.length, names));
}

function requestsMessage(
  year: number,
  counts: Counts,
  done: { postponed: readonly Department[]; renamed: readonly string[] },
  leftAlone: readonly RequestTabContent[],
  refused: ReadonlyArray<{ tab: RequestTabContent }>,
  findings: readonly Finding[],
): string {
  const { postponed, renamed } = done;
  const lines = [
    `${formatFiscalYear(year)}の調査シート：作成 ${counts.created}、更新 ${counts.refreshed}、` +
      // 変更なし: written before from the same inputs; the tabs not made and those of no department are named below.
      `変更なし ${counts.unchanged}` +
      (counts.skipped.length ? `、作れなかった ${counts.skipped.length}` : '') +
      (leftAlone.length ? `、対象外のシート ${leftAlone.length}` : '') +
      (postponed.length ? `、次の実行で処理 ${postponed.length}` : ''),
    postponed.length ? M.remaining(postponed.length, counts.created + counts.refreshed + counts.skipped.length) : '',
    counts.kept ? A.keptAnswers(counts.kept, counts.outside) : '',
    renamed.length ? A.renamedTabs(renamed) : '',
    counts.skipped.length ? `作れなかった課：${counts.skipped.join('、')}（理由は「${TAB.check}」シート）` : '',
    leftAlone.length ? `そのままにしたシート：${leftAlone.map((t) => t.sheet).join('、')}` : '',
    refused.length
      ? `使わなかったシート（「${TAB.requestIndex}」に記録された調査シートではないもの）：` +
        refused.map((r) => r.tab.sheet).join('、')
      : '',
    findings.length ? `\n${findingsSummary(findings)}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}
