/**
 * The command line keeps every byte safe: one writer at a time, no overwritten files, clear
 * words for bad files, far stray cells, slips in `set` and `import`, and returned files that
 * are not what was sent. Each case is run as a user would run it, on real files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { XlsxWorkbook } from '../src/cli/xlsxWorkbook';
import { TAB } from '../src/domain/core/tabs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = `${root}examples/`;
const dir = mkdtempSync(join(tmpdir(), 'danjo-safe-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), examplesDir });
  return { code, text: [...out, ...err].join('\n') };
}

let demo = '';
beforeAll(async () => {
  demo = join(dir, 'demo.xlsx');
  expect((await cli('demo', demo)).code).toBe(0);
});

/** A zip of these files, deflated, with the sizes in its central directory as a real one has them. */
function zip(files: Array<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    central.push(entry, n);
    offset += 30 + n.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The book with a chart an office drew in Excel or LibreOffice on one tab (exceljs drops such charts). */
async function withOfficeChart(bytes: Buffer, tab: string): Promise<Buffer> {
  const book = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await book.file(name)?.async('string')) ?? '';
  const workbook = await text('xl/workbook.xml');
  const rid = new RegExp(`<sheet [^>]*name="${tab}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await text('xl/_rels/workbook.xml.rels');
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const sheet = target
    .replace(/^\/?(xl\/)?/, '')
    .split('/')
    .pop()!;
  const drawingRels = `xl/drawings/_rels/drawing9.xml.rels`;
  const chartRel =
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>';
  book.file(
    drawingRels,
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${chartRel}</Relationships>`,
  );
  book.file(
    'xl/drawings/drawing9.xml',
    '<?xml version="1.0"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
  );
  book.file(
    'xl/charts/chart1.xml',
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  const sheetRels = `xl/worksheets/_rels/${sheet}.rels`;
  const drawingRel =
    '<Relationship Id="rIdOffice" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/>';
  const existing = await text(sheetRels);
  book.file(
    sheetRels,
    existing
      ? existing.replace('</Relationships>', `${drawingRel}</Relationships>`)
      : `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRel}</Relationships>`,
  );
  return await book.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A fresh copy of the demo book. */
function book(name: string): string {
  const path = join(dir, name);
  copyFileSync(demo, path);
  return path;
}

const settingOf = async (path: string, item: string) =>
  (await XlsxWorkbook.open(path)).read(TAB.settings)!.find((r) => r[0] === item)?.[1];

describe('one writer at a time', () => {
  it('never lets two commands both succeed with one change lost', async () => {
    const path = book('two.xlsx');
    const [a, b] = await Promise.all([
      cli('set', path, '回答期限', '2027/6/1'),
      cli('set', path, 'プラン名', '第二次プラン'),
    ]);
    const deadline = await settingOf(path, '回答期限');
    const plan = await settingOf(path, 'プラン名');
    expect(a.code === 0 && b.code === 0).toBe(false); // the lock is taken before the book is opened
    if (a.code === 0) expect(deadline).toBe('2027/6/1');
    if (b.code === 0) expect(plan).toBe('第二次プラン');
    expect([a.code, b.code].sort()).toEqual([0, 4]);
    expect((a.code === 4 ? a : b).text).toContain('ほかの人が同じスプレッドシートで処理を実行中です');
  });

  const lockOf = (host: string, pid: number) =>
    `${JSON.stringify({ pid, host, user: 'tanaka', started: new Date(2026, 11, 5, 9, 30).toISOString() })}\n`;

  it('takes over a lock left by a process of this computer that no longer runs', async () => {
    const path = book('stale.xlsx');
    writeFileSync(`${path}.lock`, lockOf(hostname(), 2147483646));
    const r = await cli('set', path, 'プラン名', '引き継いだ');
    expect(r.code).toBe(0);
    expect(await settingOf(path, 'プラン名')).toBe('引き継いだ');
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('never takes over the lock of another computer (a book on a shared folder), and names who holds it', async () => {
    const path = book('shared-folder.xlsx');
    // The process number means nothing here: it is a process of the other computer.
    writeFileSync(`${path}.lock`, lockOf('SOUMU-PC02', 2147483646));
    const before = readFileSync(path);
    const r = await cli('set', path, 'プラン名', '上書き');
    expect(r.code).toBe(4);
    expect(r.text).toContain('別のコンピュータ「SOUMU-PC02」で tanaka さんが');
    expect(r.text).toContain(`${realpathSync(path)}.lock を削除してください`);
    expect(readFileSync(path)).toEqual(before);
  });

  it('names the lock file to delete when it says nothing of who made it (empty or garbage)', async () => {
    for (const content of ['', 'garbage']) {
      const path = book(`garbage-${content.length}.xlsx`);
      writeFileSync(`${path}.lock`, content);
      const r = await cli('set', path, 'プラン名', '上書き');
      expect(r.code).toBe(4);
      expect(r.text).toContain(`ロックファイル ${realpathSync(path)}.lock には、だれが作ったかが書かれていません`);
    }
  });
});

describe('no file overwritten by mistake', () => {
  it('refuses to export onto the book itself, and onto an existing file without --force', async () => {
    const path = book('target.xlsx');
    const before = readFileSync(path);
    const onBook = await cli('export-request', path, '職員課', path);
    expect(onBook.code).toBe(2);
    expect(onBook.text).toContain('がブックそのものです');
    expect(readFileSync(path)).toEqual(before);

    const tsv = join(dir, 'notes.tsv');
    writeFileSync(tsv, '大事なメモ\n');
    const onFile = await cli('export-request', path, '職員課', tsv);
    expect(onFile.code).toBe(2);
    expect(onFile.text).toContain('は既にあります。上書きしてよいときは、最後に --force を付けて');
    expect(readFileSync(tsv, 'utf8')).toBe('大事なメモ\n');
    expect((await cli('export-request', path, '職員課', tsv, '--force')).code).toBe(0);
  });

  it('refuses to change a read-only book, and saves a symlinked book into its target', async () => {
    const path = book('readonly.xlsx');
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const r = await cli('set', path, 'プラン名', '読み取り専用');
    expect(r.code).toBe(3);
    expect(r.text).toContain('readonly.xlsx は読み取り専用のため、変更しません');
    expect(readFileSync(path)).toEqual(before);
    expect(statSync(path).mode & 0o777).toBe(0o444);

    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const target = join(shared, 'real.xlsx');
    copyFileSync(demo, target);
    const link = join(dir, 'link.xlsx');
    symlinkSync(target, link);
    expect((await cli('set', link, 'プラン名', 'リンク先')).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(await settingOf(target, 'プラン名')).toBe('リンク先');
  });
});

describe('bad files, told in Japanese with an exit code and no stack trace', () => {
  const cases: Array<[string, () => Buffer, string]> = [
    ['empty.xlsx', () => Buffer.alloc(0), '空のファイル（0バイト）です'],
    [
      'truncated.xlsx',
      () => readFileSync(demo).subarray(0, 4000),
      'ブックとして開けません（ファイルが途中までしかないか、壊れています',
    ],
    [
      'old.xlsx',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(500).fill(0)]),
      '古い Excel 形式（.xls）か、パスワードで保護されたファイルです',
    ],
    ['table.xlsx', () => Buffer.from('所管課,別名\n職員課,人事課\n'), 'テキスト（CSV など）のファイルです'],
    [
      'calc.xlsx',
      () =>
        Buffer.concat([
          Buffer.from('PK\x03\x04', 'latin1'),
          Buffer.alloc(26),
          Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
          Buffer.alloc(200),
        ]),
      'OpenDocument（.ods）形式で、読めません',
    ],
  ];
  it.each(cases)('%s', async (name, bytes, message) => {
    const path = join(dir, name);
    writeFileSync(path, bytes());
    const r = await cli('check', path);
    expect(r.code).toBe(3);
    expect(r.text).toContain(message);
    expect(r.text).not.toMatch(/\n\s+at /);
    expect(readFileSync(path)).toEqual(bytes());
  });

  it('refuses a pipe or a device as the book at once, instead of waiting or reading without end', async () => {
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero']) {
      const r = await cli('check', path);
      expect(r.code).toBe(3);
      expect(r.text).toContain('はふつうのファイルではありません（パイプや装置です）');
    }
  });

  it('refuses a book that would unpack past the bound (README) before reading it, naming the bound', async () => {
    // 260 MB of one sheet's XML packed into a quarter of a megabyte: a zip bomb, or 回答 pasted again and again.
    const path = join(dir, 'huge.xlsx');
    writeFileSync(
      path,
      zip([
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['xl/worksheets/sheet1.xml', Buffer.alloc(260 * 2 ** 20, 0x20)],
      ]),
    );
    const r = await cli('check', path);
    expect(r.code).toBe(3);
    expect(r.text).toContain(
      'huge.xlsx は大きすぎるため開きません（中身が展開すると 260 MB。上限はファイル 60 MB、展開後 80 MB',
    );
  });

  it('names what saving would drop (an office’s own chart) and saves nothing until --force', async () => {
    const path = book('office-chart.xlsx');
    writeFileSync(path, await withOfficeChart(readFileSync(path), TAB.summary));
    const before = readFileSync(path);
    const r = await cli('set', path, 'プラン名', '第二次プラン');
    expect(r.code).toBe(1);
    expect(r.text).toContain('保存すると消えてしまうもの（シート「評価サマリー」のグラフ 1つ）があります');
    expect(readFileSync(path)).toEqual(before);
    // A command that changes nothing needs no word: the file stays as it is.
    expect((await cli('remind', path)).code).toBe(0);
    expect((await cli('set', path, 'プラン名', '第二次プラン', '--force')).code).toBe(0);
    expect(await settingOf(path, 'プラン名')).toBe('第二次プラン');
  });

  it('refuses a table with bytes that are no character (a copy cut short), naming the file and line', async () => {
    const path = book('broken-sjis.xlsx');
    const before = readFileSync(path);
    const file = join(dir, 'departments-cut.csv');
    // 「所管課,別名\n職員課」 in Shift_JIS, its last character cut in half.
    writeFileSync(
      file,
      Buffer.from([0x8f, 0x8a, 0x8a, 0xc7, 0x89, 0xdb, 0x2c, 0x95, 0xca, 0x96, 0xbc, 0x0a, 0x90, 0x45, 0x88]),
    );
    const r = await cli('import', path, '所管課', file);
    expect(r.code).toBe(1);
    expect(r.text).toContain('departments-cut.csv：2行目に、文字コード Shift_JIS の文字として読めないバイトがあります');
    expect(readFileSync(path)).toEqual(before);
  });

  it('reads a table saved as Excel’s 「Unicode テキスト」 (UTF-16 with a BOM)', async () => {
    const path = book('utf16.xlsx');
    const text = readFileSync(join(examplesDir, 'kiyose-departments.tsv'), 'utf8');
    const file = join(dir, 'departments-utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await cli('import', path, '所管課', file);
    expect(r.code).toBe(0);
    // The book holds the same 5 departments already: each row read, none changed.
    expect(r.text).toContain('を「所管課」に読み込みました：追加 0行、更新 0行、変わらない行 5行');
  });

  it('stops at a quote left open, naming its line, and reads nothing', async () => {
    const path = book('quote.xlsx');
    const before = readFileSync(path);
    const file = join(dir, 'broken.csv');
    writeFileSync(file, '所管課,別名,編集者,関係各課\n職員課,"人事課,a@b.jp,TRUE\n企画課,,c@d.jp,TRUE\n');
    const r = await cli('import', path, '所管課', file);
    expect(r.code).toBe(1);
    expect(r.text).toContain('2行目で始まる「"」が閉じられていない');
    expect(readFileSync(path)).toEqual(before);
  });
});

describe('cells far from the table', () => {
  it('reads a book with values at A1048576 and XFD8 at the cost of one cell each, and says where they are', async () => {
    const path = book('far.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet(TAB.plan)!.getCell('A1048576').value = 'x';
    wb.getWorksheet(TAB.plan)!.getCell('XFD8').value = 'y';
    await wb.xlsx.writeFile(path);
    const started = Date.now();
    const r = await cli('check', path);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(r.text).toContain(
      'シート「プラン」のセル XFD8 など 2 か所に、表から遠く離れた値があります。読み飛ばしました',
    );
  });
});

describe('slips in set and import', () => {
  it('refuses an item 設定 does not know, with the nearest one, and changes nothing', async () => {
    const path = book('typo.xlsx');
    const before = readFileSync(path);
    const r = await cli('set', path, '回答期日', '2027/5/31');
    expect(r.code).toBe(2);
    expect(r.text).toContain('「回答期日」という設定の項目はありません。「回答期限」のことでしょうか。');
    expect(readFileSync(path)).toEqual(before);
  });

  it('checks the value as the check would, and a refused command leaves the file byte for byte', async () => {
    const path = book('value.xlsx');
    const before = readFileSync(path);
    const r = await cli('set', path, '対象年度', '来年度');
    expect(r.code).toBe(1);
    expect(r.text).toContain('対象年度 を「来年度」にできません。対象年度「来年度」を年度として読み取れません');
    expect(await settingOf(path, '対象年度')).toBe('2025');
    expect(readFileSync(path)).toEqual(before); // an office's own chart in it is not rewritten away
  });

  it('imports a 設定 file that names some items and keeps the others', async () => {
    const path = book('settings.xlsx');
    const file = join(dir, 'settings.tsv');
    writeFileSync(file, '項目\t値\n対象年度\t令和8年度\n回答期限\t2027/5/28\nプラン名\t清瀬市第二次プラン\n');
    expect((await cli('import', path, '設定', file)).code).toBe(0);
    expect(await settingOf(path, '対象年度')).toBe('令和8年度');
    expect(await settingOf(path, '自己評価の区分')).toBe('A：目標を達成、B：おおむね達成、C：一部未達成、D：未実施');
    expect(await settingOf(path, '管理者')).toBe('danjo@city.kiyose.example.lg.jp');
  });
});

describe('returned files are checked against what was sent', () => {
  async function exported(name: string) {
    const path = book(`${name}.xlsx`);
    await cli('set', path, '対象年度', '令和8年度');
    await cli('requests', path);
    const out = join(dir, `${name}-職員課.xlsx`);
    expect((await cli('export-request', path, '職員課', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return { path, out, wb, ws: wb.getWorksheet('調査_職員課')! };
  }

  it('refuses a file whose heading was changed to another department', async () => {
    const { path, out, wb, ws } = await exported('forged');
    expect(ws.getCell('H1').value).toBe('確認コード');
    ws.getCell('B3').value = '企画課';
    ws.getCell('E8').value = '企画課の回答のふり';
    ws.getCell('F8').value = 'A';
    await wb.xlsx.writeFile(out);
    const before = (await XlsxWorkbook.open(path)).read('調査_企画課');
    const r = await cli('import-request', path, out);
    expect(r.code).toBe(1);
    expect(r.text).toContain('の確認コード');
    expect(r.text).toContain('が、「企画課」に書き出したファイルのものと違います');
    expect((await XlsxWorkbook.open(path)).read('調査_企画課')).toEqual(before);
  });

  it('refuses a file whose 事業番号 were swapped, naming the row', async () => {
    const { path, out, wb, ws } = await exported('swapped');
    ws.getCell('A8').value = '4-1-2-3';
    ws.getCell('A9').value = '4-1-2-2';
    ws.getCell('E8').value = '統計の回答';
    ws.getCell('F8').value = 'B';
    await wb.xlsx.writeFile(out);
    const r = await cli('import-request', path, out);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(
      /8\s+事業番号 4-1-2-3 の行の事業名「男女別統計による住民ニーズの把握」が、プランの事業名「男女共同参画研修の充実」と違います/,
    );
  });
});

describe('offline offices', () => {
  it('npm run build writes dist/danjo-plan.mjs, which runs with plain node and no node_modules', () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    const alone = mkdtempSync(join(tmpdir(), 'danjo-offline-'));
    copyFileSync(`${root}dist/danjo-plan.mjs`, join(alone, 'danjo-plan.mjs'));
    const help = spawnSync('node', ['danjo-plan.mjs', 'help'], { cwd: alone, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('使い方: danjo-plan');
    const init = spawnSync('node', ['danjo-plan.mjs', 'init', 'book.xlsx'], { cwd: alone, encoding: 'utf8' });
    expect(init.status).toBe(0);
    const check = spawnSync('node', ['danjo-plan.mjs', 'check', 'book.xlsx'], { cwd: alone, encoding: 'utf8' });
    expect(check.status).toBe(1); // an empty book: where to start, told as findings
    expect(check.stdout).toContain('「プラン」にまだ何も入力されていません');
  }, 60_000);
});
