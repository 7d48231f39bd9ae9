import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { type Finding, cellLabel } from '../src/domain/core/findings';
import { TAB } from '../src/domain/core/tabs';
import { GasWorkbook } from '../src/gas/workbook';
import { FakeApp, type FakeSheet } from './fake/spreadsheetApp';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

export function tsv(name: string): string[][] {
  return readFileSync(examples + name, 'utf8')
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => line.split('\t'));
}

/** The Kiyose Goal 4 example, tab by tab, as a person would have typed it. */
export function seedTabs(): Record<string, string[][]> {
  return {
    [TAB.plan]: tsv('kiyose-plan.tsv'),
    [TAB.structure]: tsv('kiyose-structure.tsv'),
    [TAB.indicators]: tsv('kiyose-indicators.tsv'),
    [TAB.indicatorResults]: tsv('kiyose-indicator-results.tsv'),
    [TAB.departments]: tsv('kiyose-departments.tsv'),
    [TAB.settings]: tsv('kiyose-settings.tsv'),
  };
}

/** A fake spreadsheet holding these tabs, its globals installed, and the adapter over it. */
export function fakeBook(tabs: Record<string, unknown[][]> = seedTabs()) {
  const app = new FakeApp(tabs);
  const uninstall = app.install();
  const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  return { app, wb, uninstall };
}

/** Every tab's values, for "nothing else changed" assertions. */
export function snapshot(app: FakeApp, except: string[] = []): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const s of app.sheets) if (!except.includes(s.name)) out[s.name] = s.values();
  return out;
}

/** チェック結果 as plain rows (header first). */
export function checkRows(app: FakeApp): string[][] {
  return (app.sheet(TAB.check)?.values() ?? []).map((r) => r.map(String));
}

/**
 * The codes an action's findings carry at this tab (and cell, written as チェック結果 writes it):
 * tests match codes and the facts a sentence must name, so the wording can change freely.
 */
export function codesAt(result: { readonly findings: readonly Finding[] }, sheet: string, cell?: string): string[] {
  return result.findings
    .filter((f) => f.sheet === sheet && (cell === undefined || cellLabel(f) === cell))
    .map((f) => f.code);
}

/** Types answers into a request tab as a department would: row found by 事業番号, column by header. */
export function typeAnswers(app: FakeApp, sheet: string, answers: Record<string, Record<string, unknown>>) {
  const s = app.sheet(sheet);
  if (!s) throw new Error(`no tab ${sheet}`);
  const values = s.values();
  const headerRow = values.findIndex((r) => r[0] === '事業番号');
  const header = values[headerRow].map(String);
  for (const [id, fields] of Object.entries(answers)) {
    const r = values.findIndex((line, i) => i > headerRow && String(line[0]) === id);
    if (r < 0) throw new Error(`no row ${id} in ${sheet}`);
    for (const [h, v] of Object.entries(fields)) {
      const c = header.indexOf(h);
      if (c < 0) throw new Error(`no column ${h} in ${sheet}`);
      s.type(r + 1, c + 1, v);
    }
  }
}

/** A request tab's table as objects keyed by header (rows under the header row). */
export function requestRows(app: FakeApp, sheet: string): Array<Record<string, unknown>> {
  const values = app.sheet(sheet)!.values();
  const headerRow = values.findIndex((r) => r[0] === '事業番号');
  const header = values[headerRow].map(String);
  return values.slice(headerRow + 1).map((line) => Object.fromEntries(header.map((h, i) => [h, line[i] ?? ''])));
}

/** A tab's protections as a person (or the next run) sees them: who may edit what. */
export function protectionsOf(s: FakeSheet) {
  return s.protections.map((p) => ({
    type: p.type,
    range: p.range,
    editors: [...p.editors].sort(),
    domainEdit: p.domainEdit,
    warningOnly: p.warningOnly,
    unprotected: p.unprotected,
    description: p.description,
  }));
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds build/Code.js as `npm run build` does and returns its text. */
export function buildBundle(): string {
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  return readFileSync(`${root}build/Code.js`, 'utf8');
}

/** Evaluates the bundle as Apps Script does: one plain script, the services as globals. */
export function loadBundle(code: string, app: FakeApp): Record<string, unknown> {
  const context = vm.createContext({ ...app.globals(), console });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}
