/**
 * Ten yearly cycles of one plan in one workbook, as a city lives them: each year the center
 * sets the 対象年度, makes the request tabs, the departments answer (as people type: Ｂ, a,
 * ５６人, a date in a text column), and the answers are merged. Along the way the plan gains a
 * 事業, a department is renamed (its old name kept as 別名) and a 事業 is renumbered twice
 * (旧事業番号). Run through the built Apps Script bundle and through the command line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { TAB } from '../src/domain/core/tabs';
import { FakeApp } from './fake/spreadsheetApp';
import { buildBundle, loadBundle, requestRows, seedTabs, tsv, typeAnswers } from './helpers';

const FIRST_YEAR = 2024;
const YEARS = 10;
const GRADES = ['A', 'B', 'C', 'D'];

/** One 事業 of the model plan; `key` is who it is, whatever its number becomes. */
interface ModelProject {
  key: string;
  id: string;
  former: string[];
  name: string;
  description: string;
  assigned: string;
}

/** The plan and the departments as the center keeps them, changed along the years. */
class Model {
  projects: ModelProject[] = tsv('kiyose-plan.tsv')
    .slice(1)
    .map((r) => ({
      key: r.slice(0, 4).join('-'),
      id: r.slice(0, 4).join('-'),
      former: [],
      name: r[4],
      description: r[5],
      assigned: r[6],
    }));
  departments = tsv('kiyose-departments.tsv');
  /** year → `${project key}|${department's first name}` → the grade code typed. */
  readonly grades = new Map<number, Map<string, string>>();
  /** A department's first name, by any name it has had: who it is. */
  readonly who = new Map<string, string>(this.departments.slice(1).map((r) => [r[0], r[0]]));

  planRows(): string[][] {
    return [
      ['目標', '課題', '施策', '事業', '事業名', '事業内容', '所管', '旧事業番号'],
      ...this.projects.map((p) => [...p.id.split('-'), p.name, p.description, p.assigned, p.former.join('、')]),
    ];
  }

  /** The events of one year, before its survey. */
  change(year: number): string[] {
    switch (year - FIRST_YEAR) {
      case 2:
        this.projects.push({
          key: 'new',
          id: '4-2-1-5',
          former: [],
          name: '男性の家事・育児参加の促進',
          description: '男性向けの家事・育児講座を開きます。',
          assigned: '子育て支援課',
        });
        return [TAB.plan];
      case 3:
        // 職員課 becomes 人事課; its old name stays as 別名 (the plan still says 職員課).
        this.departments = this.departments.map((r) => (r[0] === '職員課' ? ['人事課', '職員課', r[2], r[3]] : r));
        this.who.set('人事課', '職員課');
        return [TAB.departments];
      case 5:
        this.renumber('4-1-2-3', '4-1-2-4');
        return [TAB.plan];
      case 7:
        this.renumber('4-1-2-4', '4-1-3-4');
        return [TAB.plan];
      default:
        return [];
    }
  }

  private renumber(from: string, to: string) {
    const p = this.projects.find((x) => x.id === from)!;
    p.former.push(from);
    p.id = to;
  }

  /** What each department types this year: varied forms of the same answers, some rows left blank. */
  answersFor(year: number, department: string, rows: ReadonlyArray<Record<string, unknown>>) {
    const typed: Record<string, Record<string, unknown>> = {};
    const grades = new Map<string, string>();
    rows.forEach((row, i) => {
      const id = String(row['事業番号']);
      const project = this.projects.find((p) => p.id === id)!;
      const seed = year + i + department.length;
      if (seed % 5 === 0) return; // not answered this year
      const code = GRADES[seed % 4];
      const forms = [
        code,
        String.fromCharCode(code.charCodeAt(0) + 0xfee0),
        code.toLowerCase(),
        `${code}（${label(code)}）`,
      ];
      typed[id] = {
        '実施状況・実績': seed % 7 === 0 ? `${year}/4/1` : `${year}年度の取り組み（${project.name}）`,
        自己評価: forms[seed % forms.length],
        今後の方向性: seed % 3 === 0 ? '継続' : '見直し',
        '課題・改善点': `${year}年度の課題`,
        '参加者数（男性）':
          seed % 2 ? `${(seed % 60) + 1}人`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : '',
        '参加者数（女性）': seed % 2 ? seed % 50 : '',
      };
      grades.set(`${project.key}|${this.who.get(department)}`, code);
    });
    const year_ = this.grades.get(year) ?? new Map<string, string>();
    for (const [k, v] of grades) year_.set(k, v);
    this.grades.set(year, year_);
    return typed;
  }
}

function label(code: string): string {
  return { A: '目標を達成', B: 'おおむね達成', C: '一部未達成', D: '未実施' }[code]!;
}

/** What the test needs from a workbook, whichever way it is driven. */
interface Driver {
  put(tab: string, rows: string[][]): Promise<void>;
  setYear(year: number): Promise<void>;
  run(action: 'requests' | 'merge' | 'summary'): Promise<{ ok: boolean; message: string }>;
  requestTabs(): Promise<
    Array<{ sheet: string; year: unknown; department: string; rows: Array<Record<string, unknown>> }>
  >;
  answer(sheet: string, department: string, answers: Record<string, Record<string, unknown>>): Promise<void>;
  answers(): Promise<unknown[][]>;
}

function requestTabsOf(sheets: ReadonlyArray<{ name: string; values: unknown[][] }>) {
  return sheets
    .filter((s) => s.name.startsWith('調査_'))
    .map((s) => {
      const headerRow = s.values.findIndex((r) => r[0] === '事業番号');
      const header = s.values[headerRow].map(String);
      const rows = s.values
        .slice(headerRow + 1)
        .filter((l) => l.some((v) => v !== '' && v !== null))
        .map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? ''])));
      return { sheet: s.name, year: s.values[1][1], department: String(s.values[2][1]), rows };
    });
}

/** The Apps Script bundle on the fake, run from its menu functions. */
function bundleDriver(code: string): Driver {
  const app = new FakeApp(seedTabs());
  const ctx = loadBundle(code, app);
  const menu: Record<string, string> = { requests: 'createRequests', merge: 'mergeResponses', summary: 'buildSummary' };
  return {
    put: async (tab, rows) => app.sheet(tab)!.retype(rows),
    setYear: async (year) => {
      const settings = tsv('kiyose-settings.tsv').map((r) =>
        r[0] === '対象年度' ? [r[0], `${year}`] : r[0] === '回答期限' ? [r[0], `${year + 1}/5/29`] : r,
      );
      app.sheet(TAB.settings)!.retype(settings);
    },
    run: async (action) => {
      (ctx[menu[action]] as () => void)();
      const alert = app.alerts[app.alerts.length - 1];
      return { ok: !alert.title.includes('途中') && !/エラー [1-9]/.test(alert.message), message: alert.message };
    },
    requestTabs: async () => requestTabsOf(app.sheets.map((s) => ({ name: s.name, values: s.values() }))),
    answer: async (sheet, _department, answers) => {
      expect(requestRows(app, sheet).length).toBeGreaterThan(0);
      typeAnswers(app, sheet, answers);
    },
    answers: async () => app.sheet(TAB.answers)!.values(),
  };
}

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

/** The command line on an .xlsx book; each department answers in a file of its own. */
function cliDriver(): Driver {
  const dir = mkdtempSync(join(tmpdir(), 'danjo-ten-'));
  const book = join(dir, 'plan.xlsx');
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: () => {}, examplesDir });
    return { ok: code === 0, message: out.join('\n') };
  };
  const file = (name: string, rows: string[][]) => {
    const path = join(dir, name);
    writeFileSync(path, rows.map((r) => r.join('\t')).join('\n'));
    return path;
  };
  let ready: Promise<void> | undefined;
  const init = () =>
    (ready ??= (async () => {
      await cli('init', book);
      for (const [tab, rows] of Object.entries(seedTabs()))
        expect(
          (await cli(...(tab === TAB.plan ? ['import-plan', book] : ['import', book, tab]), file(`${tab}.tsv`, rows)))
            .ok,
        ).toBe(true);
    })());
  return {
    put: async (tab, rows) => {
      await init();
      // Each year the office hands over its whole table: what it no longer lists goes (--replace).
      const r = await cli(
        ...(tab === TAB.plan ? ['import-plan', book] : ['import', book, tab]),
        file(`${tab}.tsv`, rows),
        '--replace',
      );
      expect(r.message).toContain('読み込みました');
    },
    setYear: async (year) => {
      await init();
      expect((await cli('set', book, '対象年度', `${year}`)).ok).toBe(true);
      expect((await cli('set', book, '回答期限', `${year + 1}/5/29`)).ok).toBe(true);
    },
    run: async (action) => cli(action, book),
    requestTabs: async () => {
      const wb = await XlsxWorkbook.open(book);
      return requestTabsOf(wb.sheetNames().map((name) => ({ name, values: wb.read(name) ?? [] })));
    },
    answer: async (sheet, department, answers) => {
      // The department types into the exported file in Excel: dates become dates there too.
      const path = join(dir, `${department}.xlsx`);
      // Last year's file of the same name is replaced, as the center means to.
      expect((await cli('export-request', book, department, path, '--force')).ok).toBe(true);
      const wb = await XlsxWorkbook.open(path);
      const ws = wb.book.getWorksheet(sheet)!;
      const header = (ws.getRow(7).values as unknown[]).map(String);
      ws.eachRow((row, r) => {
        const typed = answers[String(row.getCell(1).value)];
        if (r <= 7 || !typed) return;
        for (const [h, v] of Object.entries(typed)) {
          const date = typeof v === 'string' && /^(\d{4})\/(\d+)\/(\d+)$/.exec(v);
          const cell = row.getCell(header.indexOf(h));
          // As Excel does: the cell typed into gets a date format of its own.
          if (date) cell.style = { ...cell.style, numFmt: 'yyyy/m/d' };
          cell.value = (
            date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : v
          ) as ExcelJS.CellValue;
        }
      });
      await wb.save(path);
      const imported = await cli('import-request', book, path);
      expect(imported.message).toContain('に入れました');
    },
    answers: async () => (await XlsxWorkbook.open(book)).read(TAB.answers) ?? [],
  };
}

async function tenYears(driver: Driver) {
  const model = new Model();
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    for (const tab of model.change(year))
      await driver.put(tab, tab === TAB.plan ? model.planRows() : model.departments);
    await driver.setYear(year);
    const requests = await driver.run('requests');
    expect(requests.ok, `${year}: ${requests.message}`).toBe(true);

    const tabs = await driver.requestTabs();
    const due = new Map<string, number>();
    const concerned = model.departments.filter((r) => r[3] === 'TRUE').map((r) => r[0]);
    for (const p of model.projects)
      for (const d of p.assigned === '関係各課' ? concerned : [p.assigned]) {
        const name = model.who.get(d) ?? d;
        due.set(name, (due.get(name) ?? 0) + 1);
      }
    expect(tabs.map((t) => model.who.get(t.department)).sort(), `${year}`).toEqual([...due.keys()].sort());
    for (const t of tabs) {
      const department = model.who.get(t.department)!;
      expect(String(t.year), `${year} ${t.sheet}`).toContain(`${year}年度`);
      expect(t.rows.length, `${year} ${t.sheet}`).toBe(due.get(department));
      // 前年度の自己評価 follows the department under its new name and the 事業 under its new number.
      for (const row of t.rows) {
        const project = model.projects.find((p) => p.id === row['事業番号'])!;
        const expected = model.grades.get(year - 1)?.get(`${project.key}|${department}`) ?? '';
        expect(row['前年度の自己評価'], `${year} ${t.sheet} ${project.id}`).toBe(expected);
        expect(row['自己評価'], `${year} ${t.sheet} ${project.id} starts blank`).toBe('');
      }
      await driver.answer(t.sheet, t.department, model.answersFor(year, t.department, t.rows));
    }
    const merge = await driver.run('merge');
    expect(merge.ok, `${year}: ${merge.message}`).toBe(true);
    // A second merge finds nothing new: every typed form equals what 回答 now holds.
    expect((await driver.run('merge')).message).toContain('新規 0行、更新 0行');
  }

  // Every year's answers are in 回答, each once, with the grade typed in its normalised form.
  const rows = await driver.answers();
  const header = rows[0].map(String);
  const at = (h: string) => header.indexOf(h);
  const stored = rows.slice(1).filter((r) => r[at('年度')] !== '');
  const keys = stored.map((r) => `${r[at('年度')]}|${r[at('事業番号')]}|${model.who.get(String(r[at('所管課')]))}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    const typed = model.grades.get(year)!;
    const ofYear = stored.filter((r) => r[at('年度')] === year);
    expect(ofYear.length, `${year}`).toBe(typed.size);
    for (const r of ofYear) expect(['A', 'B', 'C', 'D']).toContain(r[at('自己評価')]);
    for (const r of ofYear) expect(String(r[at('実施状況・実績')])).not.toMatch(/GMT|T00:00/);
  }
  const summary = await driver.run('summary');
  expect(summary.ok, summary.message).toBe(true);
  expect(summary.message).toContain(`回答 ${stored.filter((r) => r[at('年度')] === FIRST_YEAR + YEARS - 1).length}件`);
}

describe('ten years of one plan', () => {
  let code = '';
  beforeAll(() => {
    code = buildBundle();
  });

  it('through the Apps Script bundle: every year merged once, every 前年度の自己評価 right', async () => {
    await tenYears(bundleDriver(code));
  });

  it('through the command line, each department answering in its own .xlsx file', async () => {
    await tenYears(cliDriver());
  }, 120_000);
});
