import { type AnswerRecord, answerKey, byCurrentDepartment, readAnswers, sameTypedAnswer } from '../domain/answers';
import { isBlank, isBlankGrid, norm } from '../domain/cells';
import { type Finding, error, hasErrors, warning } from '../domain/findings';
import { formatFiscalYear } from '../domain/fiscalYear';
import type { Department } from '../domain/departments';
import type { PlanInputs, Project, Settings } from '../domain/inputs';
import { type IndexEntry, assignTabs, changedParts, indexRows, layoutKey, readIndex } from '../domain/requestIndex';
import {
  REQUEST_HEADER_ROW,
  type RequestTabContent,
  buildRequestTab,
  isRequestTabName,
  previousGradeMap,
  readRequestTab,
  requestTabName,
} from '../domain/requestTab';
import { matchGrade } from '../domain/scales';
import { type ReplyRecord, matchReplyStatus, openRecommendationsFor, readReplies } from '../domain/committee';
import { ANSWER_FIELDS, TAB } from '../domain/tabs';
import type { Workbook } from '../port';
import {
  type ActionResult,
  checkInputs,
  findingsSummary,
  protectAdminTabs,
  refuseNonAdmin,
  replaceTab,
  writeFindings,
} from './common';
import { requestWarnings } from './validate';

const TITLE = '所管課別調査シートを作成';

/** The request tabs that exist, each read once, with the department its heading names. */
export function existingRequestTabs(wb: Workbook, names = wb.sheetNames()): RequestTabContent[] {
  return names.filter(isRequestTabName).map((name) => readRequestTab(name, wb.read(name, 'typed') ?? []));
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
    previousGrades: previousGradeMap(
      records,
      projects,
      settings.year,
      department.name,
      (v) => matchGrade(settings.scales, v)?.code,
    ),
    scales: settings.scales,
    admins: inputs.admins,
    existing,
  });
}

/** The request tabs, each read once, the index, and whose tab each is (by its recorded sheet ID). */
export function requestTabsOf(
  wb: Workbook,
  inputs: PlanInputs,
  indexValues = wb.read(TAB.requestIndex),
  names = wb.sheetNames(),
) {
  const tabs = existingRequestTabs(wb, names);
  const index = readIndex(indexValues);
  const ids = wb.sheetIds();
  return {
    tabs,
    index,
    ids,
    ...assignTabs(tabs, ids, index, inputs.directory, (sheet) => wb.madeByTool(sheet, inputs.admins)),
  };
}

/** What is said of a tab refused by assignTabs, at its heading's 所管課 where no department is named. */
export function refusedTabFinding(
  tab: RequestTabContent,
  department: Department | undefined,
  severity: 'error' | 'warning',
): Finding {
  const make = severity === 'error' ? error : warning;
  if (!department) {
    return make(
      tab.sheet,
      3,
      2,
      `見出しの所管課「${tab.departmentText || '空欄'}」が「${TAB.departments}」シートにありません。このシートは取り込んでいません。` +
        `所管課の名前を元に戻すか、「所管課別調査シートを作成」で作り直してください。`,
    );
  }
  return make(
    tab.sheet,
    undefined,
    undefined,
    `「${tab.sheet}」の見出しには所管課「${department.name}」とありますが、` +
      `「${TAB.requestIndex}」に記録された「${department.name}」の調査シートではありません` +
      '（複製したシートか、ほかの人が作ったシートです）。このシートの回答は取り込まず、調査シートとしても使いません。' +
      '内容を確かめて、不要なら削除してください。',
  );
}

export interface RunOptions {
  /** True once the run should stop and leave the rest for the next run (Apps Script stops at 6 minutes). */
  readonly outOfTime?: () => boolean;
}

/**
 * Creates or refreshes one request tab per department for the 対象年度, keeping every answer
 * already typed (matched by 事業番号). Writes no tab while the plan has errors. When time runs
 * short, it stops between two tabs and says so: the next run carries on where it stopped.
 */
export function createRequests(wb: Workbook, options: RunOptions = {}): ActionResult {
  const { inputs, findings } = checkInputs(wb);
  const notAdmin = refuseNonAdmin(wb, inputs.admins, TITLE);
  if (notAdmin) return notAdmin;
  findings.push(...requestWarnings(inputs));
  const settings = inputs.settings;
  if (hasErrors(findings) || !settings) {
    writeFindings(wb, findings);
    return {
      ok: false,
      title: TITLE,
      message:
        `プランにエラーがあるため、調査シートは作成していません。` +
        `\n\n${findingsSummary(findings)}\n\n「${TAB.check}」シートの内容を直してから、もう一度実行してください。`,
      findings,
    };
  }
  const { year } = settings;
  const answerFindings: Finding[] = [];
  const answers = byCurrentDepartment(readAnswers(wb.read(TAB.answers), answerFindings), inputs.directory);
  for (const f of answerFindings)
    findings.push(warning(f.sheet, f.row, f.col, `${f.message}（前年度の自己評価は入れずに作成しました）`));
  findings.push(...answers.findings);
  const replies = readReplies(wb.read(TAB.replies), inputs.directory, findings).records;
  const names = wb.sheetNames();
  const indexValues = wb.read(TAB.requestIndex);
  const { tabs, index: oldIndex, ids, owned: tabOf, refused } = requestTabsOf(wb, inputs, indexValues, names);
  // The index line of a department renamed since (its old name kept as 別名) is still its own.
  const priorOf = (d: Department) => oldIndex.find((e) => inputs.directory.resolve(e.department) === d);
  for (const r of refused) findings.push(refusedTabFinding(r.tab, r.department, 'warning'));
  const emptyTabs = new Set(tabs.filter((t) => isBlankGrid(t.values)).map((t) => t.sheet));
  const remade = new Set<string>();
  const projectsByDepartment = new Map<Department, Project[]>();
  for (const p of inputs.projects) {
    for (const d of p.departments) {
      const list = projectsByDepartment.get(d);
      if (list) list.push(p);
      else projectsByDepartment.set(d, [p]);
    }
  }
  const projectsOf = (d: Department) => projectsByDepartment.get(d) ?? [];
  const departments = inputs.directory.departments.filter((d) => projectsOf(d).length > 0);
  const lastYear = answers.records.filter((r) => r.year === year - 1);
  // The tallest tab this run may create: one template serves every new tab.
  const tallest =
    REQUEST_HEADER_ROW + Math.max(0, ...departments.filter((d) => !tabOf.has(d)).map((d) => projectsOf(d).length));
  const merged = new Map(answers.records.map((r) => [answerKey(r.year, r.id, r.department), r]));
  // Departments left for the next run, or skipped to protect what they typed.
  const postponed: Department[] = [];
  const untouched: Department[] = [];
  const taken = new Set(names);
  const counts = { created: 0, refreshed: 0, skipped: [] as string[], kept: 0, outside: 0 };
  const renamed: string[] = [];
  const entries: IndexEntry[] = [];

  for (const d of departments) {
    if (options.outOfTime?.()) {
      postponed.push(d);
      continue;
    }
    const current = tabOf.get(d);
    let sheet = current?.sheet ?? requestTabName(d.name, taken);
    if (!current) {
      // A run cut off between creating a tab and writing it leaves it empty: it is made again
      // under its own name (nothing typed can be in it), not left beside a new 調査_…_2.
      const own = requestTabName(d.name, new Set([...taken].filter((n) => !emptyTabs.has(n))));
      if (emptyTabs.delete(own)) {
        wb.deleteSheet(own);
        remade.add(own);
        sheet = own;
      }
    }
    taken.add(sheet);
    if (current && (!current.table || current.problems.length) && !isBlankGrid(current.values)) {
      findings.push(...current.problems);
      findings.push(
        error(
          sheet,
          undefined,
          undefined,
          `「${sheet}」の表の見出し行が元の形でないため、このシートは作り直していません（入力された内容を守るため）。見出し行を元に戻してから、もう一度実行してください。`,
        ),
      );
      counts.skipped.push(d.name);
      untouched.push(d);
      continue;
    }
    let existing = current;
    if (current && current.year !== year) {
      const unmerged = current.rows.filter((r) => {
        const record = current.year === undefined ? undefined : merged.get(answerKey(current.year, r.id, d.name));
        return (
          ANSWER_FIELDS.some((f) => !isBlank(r.fields[f])) &&
          !(record && sameTypedAnswer(r.fields, record.fields, settings.scales))
        );
      });
      const unmergedReplies = current.replies.filter((r) => {
        if (isBlank(r.status) && isBlank(r.content)) return false;
        const record = replies.find((x) => x.year === current.year && x.number === r.number && x.department === d.name);
        const status = matchReplyStatus(settings.replyStatuses, r.status);
        return !(record && norm(record.status) === status && String(record.content) === String(r.content));
      });
      if (unmerged.length + unmergedReplies.length) {
        findings.push(
          error(
            sheet,
            (unmerged[0] ?? unmergedReplies[0]).row,
            1,
            `「${sheet}」には ${current.yearText || '別の年度'} の回答で、まだ「${TAB.answers}」に取り込まれていないものが ${unmerged.length + unmergedReplies.length}行あります。` +
              `このシートは作り直していません。先に「設定」の対象年度をその年度に戻して「回答を取り込む」を実行するか、回答を別の場所に写してから、もう一度実行してください。`,
          ),
        );
        counts.skipped.push(d.name);
        untouched.push(d);
        continue;
      }
      existing = undefined;
    }
    const projects = projectsOf(d);
    const tab = requestTabFor(inputs, settings, lastYear, replies, d, existing, projects);
    // A new tab is created already formatted and protected (the cheapest way in Apps Script);
    // one with a second table (提言への対応) has a shape of its own and is formatted by itself.
    const extent = replaceTab(wb, sheet, tab.rows, current?.values, {
      layout: tab.layout,
      tallest: tab.replyRows ? undefined : tallest,
    });
    const prior = priorOf(d);
    // A refreshed tab keeps the column widths its department chose.
    const { protection, ...rest } = tab.layout;
    const look = { ...rest, columnWidths: undefined };
    const key = layoutKey(
      look,
      protection && { ...protection, editable: undefined },
      projects.length + tab.keptOutsidePlan + tab.replyRows,
      d.editors.length,
    );
    if (current) {
      // The look and the protection are each set again only when they would change; where only
      // the rows changed, the answer area is moved under the same editors. A tab known from
      // the index keeps its frozen rows.
      const known = prior?.sheet === sheet;
      const changed = changedParts(known ? prior.layoutKey : undefined, key);
      const setLook = changed.look ? { ...look, frozenRows: known ? undefined : look.frozenRows } : {};
      // Protections removed or loosened by hand are set again even where the key says they stand
      // (where only the rows changed, moving the answer area looks at them anyway).
      const untouched = !changed.protection && !changed.rows && protection !== undefined;
      const setProtection =
        changed.protection || (untouched && !wb.protectionIntact(sheet, protection))
          ? protection
          : changed.rows && protection
            ? { ...protection, sameEditors: true }
            : undefined;
      if (changed.look || setProtection) wb.format(sheet, { ...setLook, protection: setProtection }, extent);
    }
    if (current) counts.refreshed++;
    else counts.created++;
    counts.kept += tab.answersKept;
    counts.outside += tab.keptOutsidePlan;
    if (sheet !== `調査_${d.name}`) renamed.push(`${d.name} → ${sheet}`);
    if (d.editors.length === 0) {
      findings.push(
        warning(
          sheet,
          undefined,
          undefined,
          `「${d.name}」に編集者が登録されていないため、このシートは警告のみの保護です。「${TAB.departments}」シートに編集者を入れて、もう一度実行してください。`,
        ),
      );
    }
    const sameYear = prior?.year === year ? prior : undefined;
    // A tab made in this run (or made again) gets its ID once the run has made them all.
    entries.push({
      department: d.name,
      sheet,
      sheetId: current ? (ids.get(sheet) ?? '') : '',
      year,
      projects: projects.length,
      answered: sameYear?.answered ?? 0,
      status: sameYear?.status ?? '未回答',
      mergedAt: sameYear?.mergedAt ?? '',
      layoutKey: key,
    });
  }
  // Departments not processed this time keep their line as it was.
  for (const d of [...postponed, ...untouched]) {
    const prior = priorOf(d);
    if (prior) entries.push(prior);
  }

  const leftAlone = tabs.filter(
    (t) =>
      !remade.has(t.sheet) &&
      !refused.some((r) => r.tab === t) &&
      ![...tabOf.entries()].some(([d, tab]) => tab === t && departments.includes(d)),
  );
  if (postponed.length) {
    findings.push(
      warning(
        TAB.requestIndex,
        undefined,
        undefined,
        `時間内に終わらなかったため、${postponed.length}課（${postponed
          .slice(0, 3)
          .map((d) => d.name)
          .join(
            '、',
          )}${postponed.length > 3 ? ' など' : ''}）のシートはまだ作成・更新していません。もう一度「${TITLE}」を実行すると、続きから処理します。`,
      ),
    );
  }
  for (const t of leftAlone) {
    findings.push(
      warning(
        t.sheet,
        undefined,
        undefined,
        `「${t.sheet}」（所管課「${t.departmentText || '不明'}」）の事業がプランにないため、このシートはそのままにしました。不要なら、回答を確かめてから削除してください。`,
      ),
    );
  }
  // Tabs made in this run get their IDs now.
  const idsNow = entries.some((e) => !e.sheetId) ? wb.sheetIds() : ids;
  const recorded = entries.map((e) => (e.sheetId ? e : { ...e, sheetId: idsNow.get(e.sheet) ?? '' }));
  replaceTab(wb, TAB.requestIndex, indexRows(recorded), indexValues, {
    layout: { frozenRows: 1, headerRows: [1], columnWidths: [200, 200, 80, 60, 60, 80, 140, 260, 80] },
  });
  writeFindings(wb, findings);
  protectAdminTabs(wb, inputs.admins);

  const lines = [
    `${formatFiscalYear(year)}の調査シート：作成 ${counts.created}、更新 ${counts.refreshed}、` +
      `そのまま ${leftAlone.length + counts.skipped.length}` +
      (postponed.length ? `、次の実行で処理 ${postponed.length}` : ''),
    postponed.length
      ? `時間内に終わらなかった課が ${postponed.length} あります。もう一度「${TITLE}」を実行してください（作成済みのシートと回答はそのままで、続きから処理します）。`
      : '',
    counts.kept
      ? `入力済みの回答 ${counts.kept}行はそのまま残しました${counts.outside ? `（うち ${counts.outside}行はプランにない事業で、シートの下にまとめてあります）` : ''}。`
      : '',
    renamed.length
      ? `シート名を変えた課（名前が長い・使えない文字・重複のため）：${renamed.join('、')}。対応は「${TAB.requestIndex}」シートにあります。`
      : '',
    counts.skipped.length ? `作れなかった課：${counts.skipped.join('、')}（理由は「${TAB.check}」シート）` : '',
    leftAlone.length ? `そのままにしたシート：${leftAlone.map((t) => t.sheet).join('、')}` : '',
    refused.length
      ? `使わなかったシート（「${TAB.requestIndex}」に記録された調査シートではないもの）：${refused.map((r) => r.tab.sheet).join('、')}`
      : '',
    findings.length ? `\n${findingsSummary(findings)}` : '',
  ];
  return { ok: !hasErrors(findings), title: TITLE, message: lines.filter(Boolean).join('\n'), findings };
}
