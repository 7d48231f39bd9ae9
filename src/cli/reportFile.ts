/** The yearly report written to a file, as its name says: .pdf printed by the browser, .html as it is. */
import type { ReportModel } from '../domain/report/reportModel';
import { renderReportHtml } from '../pages/reportPage';
import { printHtmlToPdf } from './chromium';
import { writeAtomically } from './files';
import type { Io } from './output';
import * as M from './cliMessages';

export type ReportKind = 'PDF' | 'HTML';

/** PDF or HTML by the file's name; undefined for any other name. */
export function reportKindOf(path: string): ReportKind | undefined {
  return /\.pdf$/i.test(path) ? 'PDF' : /\.html?$/i.test(path) ? 'HTML' : undefined;
}

/**
 * Above this many 事業 lines the PDF is printed without tags: tagging (the structure a screen
 * reader follows) takes Chromium 103 s for 12,700 lines where the untagged PDF takes 39 s. The
 * report's accessible form on the web is its HTML.
 */
export const TAGGED_PDF_MAX_LINES = 3000;

/** Writes the report to `out` (a .pdf or .html name) and returns what to tell the user. */
export function saveReport(model: ReportModel, out: string, io: Io, page = renderReportHtml(model)): string {
  const kind = reportKindOf(out) ?? 'HTML';
  const written = M.reportWritten(out, model.yearLabel, kind);
  if (kind === 'HTML') {
    writeAtomically(out, Buffer.from(page, 'utf8'));
    return written;
  }
  const lines = model.projects.reduce((n, g) => n + g.lines.length, 0);
  const tagged = lines <= TAGGED_PDF_MAX_LINES;
  printHtmlToPdf(page, out, io, tagged);
  if (tagged) return written;
  return `${written}\n${M.untaggedPdf(lines)}`;
}
