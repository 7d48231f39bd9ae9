import { afterEach, describe, expect, it } from 'vitest';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { validatePlan } from '../src/actions/validatePlan';
import { TAB } from '../src/domain/core/tabs';
import { ANSWER_CASES, type AnswerCase, BASE_ANSWERS, CLEAN_CASES, PLAN_CASES, type PlanCase } from './corpus/cases';
import type { ActionResult } from '../src/actions/shared/action';
import { cellLabel } from '../src/domain/core/findings';
import { checkRows, fakeBook, seedTabs, snapshot, typeAnswers } from './helpers';

let uninstall = () => {};
afterEach(() => uninstall());

function book(edit: (t: Record<string, string[][]>) => void) {
  const tabs = seedTabs();
  edit(tabs);
  const b = fakeBook(tabs);
  uninstall = b.uninstall;
  // The owner may run whatever 設定 says (a case may leave no 管理者): these cases are about the inputs.
  b.app.user = b.app.owner;
  return b;
}

/** The case's finding: its code at its cell (what tools and tests match), and as チェック結果 shows it. */
function findingAt(result: ActionResult, rows: string[][], c: PlanCase | AnswerCase) {
  const severity = c.severity ?? 'エラー';
  const codes = result.findings
    .filter((f) => f.severity === severity && f.sheet === c.sheet && cellLabel(f) === c.cell)
    .map((f) => f.code);
  expect(codes, `codes at ${c.sheet}!${c.cell}`).toContain(c.code);
  const hit = rows.find((r) => r[0] === severity && r[1] === c.sheet && r[2] === c.cell && r[3].includes(c.message));
  expect(
    hit,
    `expected ${severity} at ${c.sheet}!${c.cell} containing «${c.message}»; found:\n${rows.map((r) => r.join(' | ').slice(0, 160)).join('\n')}`,
  ).toBeDefined();
}

describe('bad input corpus: the plan tabs', () => {
  it('has at least 60 cases in all', () => {
    expect(PLAN_CASES.length + CLEAN_CASES.length + ANSWER_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PLAN_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { app, wb } = book(c.edit);
    const before = snapshot(app, [TAB.check]);
    const result = validatePlan(wb);
    expect(snapshot(app, [TAB.check])).toEqual(before);
    findingAt(result, checkRows(app), c);
    if ((c.severity ?? 'エラー') === 'エラー') {
      expect(result.ok).toBe(false);
      // createRequests writes no tab while the plan has an error.
      const requests = createRequests(wb);
      expect(requests.ok).toBe(false);
      expect(snapshot(app, [TAB.check])).toEqual(before);
      expect(app.sheets.some((s) => s.name.startsWith('調査_'))).toBe(false);
    }
  });

  it.each(CLEAN_CASES.map((c) => [c.name, c] as const))('no false alarm: %s', (_name, c) => {
    const { app, wb } = book(c.edit);
    const result = validatePlan(wb);
    expect(checkRows(app).slice(1)).toEqual([['', '', '', 'エラーはありません。']]);
    expect(result.ok).toBe(true);
  });
});

describe('bad input corpus: the answers', () => {
  it.each(ANSWER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { app, wb } = book(() => {});
    createRequests(wb);
    for (const [sheet, answers] of Object.entries(BASE_ANSWERS)) typeAnswers(app, sheet, answers);
    c.edit(app);
    const tabsBefore = snapshot(app, [TAB.check, TAB.answers, TAB.requestIndex]);
    const answersBefore = app.sheet(TAB.answers)?.values() ?? [];
    const result = mergeResponses(wb, new Date(2026, 5, 1));
    findingAt(result, checkRows(app), c);
    expect(snapshot(app, [TAB.check, TAB.answers, TAB.requestIndex])).toEqual(tabsBefore);
    const merged = (app.sheet(TAB.answers)?.values() ?? []).slice(1);
    expect(merged.slice(0, Math.max(0, answersBefore.length - 1))).toEqual(answersBefore.slice(1));
    const departmentsMerged = new Set(merged.map((r) => r[2]));
    expect(departmentsMerged.has('企画課')).toBe(true);
    if ((c.severity ?? 'エラー') === 'エラー') {
      expect(result.ok).toBe(false);
      expect(departmentsMerged.has('職員課')).toBe(false);
      expect(result.message).toMatch(/取り込まなかった(課|シート)[^：]*：.*職員課/);
    } else {
      expect(departmentsMerged.has('職員課')).toBe(true);
    }
  });
});
