import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { HEADERS, TAB } from '../src/domain/core/tabs';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'danjo-'));

/** Runs the command line in-process; returns exit code and what it printed. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), examplesDir });
  return { code, text: out.join('\n'), err: err.join('\n') };
}

async function values(path: string, sheet: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no ${sheet} in ${path}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = Array.from({ length: ws.columnCount }, (_, c) => {
      const v = row.getCell(c + 1).value;
      return v === null || v === undefined ? '' : v;
    });
  });
  return rows;
}

describe('npm run demo', () => {
  const demo = join(dir, 'kiyose-demo.xlsx');
  let printed = '';

  beforeAll(async () => {
    const r = await cli('demo', demo);
    expect(r.code).toBe(0);
    printed = r.text;
  });

  it('writes a workbook with every tab of the design, the request tabs and the summary', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      TAB.plan,
      TAB.structure,
      TAB.indicators,
      TAB.indicatorResults,
      TAB.departments,
      TAB.settings,
      TAB.answers,
      TAB.committee,
      TAB.recommendations,
      TAB.replies,
      TAB.check,
      TAB.requestIndex,
      '調査_男女共同参画センター',
      '調査_職員課',
      '調査_企画課',
      '調査_子育て支援課',
      TAB.summary,
      TAB.projectList,
    ]);
    const request = book.getWorksheet('調査_職員課')!;
    expect(request.getCell('F8').dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C,D"'] });
    expect(request.getCell('I8').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(request.getCell('E8').protection).toMatchObject({ locked: false });
    expect((request as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(request.getCell('A8').protection?.locked).not.toBe(false);
  });

  it('merges both years’ answers into 回答 (14 + 13 rows) and fills last year’s grade in the request', async () => {
    const rows = await values(demo, TAB.answers);
    expect(rows[0]).toEqual([...HEADERS.answers]);
    expect(rows.slice(1).filter((r) => r[0] === 2024)).toHaveLength(14);
    expect(rows.slice(1).filter((r) => r[0] === 2025)).toHaveLength(13);
    expect(rows.find((r) => r[0] === 2025 && r[1] === '4-1-2-3')).toEqual([
      2025,
      '4-1-2-3',
      '職員課',
      '全職員向けのeラーニング研修を新設した。',
      'A',
      '拡充',
      '',
      35,
      38,
      expect.any(Date),
    ]);
    const request = await values(demo, '調査_男女共同参画センター');
    expect(request[1].slice(0, 2)).toEqual(['対象年度', '令和7年度（2025年度）']);
    expect(request.find((r) => r[0] === '4-2-1-1')?.slice(3, 6)).toEqual([
      'D',
      '調査の実施を令和8年度に延期した。',
      'D',
    ]);
  });

  it('prints every tab on A4, the reports and requests landscape and fitted to the width, with rows tall enough for wrapped text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo);
    for (const ws of book.worksheets) expect(ws.pageSetup.paperSize, ws.name).toBe(9);
    for (const name of [TAB.summary, TAB.projectList, '調査_職員課']) {
      expect(book.getWorksheet(name)!.pageSetup, name).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    // 4-1-3-2's 実施状況 (two lines in its column) gets a row of more than one line.
    const request = book.getWorksheet('調査_男女共同参画センター')!;
    let row = 0;
    request.eachRow((r, n) => {
      if (r.getCell(1).value === '4-1-3-2') row = n;
    });
    expect(request.getRow(row).height).toBeGreaterThan(20);
    // The heading's long lines run across unwrapped: their rows keep one line.
    expect(request.getRow(5).height ?? 15).toBeLessThanOrEqual(20);
  });

  it('puts the chart of grades per 目標 into the summary as a picture', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(demo);
    const images = book.getWorksheet(TAB.summary)!.getImages();
    // The grades per 目標, and a line chart of each KPI (two) beside its table of years.
    expect(images).toHaveLength(3);
    const media = (book as unknown as { model: { media: Array<{ extension: string; buffer: Buffer }> } }).model.media;
    expect(media[0].extension).toBe('png');
    expect(media[0].buffer.subarray(1, 4).toString()).toBe('PNG');
  });

  it('lists every 事業 with its answer under its 目標, 課題 and 施策 in 事業別一覧', async () => {
    const rows = await values(demo, TAB.projectList);
    expect(rows[2].slice(0, 10)).toEqual([
      '事業番号',
      '事業名',
      '所管課',
      '自己評価',
      '前年度',
      '評価の推移',
      '今後の\n方向性',
      '実施状況・実績',
      '課題・改善点',
      '参加者数\n（男・女）',
    ]);
    expect(rows.filter((r) => /^\d+-\d+-\d+-\d+$/.test(String(r[0])))).toHaveLength(14);
    expect(rows.map((r) => String(r[0]).trim()).filter((t) => /^(目標|課題|施策)/.test(t))).toEqual([
      '目標4 プランの積極的な推進',
      '課題4-1 庁内推進体制の充実と強化',
      '施策4-1-1 国や都との連携強化',
      '施策4-1-2 庁内推進体制の充実',
      '施策4-1-3 プランの進捗管理と改善',
      '課題4-2 男女共同参画の推進基盤の強化',
      '施策4-2-1 男女共同参画センター事業の充実',
    ]);
    expect(rows.find((r) => r[0] === '4-1-2-3')!.slice(0, 10)).toEqual([
      '4-1-2-3',
      '男女共同参画研修の充実',
      '職員課',
      'A',
      'B',
      // examples/kiyose-answers.tsv: B in 令和5年度 and 6年度, A in 7年度.
      '2023 B → 2024 B → 2025 A',
      '拡充',
      '全職員向けのeラーニング研修を新設した。',
      '',
      '35・38',
    ]);
  });

  it('builds the summary with the numbers of the example answers', async () => {
    const s = await values(demo, TAB.summary);
    const after = (title: string, n: number) => s[s.findIndex((r) => String(r[0]).startsWith(title)) + n];
    // 14 assignments; 13 graded (子育て支援課 left 4-1-2-2 blank): A 4, B 7, C 1, D 1 → 11/13 = 84.6%.
    // 2024: 14 graded, A 0, B 11, C 2, D 1 → 11/14 = 78.6% → +6.0 points.
    expect(after('2. ', 3).slice(0, 8)).toEqual(['全体', 4, 7, 1, 1, 1, '84.6%', '+6.0ポイント']);
    expect(after('1. ', 6).slice(0, 5)).toEqual(['合計', 14, 13, 1, '92.9%']);
    // 2025: 35 + 20 men, 38 + 45 women; 2024: 30 + 18 + 25 men, 34 + 52 + 41 women → 127 / 200.
    expect(after('8. ', 4).slice(0, 7)).toEqual(['全体', 55, 83, '60.1%', 73, 127, '63.5%']);
    // The committee's grade of last year beside each 課題; the 提言 of 2024 with the replies of 2025.
    expect([after('3. ', 2)[0], after('3. ', 2)[8]]).toEqual(['課題4-1 庁内推進体制の充実と強化', '前年度 ○']);
    expect(after('9. ', 2).slice(0, 3)).toEqual([
      'R6-1 事業の参加者数を男女別に把握し、統計として全庁で整えること。',
      '男女共同参画センター',
      '対応中',
    ]);
    expect(after('9. ', 5).slice(0, 3)).toEqual([expect.stringMatching(/^R6-1 /), '子育て支援課', '未回答']);
    expect(after('9. ', 6).slice(0, 3)).toEqual([expect.stringMatching(/^R6-2 /), '男女共同参画センター', '検討中']);
    expect(printed).toContain('1. 所管課別の回答状況');
    expect(printed).toContain('男女共同参画センター（アイレック）の認知度');
  });
});

describe('the command line', () => {
  it('answers a usage error with 2 and the Japanese help', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const out: string[] = [];
    const code = await main(['check'], { out: () => {}, err: (l) => out.push(l), examplesDir });
    expect(code).toBe(2);
    expect(out.join('\n')).toContain('使い方: danjo-plan');
  });

  it('imports a table by its key: this year’s 提言 are added beside the earlier ones; --replace lists what goes; --dry-run writes nothing', async () => {
    const book = join(dir, 'recommendations.xlsx');
    await cli('demo', book);
    const file = join(dir, 'r7.tsv');
    writeFileSync(
      file,
      '番号\t年度\t提言\t課題\t所管課\nR7-1\t令和7年度\t審議会の女性委員の割合を高める。\t4-1\t職員課\nR6-2\t令和6年度\t意識・実態調査を令和8年度に必ず実施する。\t4-2\t男女共同参画センター\n',
    );
    const numbers = async () =>
      (await values(book, '提言'))
        .slice(1)
        .map((r) => r[0])
        .filter((n) => n !== '' && n !== null);
    const before = readFileSync(book);
    const trial = await cli('import', book, '提言', file, '--dry-run', '--replace');
    expect(trial.code).toBe(0);
    expect(trial.text).toContain('【試しに実行：何も書き換えていません】');
    expect(trial.text).toContain('を「提言」に読み込むと：追加 1行、更新 1行、変わらない行 0行');
    expect(trial.text).toContain('ファイルにない 1行を消します：R6-1');
    expect(readFileSync(book)).toEqual(before);

    const added = await cli('import', book, '提言', file);
    expect(added.text).toContain('追加：R7-1');
    expect(added.text).toContain('更新：R6-2');
    expect(added.text).toContain('ファイルにない 1行はそのまま残しました（R6-1）');
    expect(await numbers()).toEqual(['R6-1', 'R6-2', 'R7-1']); // R6-1 is still asked of its departments
    expect((await values(book, '提言'))[2][2]).toBe('意識・実態調査を令和8年度に必ず実施する。');

    expect((await cli('import', book, '提言', file, '--replace')).text).toContain(
      'ファイルにない 1行を消しました：R6-1',
    );
    expect(await numbers()).toEqual(['R6-2', 'R7-1']);
  });

  it('builds a book from Shift_JIS and UTF-8 (BOM) tables, and answers 1 with the findings as a table', async () => {
    const book = join(dir, 'sjis.xlsx');
    expect((await cli('init', book)).code).toBe(0);
    const utf8Bom = (name: string) => {
      const p = join(dir, name);
      writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(examplesDir, name))]));
      return p;
    };
    // The plan as CSV in Shift_JIS, with 職員課 misspelt on the 4-1-2-3 row.
    const csv = readFileSync(join(examplesDir, 'kiyose-plan.tsv'), 'utf8')
      .split('\n')
      .map((l) =>
        l
          .split('\t')
          .map((c) => `"${c}"`)
          .join(','),
      )
      .join('\r\n')
      .replace('"職員課"', '"職員科"');
    const sjisPath = join(dir, 'plan.csv');
    writeFileSync(sjisPath, encodeShiftJis(csv));
    expect((await cli('import-plan', book, sjisPath)).text).toContain('を「プラン」に読み込みました：追加 11行');
    for (const [tab, file] of [
      [TAB.structure, 'kiyose-structure.tsv'],
      [TAB.indicators, 'kiyose-indicators.tsv'],
      [TAB.departments, 'kiyose-departments.tsv'],
      [TAB.settings, 'kiyose-settings.tsv'],
    ]) {
      expect((await cli('import', book, tab, utf8Bom(file))).code).toBe(0);
    }
    const check = await cli('check', book);
    expect(check.code).toBe(1);
    expect(check.text).toMatch(
      /エラー\s+プラン\s+G5\s+所管「職員科」は「所管課」シートにない課です。「職員課」のことでしょうか。/,
    );
    const requests = await cli('requests', book);
    expect(requests.code).toBe(1);
    expect(requests.text).toContain('調査シートは作成していません');
    expect((await values(book, TAB.check))[1].slice(0, 2)).toEqual(['エラー', 'プラン']);
  });

  it('writes dropdowns Excel accepts: a " in a 区分 doubled, a list over 255 characters left out and said', async () => {
    const book = join(dir, 'lists.xlsx');
    expect((await cli('init', book)).code).toBe(0);
    expect((await cli('import-plan', book, join(examplesDir, 'kiyose-plan.tsv'))).code).toBe(0);
    for (const [tab, file] of [
      [TAB.structure, 'kiyose-structure.tsv'],
      [TAB.indicators, 'kiyose-indicators.tsv'],
      [TAB.departments, 'kiyose-departments.tsv'],
      [TAB.settings, 'kiyose-settings.tsv'],
    ])
      expect((await cli('import', book, tab, join(examplesDir, file))).code).toBe(0);
    expect((await cli('set', book, '今後の方向性の区分', '拡充、"継続"、見直し、完了、廃止')).code).toBe(0);
    expect((await cli('requests', book)).code).toBe(0);
    const read = async () => {
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(book);
      return b.getWorksheet('調査_職員課')!.getCell('G8').dataValidation;
    };
    expect(await read()).toMatchObject({ type: 'list', formulae: ['"拡充,""継続"",見直し,完了,廃止"'] });

    const long = Array.from({ length: 30 }, (_, i) => `とても長い方向性の名前${i + 1}`).join('、');
    expect((await cli('set', book, '今後の方向性の区分', long)).code).toBe(0);
    const r = await cli('requests', book);
    expect(r.code).toBe(0);
    expect(r.text).toContain('Excel の入力規則の上限（255字）を超えるため、ドロップダウンを付けていません。');
    // No list left behind (exceljs reads a cleared rule back as type 'any': every value allowed).
    expect((await read())?.type ?? 'any').toBe('any');
  });

  it('refuses text an .xlsx cell cannot hold, naming the cell, and changes nothing', async () => {
    const book = join(dir, 'long.xlsx');
    await cli('init', book);
    const plan = readFileSync(join(examplesDir, 'kiyose-plan.tsv'), 'utf8').split('\n');
    const line = plan[3].split('\t');
    line[5] = 'あ'.repeat(40_000);
    plan[3] = line.join('\t');
    const path = join(dir, 'long-plan.tsv');
    writeFileSync(path, plan.join('\n'));
    const before = readFileSync(book);
    const r = await cli('import-plan', book, path);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'シート「プラン」のセル F4 の文字数（40,000字）が、Excel の1セルの上限（32,767字）を超えています。',
    );
    expect(r.err).toContain('ファイルは変更していません。');
    expect(readFileSync(book)).toEqual(before);
    expect(existsSync(`${book}.lock`)).toBe(false);
  });

  it('refuses a second command on a book in use, and changes nothing', async () => {
    const book = join(dir, 'locked.xlsx');
    await cli('init', book);
    writeFileSync(`${book}.lock`, `${process.pid}\n`); // a process that still runs
    const before = readFileSync(book);
    const r = await cli('check', book);
    expect(r.code).toBe(4);
    expect(r.text).toContain('ほかの人が同じスプレッドシートで処理を実行中です');
    expect(readFileSync(book)).toEqual(before);
  });
});

describe('a department answering in its own file', () => {
  async function bookWithRequests(name: string) {
    const path = join(dir, name);
    await cli('demo', path);
    // Back to a fresh 2026 survey, so that 職員課 has an empty request.
    await cli('set', path, '対象年度', '令和8年度');
    await cli('requests', path);
    return path;
  }
  const answers: Record<string, Record<string, unknown>> = {
    '4-1-2-2': { '実施状況・実績': '=SUM(1,2) を含む集計表を公開', 自己評価: 'ａ', 今後の方向性: '継続' },
    '4-1-2-3': {
      '実施状況・実績': '管理職研修を実施',
      自己評価: 'B',
      今後の方向性: '拡充',
      '参加者数（男性）': 40,
      '参加者数（女性）': '４２',
    },
  };

  async function typeInto(path: string, sheet: string) {
    const wb = await XlsxWorkbook.open(path);
    const ws = wb.book.getWorksheet(sheet)!;
    const header = (ws.getRow(7).values as unknown[]).map(String);
    ws.eachRow((row, r) => {
      const id = String(row.getCell(1).value);
      if (r > 7 && answers[id])
        for (const [h, v] of Object.entries(answers[id])) row.getCell(header.indexOf(h)).value = v as ExcelJS.CellValue;
    });
    await wb.save(path);
  }

  it('carries the 提言への対応 table out in the exported file and back, then merges the replies', async () => {
    const path = await bookWithRequests('replies-via-file.xlsx');
    const out = join(dir, 'センター.xlsx');
    expect((await cli('export-request', path, 'アイレック', out)).code).toBe(0);
    const file = await XlsxWorkbook.open(out);
    const ws = file.book.getWorksheet('調査_男女共同参画センター')!;
    let header = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === '提言番号') header = r;
    });
    // 2024's R6-1 and R6-2 are still open for the center (対応中, 検討中 in 2025): asked again in 2026.
    expect([ws.getCell(header + 1, 1).value, ws.getCell(header + 2, 1).value]).toEqual(['R6-1', 'R6-2']);
    expect(ws.getCell(header + 1, 5).protection).toMatchObject({ locked: false });
    expect(ws.getCell(header + 1, 3).protection?.locked).not.toBe(false);
    ws.getCell(header + 2, 5).value = '令和8年度に調査を実施した。';
    ws.getCell(header + 2, 6).value = '対応済';
    await file.save(out);
    const imported = await cli('import-request', path, out);
    expect(imported.text).toContain('提言への対応 1行');
    expect((await cli('merge', path)).code).toBe(0);
    const replies = await values(path, TAB.replies);
    expect(replies.find((r) => r[0] === 2026)?.slice(0, 5)).toEqual([
      2026,
      'R6-2',
      '男女共同参画センター',
      '対応済',
      '令和8年度に調査を実施した。',
    ]);
  });

  it('round-trips export → answers typed in the file → import → merge, with the same result as answering in the tab', async () => {
    const viaFile = await bookWithRequests('via-file.xlsx');
    const out = join(dir, '職員課.xlsx');
    expect((await cli('export-request', viaFile, '人事課', out)).code).toBe(0);
    await typeInto(out, '調査_職員課');
    const imported = await cli('import-request', viaFile, out);
    expect(imported.text).toContain('回答 2行を「調査_職員課」に入れました');
    expect((await cli('merge', viaFile)).code).toBe(0);
    const inTab = await bookWithRequests('in-tab.xlsx');
    await typeInto(inTab, '調査_職員課');
    await cli('merge', inTab);
    const strip = (rows: unknown[][]) => rows.map((r) => r.slice(0, 9));
    const a = strip(await values(viaFile, TAB.answers));
    expect(a).toEqual(strip(await values(inTab, TAB.answers)));
    expect(a.find((r) => r[0] === 2026 && r[1] === '4-1-2-3')).toEqual([
      2026,
      '4-1-2-3',
      '職員課',
      '管理職研修を実施',
      'B',
      '拡充',
      '',
      40,
      42,
    ]);
    expect(a.find((r) => r[0] === 2026 && r[1] === '4-1-2-2' && r[2] === '職員課')?.[3]).toBe(
      '=SUM(1,2) を含む集計表を公開',
    );
  });

  it('takes a corrected file back: the later return replaces the earlier one row by row, and says what changed', async () => {
    const path = await bookWithRequests('corrected.xlsx');
    const out = join(dir, 'corrected-answers.xlsx');
    await cli('export-request', path, '職員課', out);
    await typeInto(out, '調査_職員課');
    expect((await cli('import-request', path, out)).code).toBe(0);

    // The department corrects 4-1-2-3 (B → A, 女性 emptied) and sends the same file again.
    const file = await XlsxWorkbook.open(out);
    const ws = file.book.getWorksheet('調査_職員課')!;
    const header = (ws.getRow(7).values as unknown[]).map(String);
    ws.getRow(9).getCell(header.indexOf('自己評価')).value = 'A';
    ws.getRow(9).getCell(header.indexOf('参加者数（女性）')).value = null;
    await file.save(out);
    const again = await cli('import-request', path, out);
    expect(again.code).toBe(0);
    expect(again.text).toContain('前回取り込んだ回答を、このファイルの回答に置き換えました（1行）');
    expect(again.text).toContain('4-1-2-3：自己評価 B → A、参加者数（女性） 42 → 空欄');
    const tab = await values(path, '調査_職員課');
    expect(tab[8].slice(4, 10)).toEqual(['管理職研修を実施', 'A', '拡充', '', 40, '']);

    // The office types into the tab after that import: the next return stops there, naming the row.
    const wb = await XlsxWorkbook.open(path);
    wb.book.getWorksheet('調査_職員課')!.getCell('E9').value = '事務局が直した実績';
    await wb.save(path);
    ws.getRow(9).getCell(header.indexOf('自己評価')).value = 'B';
    await file.save(out);
    const before = await values(path, '調査_職員課');
    const clash = await cli('import-request', path, out);
    expect(clash.code).toBe(1);
    expect(clash.text).toMatch(/調査_職員課\s+A9\s+事業番号 4-1-2-3 は、シートとファイルの両方に違う回答があります/);
    expect(await values(path, '調査_職員課')).toEqual(before);
  });

  it('refuses a file for another year, and one whose answers clash with the tab, changing nothing', async () => {
    const path = await bookWithRequests('refuse.xlsx');
    const out = join(dir, 'answered.xlsx');
    await cli('export-request', path, '職員課', out);
    await typeInto(out, '調査_職員課');

    // The tab holds another answer for 4-1-2-3 than the file.
    const wb = await XlsxWorkbook.open(path);
    wb.book.getWorksheet('調査_職員課')!.getCell('E9').value = 'シートに直接入力した回答';
    await wb.save(path);
    const tabBefore = await values(path, '調査_職員課');
    const clash = await cli('import-request', path, out);
    expect(clash.code).toBe(1);
    expect(clash.text).toContain('別の回答が入力されている行があるため、取り込んでいません');
    expect(clash.text).toMatch(/調査_職員課\s+A9\s+事業番号 4-1-2-3 は、シートとファイルの両方に違う回答があります/);
    expect(await values(path, '調査_職員課')).toEqual(tabBefore);

    await cli('set', path, '対象年度', '令和9年度');
    const wrongYear = await cli('import-request', path, out);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.text).toContain(
      'answered.xlsx は 令和8年度（2026年度） の調査です。今の対象年度は令和9年度（2027年度）です',
    );
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

/** Shift_JIS bytes for the characters used in the example plan, via Node's decoder tables. */
function encodeShiftJis(text: string): Buffer {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfc; hi++) {
    if (hi > 0x9f && hi < 0xe0) continue;
    for (let lo = 0x40; lo <= 0xfc; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no Shift_JIS for ${ch}`);
  }
  return Buffer.from(bytes);
}
