import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../inputs/answers';
import type { Cell } from '../core/cells';
import type { Department } from '../core/departments';
import type { Settings } from '../inputs/inputs';
import { planRequests } from './requestPlan';
import { readRequestTab } from './requestTab';
import { parseScales } from '../core/scales';
import { ANSWER_FIELDS, DEFAULT_DIRECTIONS, DEFAULT_GRADES, HEADERS } from '../core/tabs';

const settings: Settings = {
  year: 2025,
  deadline: new Date(2026, 4, 29),
  planName: 'プラン',
  scales: parseScales(DEFAULT_GRADES, DEFAULT_DIRECTIONS, ''),
  committeeGrades: [],
  kpiStatuses: ['達成', '順調', 'やや遅れ', '遅れ', '未測定'],
  replyStatuses: ['対応済', '対応中'],
};
const dept = (name: string, row: number): Department => ({ name, aliases: [], editors: [], concerned: false, row });
const shokuin = dept('職員課', 2);
const kikaku = dept('企画課', 3);

/** A request tab as read: heading of `year`, one row for 4-1-2-2 with these answers. */
function tab(sheet: string, department: string, year: string, answers: Partial<Record<string, Cell>> = {}) {
  const header: string[] = [...HEADERS.request];
  const values: Cell[][] = [
    ['プラン 進捗状況調査'],
    ['対象年度', year],
    ['所管課', department],
    ['回答期限', '2026年5月29日'],
    [],
    [],
    header,
    header.map((h) => (h === '事業番号' ? '4-1-2-2' : (answers[h] ?? ''))),
  ];
  return readRequestTab(sheet, values);
}

const record = (fields: Partial<Record<string, Cell>>): AnswerRecord => ({
  year: 2024,
  id: '4-1-2-2',
  department: '職員課',
  fields: Object.fromEntries(ANSWER_FIELDS.map((f) => [f, fields[f] ?? ''])) as AnswerRecord['fields'],
  importedAt: '',
  row: 2,
});

const base = {
  settings,
  tabs: [],
  owned: new Map(),
  refused: [],
  sheetNames: [],
  recordedNames: new Set<string>(),
  answers: [],
  replies: [],
};

describe('planRequests', () => {
  it('creates a tab for a department that has none, named after it', () => {
    const plan = planRequests({ ...base, departments: [shokuin] });
    expect(plan.steps).toEqual([
      {
        kind: 'write',
        department: shokuin,
        sheet: '調査_職員課',
        current: undefined,
        carry: undefined,
        remakeEmpty: false,
      },
    ]);
  });

  it('refreshes this year’s tab carrying what it holds, and makes last year’s anew once merged', () => {
    const now = tab('調査_職員課', '職員課', '2025', { 自己評価: 'B' });
    const old = tab('調査_企画課', '企画課', '2024', { '実施状況・実績': '公表', 自己評価: 'ｂ' });
    const plan = planRequests({
      ...base,
      departments: [shokuin, kikaku],
      tabs: [now, old],
      owned: new Map([
        [shokuin, now],
        [kikaku, old],
      ]),
      answers: [{ ...record({ '実施状況・実績': '公表', 自己評価: 'B' }), department: '企画課' }],
    });
    // Last year's tab comes first: a run cut short has made progress where it matters.
    expect(plan.steps.map((s) => [s.kind, s.sheet, s.kind === 'write' && s.carry?.sheet])).toEqual([
      ['write', '調査_企画課', undefined], // ｂ is the B in 回答: merged, nothing to carry
      ['write', '調査_職員課', '調査_職員課'],
    ]);
  });

  it('skips last year’s tab while it holds an answer 回答 does not, naming its row', () => {
    const old = tab('調査_職員課', '職員課', '2024', { '実施状況・実績': '研修', 自己評価: 'A' });
    const plan = planRequests({
      ...base,
      departments: [shokuin],
      tabs: [old],
      owned: new Map([[shokuin, old]]),
      answers: [record({ '実施状況・実績': '研修', 自己評価: 'B' })],
    });
    const step = plan.steps[0];
    expect(step.kind).toBe('skip');
    if (step.kind !== 'skip') return;
    expect(step.findings[0]).toMatchObject({ sheet: '調査_職員課', row: 8, col: 1 });
    expect(step.findings[0].message).toContain('まだ「回答」に取り込まれていないものが 1行あります');
  });

  it('skips a tab whose header row was changed, and never a blank one', () => {
    const broken = readRequestTab('調査_職員課', [['x'], ['対象年度', '2025'], [], [], [], [], ['事業番号', '名前']]);
    const plan = planRequests({ ...base, departments: [shokuin], tabs: [broken], owned: new Map([[shokuin, broken]]) });
    expect(plan.steps[0]).toMatchObject({ kind: 'skip', sheet: '調査_職員課' });
  });

  it('makes an empty tab left by a cut-off run again under its own name, and leaves unclaimed tabs alone', () => {
    const empty = readRequestTab('調査_職員課', []);
    const stray = tab('調査_広報課', '広報課', '2025');
    const plan = planRequests({
      ...base,
      departments: [shokuin],
      tabs: [empty, stray],
      sheetNames: ['調査_職員課', '調査_広報課'],
      // The run that was cut off had recorded the name of the tab it was about to make.
      recordedNames: new Set(['調査_職員課']),
    });
    expect(plan.steps[0]).toMatchObject({ kind: 'write', sheet: '調査_職員課', remakeEmpty: true });
    expect(plan.leftAlone.map((t) => t.sheet)).toEqual(['調査_広報課']);
    expect(plan.findings[0].message).toContain('所管課「広報課」）の事業がプランにないため');
  });

  it('never makes again an empty tab the index does not name (someone else made it): a new name instead', () => {
    const squatted = readRequestTab('調査_職員課', []);
    const plan = planRequests({ ...base, departments: [shokuin], tabs: [squatted], sheetNames: ['調査_職員課'] });
    expect(plan.steps[0]).toMatchObject({ kind: 'write', sheet: '調査_職員課_2' });
    expect(plan.steps[0]).not.toMatchObject({ remakeEmpty: true });
  });
});
