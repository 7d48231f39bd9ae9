import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeResponses } from '../src/actions/mergeResponses';
import { remindDepartments } from '../src/actions/remindDepartments';
import { createRequests } from '../src/actions/createRequests';
import { buildSummary } from '../src/actions/buildSummary';
import { validatePlan } from '../src/actions/validatePlan';
import { main } from '../src/cli/main';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import type { FakeApp } from './fake/spreadsheetApp';
import { FakeApp as App } from './fake/spreadsheetApp';
import { buildBundle, checkRows, codesAt, fakeBook, loadBundle, seedTabs, snapshot, typeAnswers } from './helpers';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const CENTER = '調査_男女共同参画センター';
const answer = (grade: string, extra: Record<string, unknown> = {}) => ({
  '実施状況・実績': `${grade}の取り組み`,
  自己評価: grade,
  今後の方向性: '継続',
  ...(grade === 'C' || grade === 'D' ? { '課題・改善点': '改善の計画' } : {}),
  ...extra,
});

/** Year 2024 answered and merged; the committee's 提言 of 2024 typed; 対象年度 moved to 2025. */
function secondYearTabs(recommendations: string[][] = RECOMMENDATIONS) {
  const tabs: Record<string, unknown[][]> = seedTabs();
  tabs[TAB.settings] = (tabs[TAB.settings] as string[][]).map((r) =>
    r[0] === '対象年度' ? ['対象年度', '2025'] : r[0] === '回答期限' ? ['回答期限', '2026/5/29'] : r,
  );
  tabs[TAB.recommendations] = [[...HEADERS.recommendations], ...recommendations];
  return tabs;
}

const RECOMMENDATIONS = [
  ['R6-1', '令和6年度', '参加者数を男女別に把握すること。', '4-1', '関係各課'],
  ['R6-2', '令和6年度', '意識・実態調査を計画どおり実施すること。', '4-2', 'アイレック'],
  ['R7-1', '令和7年度', '来年度の提言（まだたずねない）。', '4-2', '職員課'],
];

/** The second table of a request tab: its rows under its own header, as objects. */
function replyRows(app: FakeApp, sheet: string): Array<Record<string, unknown>> {
  const values = app.sheet(sheet)!.values();
  const header = values.findIndex((r) => r[0] === '提言番号');
  if (header < 0) return [];
  const names = values[header].map(String);
  return values.slice(header + 1).map((line) => Object.fromEntries(names.map((h, i) => [h, line[i] ?? ''])));
}

function typeReply(app: FakeApp, sheet: string, number: string, status: string, content: string) {
  const s = app.sheet(sheet)!;
  const values = s.values();
  const header = values.findIndex((r) => r[0] === '提言番号');
  const row = values.findIndex((r, i) => i > header && r[0] === number);
  const col = (h: string) => values[header].indexOf(h) + 1;
  s.type(row + 1, col('対応状況'), status);
  s.type(row + 1, col('対応内容'), content);
}

describe('提言 in the check', () => {
  it('names the cell of an unknown department and of a 課題 not in 体系', () => {
    const book = fakeBook(
      secondYearTabs([
        ['R6-1', '令和6年度', '提言', '4-9', '企画課'],
        ['R6-2', '令和6年度', '提言', '4-1', '広報課'],
        ['R6-2', '令和6年度', '提言', '4-1', '企画課'],
      ]),
    );
    uninstall = book.uninstall;
    const result = validatePlan(book.wb);
    expect(result.ok).toBe(false);
    expect(codesAt(result, TAB.recommendations)).toEqual([
      'committee.issueUnknown',
      'committee.addresseeUnknown',
      'committee.recommendationNumberTwice',
    ]);
    const rows = checkRows(book.app).filter((r) => r[1] === TAB.recommendations);
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['D2', expect.stringContaining('「4-9」')],
      ['E3', expect.stringContaining('「広報課」')],
      ['A4', expect.stringContaining('R6-2 が 3行目')],
    ]);
  });
});

describe('委員会評価 in the check', () => {
  it('names a grade outside the committee’s scale at its cell', () => {
    const tabs = secondYearTabs();
    tabs[TAB.committee] = [[...HEADERS.committee], [2024, 4, 1, '◯', ''], [2024, 4, 2, 'B', '']];
    const book = fakeBook(tabs);
    uninstall = book.uninstall;
    const result = validatePlan(book.wb);
    expect(result.ok).toBe(false);
    const rows = checkRows(book.app).filter((r) => r[1] === TAB.committee);
    // ◯ typed for ○ is the same mark; B is not one of the committee's.
    expect(rows.map((r) => r[2])).toEqual(['D3']);
    expect(codesAt(result, TAB.committee, 'D3')).toEqual(['committee.gradeOffScale']);
    expect(rows[0][3]).toContain('「B」');
    expect(rows[0][3]).toContain('◎ 順調、○ おおむね順調、△ やや遅れ、× 遅れ');
  });
});

describe('提言への対応 in the request tabs', () => {
  it('asks every department addressed (by alias or 関係各課) about each earlier 提言, and no one else', () => {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    expect(createRequests(book.wb).ok).toBe(true);
    const numbers = (sheet: string) => replyRows(book.app, sheet).map((r) => r['提言番号']);
    expect(numbers(CENTER)).toEqual(['R6-1', 'R6-2']);
    expect(numbers('調査_職員課')).toEqual(['R6-1']); // R7-1 is of this year: asked next year
    expect(numbers('調査_子育て支援課')).toEqual(['R6-1']);
    const center = book.app.sheet(CENTER)!;
    const header = center.values().findIndex((r) => r[0] === '提言番号') + 1;
    expect(center.values()[header - 1].slice(0, 6)).toEqual([...HEADERS.requestReplies]);
    // 対応状況 is a dropdown of the city's scale; 対応内容 and 対応状況 are the department's to edit.
    expect(center.cellAt(header + 1, 6)!.validation).toMatchObject({
      values: ['対応済', '対応中', '検討中', '対応困難'],
    });
    const editable = center.protections.filter((p) => p.type === 'RANGE').map((p) => p.range);
    expect(editable).toContainEqual({ row: header + 1, col: 5, numRows: 2, numCols: 2 });
  });

  it('merges the replies whole department or nothing, once, and stops asking a 提言 answered 対応済', () => {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    createRequests(book.wb);
    typeAnswers(book.app, '調査_職員課', { '4-1-2-2': answer('B') });
    typeReply(book.app, '調査_職員課', 'R6-1', '対応済', '=IMPORTRANGE("x","y")');
    typeReply(book.app, CENTER, 'R6-1', '対応中', '講座の参加者を男女別に集計');
    typeReply(book.app, CENTER, 'R6-2', 'そのうち', '予算要求');
    const result = mergeResponses(book.wb, new Date(2026, 5, 1));
    // The center's unknown 対応状況 keeps all of the center out; 職員課 goes in, its text as text.
    expect(result.findings.filter((f) => f.code === 'merge.replyStatusOffScale').map((f) => f.sheet)).toEqual([CENTER]);
    expect(checkRows(book.app).find((r) => r[1] === CENTER)?.[3]).toContain('「そのうち」');
    const stored = () => book.app.sheet(TAB.replies)!.values().slice(1);
    expect(stored().map((r) => r.slice(0, 5))).toEqual([[2025, 'R6-1', '職員課', '対応済', '=IMPORTRANGE("x","y")']]);
    expect(book.app.sheet(TAB.replies)!.cellAt(2, 5)!.formula).toBeFalsy();
    expect(result.message).toContain('取り込まなかった課：男女共同参画センター');
    typeReply(book.app, CENTER, 'R6-2', '検討中', '予算要求');
    mergeResponses(book.wb, new Date(2026, 5, 2));
    expect(stored()).toHaveLength(3);
    const before = snapshot(book.app);
    mergeResponses(book.wb, new Date(2026, 5, 3));
    expect(snapshot(book.app, [TAB.requestIndex])[TAB.replies]).toEqual(before[TAB.replies]);

    // Next year: 職員課 answered 対応済 and is not asked again; the center (対応中) is.
    const settings = book.app.sheet(TAB.settings)!;
    const yearRow = settings.values().findIndex((r) => r[0] === '対象年度') + 1;
    settings.type(yearRow, 2, '2026');
    expect(createRequests(book.wb).ok).toBe(true);
    expect(replyRows(book.app, '調査_職員課').map((r) => r['提言番号'])).toEqual(['R7-1']);
    expect(replyRows(book.app, CENTER).map((r) => r['提言番号'])).toEqual(['R6-1', 'R6-2']);
    expect(replyRows(book.app, CENTER)[0]['対応状況']).toBe('');
  });

  it('refuses next year’s tabs while a typed reply is not merged, and keeps it', () => {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    createRequests(book.wb);
    typeReply(book.app, '調査_企画課', 'R6-1', '対応中', '様式を準備中');
    const settings = book.app.sheet(TAB.settings)!;
    settings.type(settings.values().findIndex((r) => r[0] === '対象年度') + 1, 2, '2026');
    const result = createRequests(book.wb);
    expect(result.ok).toBe(false);
    expect(codesAt(result, '調査_企画課')).toEqual(['request.unmergedAnswers']);
    expect(checkRows(book.app).some((r) => r[1] === '調査_企画課')).toBe(true);
    expect(replyRows(book.app, '調査_企画課')[0]['対応内容']).toBe('様式を準備中');
  });
});

describe('a C or D without its 課題・改善点', () => {
  it('is an error at that cell, and the department is not merged', () => {
    const book = fakeBook();
    uninstall = book.uninstall;
    createRequests(book.wb);
    typeAnswers(book.app, '調査_職員課', {
      '4-1-2-2': { '実施状況・実績': '一部のみ', 自己評価: 'Ｃ', 今後の方向性: '継続' },
    });
    const result = mergeResponses(book.wb, new Date(2026, 5, 1));
    expect(result.ok).toBe(false);
    const row = checkRows(book.app).find((r) => r[1] === '調査_職員課')!;
    expect(row[2]).toBe('H8');
    expect(codesAt(result, '調査_職員課', 'H8')).toEqual(['merge.lowGradeWithoutReason']);
    expect(row[3]).toContain('自己評価が C');
    expect(book.app.sheet(TAB.answers)!.values().slice(1)).toEqual([]);
  });
});

describe('the committee in the summary', () => {
  function merged() {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    createRequests(book.wb);
    typeAnswers(book.app, '調査_職員課', {
      '4-1-2-2': answer('B'),
      '4-1-2-3': answer('A', { '参加者数（男性）': 5, '参加者数（女性）': 15 }),
    });
    typeReply(book.app, '調査_職員課', 'R6-1', '対応済', '研修で集計');
    typeReply(book.app, CENTER, 'R6-2', '検討中', '予算要求');
    mergeResponses(book.wb, new Date(2026, 5, 1));
    return book;
  }

  it('adds one 委員会評価 row per 課題 of the year with reference counts, and never touches what was typed', () => {
    const book = merged();
    buildSummary(book.wb, new Date(2026, 6, 1));
    const committee = book.app.sheet(TAB.committee)!;
    expect(committee.values().map((r) => r.slice(0, 5))).toEqual([
      ['年度', '目標', '課題', '評価', '意見'],
      [2025, 4, 1, '', ''],
      [2025, 4, 2, '', ''],
    ]);
    expect(committee.values()[1].slice(5)).toEqual(['庁内推進体制の充実と強化', 'A 1・B 1・C 0・D 0・未回答 8']);
    // 評価 is picked from the committee's scale.
    expect(committee.cellAt(3, 4)!.validation).toMatchObject({ values: ['◎', '○', '△', '×'] });
    committee.type(2, 4, '○');
    committee.type(2, 5, '着実に進んでいる');
    buildSummary(book.wb, new Date(2026, 6, 2));
    expect(committee.values()).toHaveLength(3);
    expect(committee.values()[1].slice(3, 5)).toEqual(['○', '着実に進んでいる']);
    const summary = book.app.sheet(TAB.summary)!.values();
    const at = (prefix: string, n: number) => summary[summary.findIndex((r) => String(r[0]).startsWith(prefix)) + n];
    expect([at('3. ', 2)[0], at('3. ', 2)[8]]).toEqual(['課題4-1 庁内推進体制の充実と強化', '○']);
    expect([at('3. ', 3)[0], at('3. ', 3)[8]]).toEqual(['課題4-2 男女共同参画の推進基盤の強化', '—']);
  });

  it('lists every open 提言 with each department’s 対応状況, 未回答 where none', () => {
    const book = merged();
    buildSummary(book.wb, new Date(2026, 6, 1));
    const summary = book.app.sheet(TAB.summary)!.values();
    const start = summary.findIndex((r) => String(r[0]).startsWith('9. 提言への対応状況'));
    const end = summary.findIndex((r, i) => i > start + 1 && r.every((v) => v === ''));
    const lines = summary.slice(start + 2, end).map((r) => [String(r[0]).split(' ')[0], r[1], r[2]]);
    expect(lines).toEqual([
      ['R6-1', '男女共同参画センター', '未回答'],
      ['R6-1', '職員課', '対応済'],
      ['R6-1', '企画課', '未回答'],
      ['R6-1', '子育て支援課', '未回答'],
      ['R6-2', '男女共同参画センター', '検討中'],
      ['R7-1', '職員課', '—'],
    ]);
  });
});

describe('reminders', () => {
  it('lists the departments still to answer with days left, editors and a ready e-mail', () => {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    createRequests(book.wb);
    typeAnswers(book.app, '調査_職員課', { '4-1-2-2': answer('B') });
    const before = snapshot(book.app);
    const result = remindDepartments(book.wb, new Date(2026, 4, 19));
    expect(snapshot(book.app)).toEqual(before); // reads only
    const shokuin = result.reminders.find((r) => r.department === '職員課')!;
    expect(shokuin.status).toBe('回答中');
    expect(shokuin.missing).toEqual(['4-1-2-3 男女共同参画研修の充実']);
    expect(shokuin.missingReplies).toEqual(['R6-1']);
    expect(shokuin.body).toContain('回答期限まであと 10日');
    expect(shokuin.body).toContain('https://docs.google.com/spreadsheets/d/fake-spreadsheet/edit#gid=');
    expect(shokuin.mailto.startsWith('mailto:shokuin%40city.kiyose.example.lg.jp?subject=')).toBe(true);
    expect(decodeURIComponent(shokuin.mailto.split('subject=')[1].split('&')[0])).toBe(shokuin.subject);
    expect(result.message).toContain('まだ回答が終わっていない課が 4課あります');
  });
});

describe('through the built bundle', () => {
  let code = '';
  beforeAll(() => {
    code = buildBundle();
  });

  it('runs the loop: requests with 提言, merge of the replies, the summary, and the reminder dialog', () => {
    const app = new App(secondYearTabs());
    const ctx = loadBundle(code, app) as Record<string, () => void>;
    ctx.setupSheets();
    ctx.createRequests();
    typeReply(app, '調査_職員課', 'R6-1', '対応済', '研修で集計');
    ctx.mergeResponses();
    expect(app.sheet(TAB.replies)!.values()[1].slice(0, 4)).toEqual([2025, 'R6-1', '職員課', '対応済']);
    ctx.buildSummary();
    expect(app.sheet(TAB.committee)!.values()).toHaveLength(3);
    ctx.remindDepartments();
    expect(app.dialogs).toHaveLength(1);
    expect(app.dialogs[0].title).toBe('未回答の課への連絡');
    expect(app.dialogs[0].html).toContain('href="mailto:center%40city.kiyose.example.lg.jp?subject=');
    expect(app.lockHeldBy).toBeUndefined();
  });
});

describe('the command line remind', () => {
  it('prints what each department still owes and writes one .eml draft per department', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remind-'));
    const book = join(dir, 'book.xlsx');
    const out: string[] = [];
    const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
    const io = { out: (s: string) => out.push(s), err: () => undefined, examplesDir };
    const code = await main(['demo', book], io);
    expect(code, out.join('\n')).toBe(0);
    out.length = 0;
    expect(await main(['remind', book, '--eml', join(dir, 'mail')], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('子育て支援課：未回答');
    expect(text).toContain('件名：【回答のお願い】令和7年度（2025年度）');
    const files = readdirSync(join(dir, 'mail'));
    expect(files).toEqual(['子育て支援課.eml']);
    const eml = readFileSync(join(dir, 'mail', files[0]), 'utf8');
    expect(eml).toContain('To: kosodate@city.kiyose.example.lg.jp');
    expect(eml).toContain('X-Unsent: 1');
    const body = Buffer.from(eml.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toContain('4-1-2-2 男女別統計による住民ニーズの把握');
    expect(body).toContain('R6-1');
  });

  it('says 回答中, in the merge and in the reminder alike, while a 提言 asked is not replied to', () => {
    const book = fakeBook(secondYearTabs());
    uninstall = book.uninstall;
    createRequests(book.wb);
    // Every 事業 of 職員課 graded, its reply to R6-1 left empty.
    typeAnswers(book.app, '調査_職員課', { '4-1-2-2': answer('B'), '4-1-2-3': answer('A') });
    mergeResponses(book.wb, new Date(2026, 5, 1));
    const index = book.app.sheet(TAB.requestIndex)!.values();
    const statusCol = index[0].indexOf('回答状況');
    expect(index.find((r) => r[0] === '職員課')![statusCol]).toBe('回答中');
    const shokuin = remindDepartments(book.wb, new Date(2026, 4, 19)).reminders.find((r) => r.department === '職員課')!;
    expect(shokuin.status).toBe('回答中');
    expect(shokuin.missing).toEqual([]);
    expect(shokuin.missingReplies).toEqual(['R6-1']);
  });
});
