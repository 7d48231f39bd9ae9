import { describe, expect, it } from 'vitest';
import { panelState } from './panel';
import type { IndexEntry } from '../requests/requestIndex';
import { HEADERS, TAB } from '../core/tabs';

const ALL_TABS = [TAB.plan, TAB.structure, TAB.departments, TAB.settings, TAB.answers, TAB.requestIndex, TAB.check];
const entry = (department: string, status: IndexEntry['status'], year = 2025): IndexEntry => ({
  department,
  sheet: `調査_${department}`,
  sheetId: '1',
  year,
  projects: 4,
  answered: status === '回答済' ? 4 : status === '回答中' ? 2 : 0,
  status,
  mergedAt: '',
  layoutKey: '',
});
const base = {
  sheetNames: ALL_TABS,
  year: 2025,
  deadline: new Date(2026, 4, 29),
  departments: ['職員課', '企画課'],
  index: [] as IndexEntry[],
  check: [[...HEADERS.check], ['', '', '', 'エラーはありません。']],
  today: new Date(2026, 4, 19),
};
const nextOf = (s: ReturnType<typeof panelState>) => s.steps.find((x) => x.next)?.id;

describe('panelState', () => {
  it('marks the first step of the year not done as the next, from 初期設定 to the report', () => {
    expect(nextOf(panelState({ ...base, sheetNames: [TAB.plan], check: undefined }))).toBe('setupSheets');
    expect(nextOf(panelState({ ...base, check: undefined }))).toBe('validatePlan');
    expect(nextOf(panelState(base))).toBe('createRequests');
    const made = { ...base, index: [entry('職員課', '回答中'), entry('企画課', '未回答')] };
    expect(nextOf(panelState(made))).toBe('mergeResponses');
    const answered = { ...base, index: [entry('職員課', '回答済'), entry('企画課', '回答済')] };
    expect(nextOf(panelState(answered))).toBe('buildSummary');
    expect(nextOf(panelState({ ...answered, sheetNames: [...ALL_TABS, TAB.summary] }))).toBe('showReport');
  });

  it('counts last year’s tabs as not made, and says the days left', () => {
    const s = panelState({ ...base, index: [entry('職員課', '回答済', 2024), entry('企画課', '回答中')] });
    expect(s.departments).toEqual([
      { name: '職員課', sheet: '', status: '未作成', answered: 0, total: 0 },
      { name: '企画課', sheet: '調査_企画課', status: '回答中', answered: 2, total: 4 },
    ]);
    expect(s.deadline).toBe('回答期限まであと 10日');
    expect(s.yearLabel).toBe('令和7年度（2025年度）');
  });

  it('reads each finding’s cell from its link, and a check with an error is not done', () => {
    const check = [
      [...HEADERS.check],
      ['エラー', TAB.plan, '=HYPERLINK("#gid=12&range=AB12","AB12")', '目標が数字ではありません'],
      ['注意', TAB.settings, '', '管理者が未登録です'],
    ];
    const s = panelState({ ...base, check });
    expect(s.findings).toEqual([
      { severity: 'エラー', sheet: TAB.plan, cell: 'AB12', row: 12, col: 28, message: '目標が数字ではありません' },
      { severity: '注意', sheet: TAB.settings, message: '管理者が未登録です' },
    ]);
    expect(s.steps.find((x) => x.id === 'validatePlan')?.done).toBe(false);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // google.script.run carries it as it is
  });
});
