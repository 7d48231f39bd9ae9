import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ActionResult } from '../actions/shared/action';
import { writeAnswersInto, writeRepliesInto } from '../actions/exchange';
import { mergeResponses } from '../actions/mergeResponses';
import { createRequests } from '../actions/createRequests';
import { existingRequestTabs } from '../actions/shared/requestTabs';
import { setupSheets } from '../actions/setupSheets';
import { buildSummary } from '../actions/buildSummary';
import { importTable } from '../actions/importTable';
import { setSetting } from '../actions/setSetting';
import { validatePlan } from '../actions/validatePlan';
import { type Cell, norm } from '../domain/core/cells';
import { parseFiscalYear } from '../domain/core/fiscalYear';
import { ANSWER_FIELDS, type AnswerField, TAB } from '../domain/core/tabs';
import { type Io, formatTable } from './output';
import { decodeText, parseDelimited } from './textTable';
import { XlsxWorkbook } from './xlsxWorkbook';
import { yearlyReport } from '../actions/yearlyReport';
import { renderReportHtml } from '../pages/reportPage';
import { findChromium } from './chromium';
import { saveReport } from './reportFile';
import * as M from './cliMessages';

/** The example tabs and the files they come from. */
const EXAMPLE_TABS: ReadonlyArray<readonly [string, string]> = [
  [TAB.plan, 'kiyose-plan.tsv'],
  [TAB.structure, 'kiyose-structure.tsv'],
  [TAB.indicators, 'kiyose-indicators.tsv'],
  [TAB.indicatorResults, 'kiyose-indicator-results.tsv'],
  [TAB.departments, 'kiyose-departments.tsv'],
  [TAB.settings, 'kiyose-settings.tsv'],
];

/** The summary sections printed in the terminal. */
const PRINTED_SECTIONS = ['1. ', '3. ', '5. ', '7. ', '9. '];

/**
 * The whole yearly cycle on the Kiyose Goal 4 example, for three fiscal years: set up, check,
 * request, answer (a fixed, plausible set), merge, summarise; written to `outPath`.
 */
export async function runDemo(examplesDir: string, outPath: string, io: Io): Promise<boolean> {
  const table = (file: string) => parseDelimited(decodeText(readFileSync(join(examplesDir, file))).text);
  const wb = new XlsxWorkbook();
  let ok = true;
  const step = (r: ActionResult) => {
    ok = ok && r.ok;
    io.out(`■ ${r.title}：${r.message.split('\n')[0]}`);
  };
  step(setupSheets(wb));
  for (const [tab, file] of EXAMPLE_TABS) step(importTable(wb, tab, table(file), file));
  step(validatePlan(wb));

  const byYear = recordsByYear(table('kiyose-answers.tsv'));
  const replies = recordsByYear(table('kiyose-replies.tsv'));
  const years = [...byYear].sort((a, b) => a[0] - b[0]);
  // The year the example committee graded (its file's 年度).
  const committeeYear = [...recordsByYear(table('kiyose-committee.tsv')).keys()][0];
  for (const [year, records] of years) {
    io.out(`\n── ${year}年度 ──`);
    step(setSetting(wb, '対象年度', String(year)));
    step(setSetting(wb, '回答期限', `${year + 1}/5/29`));
    step(createRequests(wb));
    for (const tab of existingRequestTabs(wb)) {
      const mine = records.filter((r) => norm(r['所管課']) === norm(tab.departmentText));
      const byId = new Map(
        mine.map((r) => [
          r['事業番号'],
          Object.fromEntries(ANSWER_FIELDS.map((f) => [f, r[f] ?? ''])) as Record<AnswerField, Cell>,
        ]),
      );
      writeAnswersInto(wb, tab, byId);
      const mineReplies = (replies.get(year) ?? []).filter((r) => norm(r['所管課']) === norm(tab.departmentText));
      writeRepliesInto(
        wb,
        tab,
        new Map(mineReplies.map((r) => [r['提言番号'], { status: r['対応状況'], content: r['対応内容'] }])),
      );
    }
    io.out(M.demoAnswered(records.length));
    if (replies.get(year)?.length) io.out(M.demoReplied(replies.get(year)!.length));
    step(mergeResponses(wb, new Date(year + 1, 5, 15, 17, 0)));
    step(buildSummary(wb, new Date(year + 1, 6, 1, 9, 0)));
    if (year === committeeYear) {
      // The committee reads that year's summary, grades each 課題 and writes its 提言.
      io.out(M.demoCommittee());
      step(importTable(wb, TAB.committee, table('kiyose-committee.tsv'), 'kiyose-committee.tsv'));
      step(importTable(wb, TAB.recommendations, table('kiyose-recommendations.tsv'), 'kiyose-recommendations.tsv'));
    }
  }

  mkdirSync(dirname(outPath), { recursive: true });
  await wb.save(outPath);
  io.out(`\n${M.written(outPath)}`);
  writeReport(wb, outPath, new Date(years[years.length - 1][0] + 1, 6, 1, 9, 0), io);
  io.out('');
  printSummary(wb.read(TAB.summary) ?? [], io);
  return ok;
}

/** The last year's 進捗状況報告書 beside the book: HTML always, PDF where a Chromium-family browser is found. */
function writeReport(wb: XlsxWorkbook, outPath: string, now: Date, io: Io): void {
  const outcome = yearlyReport(wb, now);
  if (!('model' in outcome)) return;
  const base = outPath.replace(/\.xlsx$/i, '');
  const page = renderReportHtml(outcome.model);
  io.out(saveReport(outcome.model, `${base}-報告書.html`, io, page));
  if (findChromium()) io.out(saveReport(outcome.model, `${base}-報告書.pdf`, io, page));
  else io.out(M.demoNoPdf());
}

function recordsByYear(rows: Cell[][]): Map<number, Array<Record<string, string>>> {
  const header = rows[0].map(String);
  const out = new Map<number, Array<Record<string, string>>>();
  for (const line of rows.slice(1)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, String(line[i] ?? '')]));
    const year = parseFiscalYear(rec['年度'])!;
    out.set(year, [...(out.get(year) ?? []), rec]);
  }
  return out;
}

/** The summary's key tables in the terminal. */
export function printSummary(values: Cell[][], io: Io) {
  io.out(String(values[0]?.[0] ?? ''));
  for (const prefix of PRINTED_SECTIONS) {
    const start = values.findIndex((r) => String(r[0]).startsWith(prefix));
    if (start < 0) continue;
    const end = values.findIndex((r, i) => i > start && r.every((v) => v === '' || v === null));
    const rows = values
      .slice(start + 1, end < 0 ? undefined : end)
      .filter((r) => r.filter((v) => v !== '').length > 1)
      .map((r) => {
        const cells = r.map((v) => String(v ?? ''));
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        return cells.map((c) => (c.length > 24 ? `${c.slice(0, 23)}…` : c));
      });
    io.out(`\n${String(values[start][0])}`);
    io.out(formatTable(rows));
  }
}
