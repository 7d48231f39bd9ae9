import { afterEach, describe, expect, it } from 'vitest';
import { validatePlan } from '../src/actions/validatePlan';
import { TAB } from '../src/domain/core/tabs';
import { checkRows, fakeBook, seedTabs, snapshot } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

function run(edit: (tabs: Record<string, string[][]>) => void = () => {}) {
  const tabs = seedTabs();
  edit(tabs);
  const book = fakeBook(tabs);
  uninstall = book.uninstall;
  const before = snapshot(book.app, [TAB.check]);
  const result = validatePlan(book.wb);
  expect(snapshot(book.app, [TAB.check])).toEqual(before);
  const rows = checkRows(book.app);
  expect(rows[0]).toEqual(['重要度', 'シート', 'セル', '内容']);
  return { result, rows: rows.slice(1), app: book.app };
}

/** The finding at this tab and cell, or a clear failure listing what was found. */
function at(rows: string[][], sheet: string, cell: string, severity = 'エラー') {
  const hit = rows.find((r) => r[0] === severity && r[1] === sheet && r[2] === cell);
  expect(hit, `no ${severity} at ${sheet}!${cell}; found:\n${rows.map((r) => r.join(' | ')).join('\n')}`).toBeDefined();
  return hit![3];
}

describe('validatePlan', () => {
  it('reports no error on the Kiyose example and says so', () => {
    const { result, rows } = run();
    expect(result.ok).toBe(true);
    expect(result.message).toContain('エラーはありません');
    expect(result.message).toContain('事業 11件');
    expect(rows).toEqual([['', '', '', 'エラーはありません。']]);
  });

  it('links each finding to its cell', () => {
    const { app } = run((t) => {
      t[TAB.plan][3][4] = '';
    });
    const cell = app.sheet(TAB.check)!.cellAt(2, 3)!;
    const planId = app.sheet(TAB.plan)!.id;
    expect(cell.formula).toBe(`=HYPERLINK("#gid=${planId}&range=E4","E4")`);
  });

  it('reports a missing required cell', () => {
    const { rows, result } = run((t) => {
      t[TAB.plan][3][4] = '';
    });
    expect(at(rows, TAB.plan, 'E4')).toContain('「事業名」が空です');
    expect(result.ok).toBe(false);
    expect(result.message).toContain('「プラン」 E4');
  });

  it('reports a number that is not a positive integer, and accepts 全角 digits', () => {
    const { rows } = run((t) => {
      t[TAB.plan][2][3] = '0';
      t[TAB.plan][4][3] = '2a';
      t[TAB.plan][5][3] = '５';
    });
    expect(at(rows, TAB.plan, 'D3')).toContain('1 以上の整数ではありません');
    expect(at(rows, TAB.plan, 'D5')).toContain('「2a」');
    expect(rows.filter((r) => r[2] === 'D6')).toEqual([]);
  });

  it('names both rows of a duplicate 事業番号', () => {
    const { rows } = run((t) => {
      t[TAB.plan][3][3] = '1';
    });
    expect(at(rows, TAB.plan, 'D3')).toContain('4-1-2-1 が 3行目と 4行目');
    expect(at(rows, TAB.plan, 'D4')).toContain('4-1-2-1 が 3行目と 4行目');
  });

  it('reports a 目標, 課題 or 施策 that 体系 does not name', () => {
    const { rows } = run((t) => {
      t[TAB.plan][2][2] = '9';
      t[TAB.plan][8][1] = '5';
    });
    expect(at(rows, TAB.plan, 'C3')).toContain('施策 4-1-9 が「体系」シートにありません');
    expect(at(rows, TAB.plan, 'B9')).toContain('課題 4-5 が「体系」シートにありません');
  });

  it('reports an unknown department and suggests the nearest name or alias', () => {
    const { rows } = run((t) => {
      t[TAB.plan][4][6] = '職員科';
      t[TAB.plan][5][6] = '道路課';
    });
    expect(at(rows, TAB.plan, 'G5')).toContain('「職員課」のことでしょうか');
    const msg = at(rows, TAB.plan, 'G6');
    expect(msg).toContain('所管「道路課」は「所管課」シートにない課です');
    expect(msg).not.toContain('のことでしょうか');
  });

  it('accepts aliases, full-width text and several departments in one cell', () => {
    const { rows } = run((t) => {
      t[TAB.plan][1][6] = 'アイレック';
      t[TAB.plan][4][6] = '職員課、企画課';
      t[TAB.plan][5][6] = '人事課\n子育て支援課';
    });
    expect(rows).toEqual([['', '', '', 'エラーはありません。']]);
  });

  it('reports 関係各課 when no department is marked', () => {
    const { rows } = run((t) => {
      for (const r of t[TAB.departments].slice(1)) r[3] = 'FALSE';
    });
    expect(at(rows, TAB.plan, 'G4')).toContain('「関係各課」列が TRUE の課が1つもありません');
  });

  it('reports an alias used by two departments', () => {
    const { rows } = run((t) => {
      t[TAB.departments][3][1] = '人事課';
    });
    expect(at(rows, TAB.departments, 'B4')).toContain('「人事課」は 3行目の「職員課」の名前か別名にも使われています');
  });

  it('reports KPI values and years that do not parse, and a target year before the base year', () => {
    const { rows } = run((t) => {
      t[TAB.indicators][1][4] = 'およそ6割';
      t[TAB.indicators][1][3] = '平成二十八年度';
      t[TAB.indicators][2][5] = '平成20年度';
      t[TAB.indicatorResults][1][2] = '不明';
    });
    expect(at(rows, TAB.indicators, 'E2')).toContain('基準値「およそ6割」を数値として読み取れません');
    expect(at(rows, TAB.indicators, 'D2')).toContain('年度として読み取れません');
    expect(at(rows, TAB.indicators, 'F3')).toContain(
      '目標年度（平成20年度（2008年度））が基準年度（平成28年度（2016年度））より前です',
    );
    expect(at(rows, TAB.indicatorResults, 'C2')).toContain('実績「不明」');
  });

  it('reports a missing 対象年度 or 回答期限', () => {
    const { rows } = run((t) => {
      t[TAB.settings][2][1] = '';
      t[TAB.settings] = t[TAB.settings].filter((r) => r[0] !== '回答期限');
    });
    expect(at(rows, TAB.settings, 'B3')).toContain('「対象年度」が入力されていません');
    expect(at(rows, TAB.settings, 'B8')).toContain('「回答期限」が入力されていません');
  });

  it('reports a required header missing or duplicated, wherever the columns stand', () => {
    const { rows } = run((t) => {
      t[TAB.plan] = t[TAB.plan].map((r) => [r[6], ...r.slice(0, 6)]);
      t[TAB.plan][0][0] = '担当';
      t[TAB.structure][0].push('名称');
    });
    expect(at(rows, TAB.plan, '1行目')).toContain('見出し「所管」の列がありません');
    expect(at(rows, TAB.structure, 'F1')).toContain('見出し「名称」が E列 と F列 の2か所にあります');
  });

  it('finds columns by header text, not position, and keeps unknown columns', () => {
    const { rows } = run((t) => {
      t[TAB.plan] = t[TAB.plan].map((r, i) => [i === 0 ? '備考' : 'メモ', r[6], ...r.slice(0, 6)]);
    });
    expect(rows).toEqual([['', '', '', 'エラーはありません。']]);
  });

  it('reports a tab missing entirely', () => {
    const { rows } = run((t) => {
      delete t[TAB.structure];
    });
    expect(rows.find((r) => r[1] === TAB.structure && r[3].includes('シート「体系」がありません'))).toBeDefined();
  });

  it('ignores blank rows between data rows', () => {
    const { rows } = run((t) => {
      t[TAB.plan].splice(4, 0, ['', '', '', '', '', '', ''], ['', '', '', '', '', '', '']);
    });
    expect(rows).toEqual([['', '', '', 'エラーはありません。']]);
  });

  it('warns where a department has no editor', () => {
    const { rows, result } = run((t) => {
      t[TAB.departments][2][2] = '';
    });
    expect(at(rows, TAB.departments, 'C3', '注意')).toContain('「職員課」に編集者がいません');
    expect(result.ok).toBe(true);
  });
});
