import { afterEach, describe, expect, it } from 'vitest';
import { validatePlan } from '../src/actions/validatePlan';
import { TAB } from '../src/domain/core/tabs';
import { type Finding, cellLabel } from '../src/domain/core/findings';
import { checkRows, fakeBook, seedTabs, snapshot } from './helpers';

let uninstall = () => {};
let lastFindings: readonly Finding[] = [];
afterEach(() => uninstall());

function run(edit: (tabs: Record<string, string[][]>) => void = () => {}) {
  const tabs = seedTabs();
  edit(tabs);
  const book = fakeBook(tabs);
  uninstall = book.uninstall;
  const before = snapshot(book.app, [TAB.check]);
  const result = validatePlan(book.wb);
  lastFindings = result.findings;
  expect(snapshot(book.app, [TAB.check])).toEqual(before);
  const rows = checkRows(book.app);
  expect(rows[0]).toEqual(['重要度', 'シート', 'セル', '内容']);
  return { result, rows: rows.slice(1), app: book.app };
}

/**
 * The finding at this tab and cell as チェック結果 shows it, with its code: tests match the code and
 * the facts the sentence must carry (rows, names), so the wording can change freely.
 */
function at(rows: string[][], sheet: string, cell: string, severity = 'エラー') {
  const hit = rows.find((r) => r[0] === severity && r[1] === sheet && r[2] === cell);
  expect(hit, `no ${severity} at ${sheet}!${cell}; found:\n${rows.map((r) => r.join(' | ')).join('\n')}`).toBeDefined();
  const found = lastFindings.find((f) => f.severity === severity && f.sheet === sheet && cellLabel(f) === cell);
  expect(found?.message).toBe(hit![3]);
  return { code: found!.code, message: hit![3] };
}

/** The finding at this cell carries this code and names this fact. */
function saysAt(rows: string[][], sheet: string, cell: string, code: string, fact: string, severity = 'エラー') {
  expect(at(rows, sheet, cell, severity)).toMatchObject({ code, message: expect.stringContaining(fact) });
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
    saysAt(rows, TAB.plan, 'E4', 'table.cellEmpty', '「事業名」');
    expect(result.ok).toBe(false);
    expect(result.message).toContain('「プラン」 E4');
  });

  it('reports a number that is not a positive integer, and accepts 全角 digits', () => {
    const { rows } = run((t) => {
      t[TAB.plan][2][3] = '0';
      t[TAB.plan][4][3] = '2a';
      t[TAB.plan][5][3] = '５';
    });
    expect(at(rows, TAB.plan, 'D3').code).toBe('table.valueInvalid');
    expect(at(rows, TAB.plan, 'D3').message).toContain('1 以上の整数ではありません');
    expect(at(rows, TAB.plan, 'D5').message).toContain('「2a」');
    expect(rows.filter((r) => r[2] === 'D6')).toEqual([]);
  });

  it('names both rows of a duplicate 事業番号', () => {
    const { rows } = run((t) => {
      t[TAB.plan][3][3] = '1';
    });
    for (const cell of ['D3', 'D4']) {
      expect(at(rows, TAB.plan, cell).code).toBe('input.duplicateProjectId');
      expect(at(rows, TAB.plan, cell).message).toContain('4-1-2-1 が 3行目と 4行目');
    }
  });

  it('reports a 目標, 課題 or 施策 that 体系 does not name', () => {
    const { rows } = run((t) => {
      t[TAB.plan][2][2] = '9';
      t[TAB.plan][8][1] = '5';
    });
    saysAt(rows, TAB.plan, 'C3', 'input.structureMissing', '施策 4-1-9');
    saysAt(rows, TAB.plan, 'B9', 'input.structureMissing', '課題 4-5');
  });

  it('reports an unknown department and suggests the nearest name or alias', () => {
    const { rows } = run((t) => {
      t[TAB.plan][4][6] = '職員科';
      t[TAB.plan][5][6] = '道路課';
    });
    expect(at(rows, TAB.plan, 'G5').message).toContain('「職員課」のことでしょうか');
    const { code, message } = at(rows, TAB.plan, 'G6');
    expect(code).toBe('input.unknownDepartment');
    expect(message).toContain('「道路課」');
    expect(message).not.toContain('のことでしょうか');
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
    expect(at(rows, TAB.plan, 'G4').code).toBe('input.noConcernedDepartment');
  });

  it('reports an alias used by two departments', () => {
    const { rows } = run((t) => {
      t[TAB.departments][3][1] = '人事課';
    });
    saysAt(rows, TAB.departments, 'B4', 'input.nameUsedTwice', '「人事課」は 3行目の「職員課」');
  });

  it('reports KPI values and years that do not parse, and a target year before the base year', () => {
    const { rows } = run((t) => {
      t[TAB.indicators][1][4] = 'およそ6割';
      t[TAB.indicators][1][3] = '平成二十八年度';
      t[TAB.indicators][2][5] = '平成20年度';
      t[TAB.indicatorResults][1][2] = '不明';
    });
    saysAt(rows, TAB.indicators, 'E2', 'table.valueInvalid', '基準値「およそ6割」');
    expect(at(rows, TAB.indicators, 'D2').code).toBe('table.valueInvalid');
    saysAt(
      rows,
      TAB.indicators,
      'F3',
      'input.targetBeforeBase',
      '目標年度（平成20年度（2008年度））が基準年度（平成28年度（2016年度））',
    );
    saysAt(rows, TAB.indicatorResults, 'C2', 'table.valueInvalid', '実績「不明」');
  });

  it('reports a missing 対象年度 or 回答期限', () => {
    const { rows } = run((t) => {
      t[TAB.settings][2][1] = '';
      t[TAB.settings] = t[TAB.settings].filter((r) => r[0] !== '回答期限');
    });
    saysAt(rows, TAB.settings, 'B3', 'input.settingMissing', '「対象年度」');
    saysAt(rows, TAB.settings, 'B8', 'input.settingMissing', '「回答期限」');
  });

  it('reports a required header missing or duplicated, wherever the columns stand', () => {
    const { rows } = run((t) => {
      t[TAB.plan] = t[TAB.plan].map((r) => [r[6], ...r.slice(0, 6)]);
      t[TAB.plan][0][0] = '担当';
      t[TAB.structure][0].push('名称');
    });
    saysAt(rows, TAB.plan, '1行目', 'table.headerMissing', '「所管」');
    saysAt(rows, TAB.structure, 'F1', 'table.headerTwice', '「名称」が E列 と F列');
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
    expect(lastFindings.find((f) => f.sheet === TAB.structure)?.code).toBe('input.tabMissing');
    expect(rows.find((r) => r[1] === TAB.structure && r[3].includes('「体系」'))).toBeDefined();
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
    saysAt(rows, TAB.departments, 'C3', 'input.noEditorsYet', '「職員課」', '注意');
    expect(result.ok).toBe(true);
  });
});
