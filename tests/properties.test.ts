import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeResponses } from '../src/actions/mergeResponses';
import { createRequests } from '../src/actions/createRequests';
import { readAnswers } from '../src/domain/inputs/answers';
import { readInputs } from '../src/domain/inputs/inputs';
import { summarise } from '../src/domain/summary/summary';
import { HEADERS, TAB } from '../src/domain/core/tabs';
import { fakeBook, requestRows, seedTabs, typeAnswers } from './helpers';

const RUNS = { numRuns: 200 };
const DEPARTMENTS = ['男女共同参画センター', '職員課', '企画課', '子育て支援課'];
const SHEET = (d: string) => `調査_${d}`;

/** What a department might type in one row: valid or not, text that looks like a formula, blanks. */
const answer = fc.record(
  {
    '実施状況・実績': fc.constantFrom('', '実施した', '=IMPORTRANGE("x","y")', '+増加', '-減少', '@担当', '研修😊'),
    自己評価: fc.constantFrom('', 'A', 'b', 'ｃ', 'D', 'A（目標を達成）'),
    今後の方向性: fc.constantFrom('', '継続', '拡充', '見直し'),
    '参加者数（男性）': fc.constantFrom('', 0, 3, '１２'),
    '参加者数（女性）': fc.constantFrom('', 5, 40),
  },
  { requiredKeys: [] },
);

/** Answers for some of the rows of each department's tab. */
const answersFor = (ids: Record<string, string[]>) =>
  fc.record(
    Object.fromEntries(
      DEPARTMENTS.map((d) => [
        d,
        fc.subarray(ids[d]).chain((chosen) => fc.tuple(...chosen.map((id) => fc.tuple(fc.constant(id), answer)))),
      ]),
    ),
  );

const IDS: Record<string, string[]> = {
  男女共同参画センター: [
    '4-1-1-1',
    '4-1-2-1',
    '4-1-2-2',
    '4-1-3-1',
    '4-1-3-2',
    '4-1-3-3',
    '4-2-1-1',
    '4-2-1-2',
    '4-2-1-3',
    '4-2-1-4',
  ],
  職員課: ['4-1-2-2', '4-1-2-3'],
  企画課: ['4-1-2-2'],
  子育て支援課: ['4-1-2-2'],
};

function typeAll(
  app: ReturnType<typeof fakeBook>['app'],
  typed: Record<string, Array<[string, Record<string, unknown>]>>,
) {
  for (const [d, rows] of Object.entries(typed)) {
    // A valid reason goes with every grade, so that most departments merge.
    typeAnswers(
      app,
      SHEET(d),
      Object.fromEntries(
        rows.map(([id, a]) => [id, a['自己評価'] && !a['実施状況・実績'] ? { ...a, '実施状況・実績': '実施した' } : a]),
      ),
    );
  }
}

describe('properties', () => {
  it('merging twice equals merging once', () => {
    fc.assert(
      fc.property(answersFor(IDS), (typed) => {
        const b = fakeBook();
        try {
          createRequests(b.wb);
          typeAll(b.app, typed as never);
          mergeResponses(b.wb, new Date(2026, 5, 1));
          const once = b.app.sheet(TAB.answers)!.values();
          const index = b.app.sheet(TAB.requestIndex)!.values();
          mergeResponses(b.wb, new Date(2026, 5, 2));
          expect(b.app.sheet(TAB.answers)!.values()).toEqual(once);
          expect(
            b.app
              .sheet(TAB.requestIndex)!
              .values()
              .map((r) => r.slice(0, 6)),
          ).toEqual(index.map((r) => r.slice(0, 6)));
          for (const line of once.slice(1))
            for (let c = 0; c < line.length; c++)
              expect(b.app.sheet(TAB.answers)!.cellAt(once.indexOf(line) + 1, c + 1)?.formula).toBeUndefined();
        } finally {
          b.uninstall();
        }
      }),
      RUNS,
    );
  });

  /** Plan edits: drop a row, swap two rows, add a 事業, hand a 事業 to another department. */
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(20) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(20), to: fc.nat(20) }),
    fc.record({
      kind: fc.constant('add' as const),
      number: fc.integer({ min: 5, max: 9 }),
      dept: fc.constantFrom(...DEPARTMENTS),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      at: fc.nat(20),
      dept: fc.constantFrom(...DEPARTMENTS, '関係各課'),
    }),
  );

  it('createRequests after any plan edits keeps every answer typed for a 事業 still assigned to its department', () => {
    fc.assert(
      fc.property(answersFor(IDS), fc.array(edit, { maxLength: 6 }), (typed, edits) => {
        const b = fakeBook();
        try {
          createRequests(b.wb);
          typeAll(b.app, typed as never);
          const typedText = new Map<string, unknown>();
          for (const d of DEPARTMENTS)
            for (const r of requestRows(b.app, SHEET(d)))
              if (r['実施状況・実績'] !== '') typedText.set(`${d}|${r['事業番号']}`, r['実施状況・実績']);
          const plan = b.app.sheet(TAB.plan)!;
          let rows = plan.values();
          const body = () => rows.slice(1);
          for (const e of edits) {
            const n = body().length;
            if (n === 0) break;
            if (e.kind === 'drop') rows.splice(1 + (e.at % n), 1);
            if (e.kind === 'swap') {
              const a = 1 + (e.at % n);
              const c = 1 + (e.to % n);
              [rows[a], rows[c]] = [rows[c], rows[a]];
            }
            if (e.kind === 'add' && !rows.some((r) => r[3] === e.number && r[2] === 1 && r[1] === 1))
              rows = [...rows, [4, 1, 1, e.number, `新規${e.number}`, '', e.dept]];
            if (e.kind === 'move') rows[1 + (e.at % n)][6] = e.dept;
          }
          plan.clearAll();
          rows.forEach((line, r) => line.forEach((v, c) => plan.type(r + 1, c + 1, v)));
          const result = createRequests(b.wb);
          expect(result.message).not.toContain('作れなかった課');
          const { inputs } = readInputs({
            [TAB.plan]: plan.values(),
            [TAB.structure]: b.app.sheet(TAB.structure)!.values(),
            [TAB.departments]: b.app.sheet(TAB.departments)!.values(),
            [TAB.settings]: b.app.sheet(TAB.settings)!.values(),
            [TAB.indicators]: [[...HEADERS.indicators]],
            [TAB.indicatorResults]: [[...HEADERS.indicatorResults]],
          });
          for (const [key, text] of typedText) {
            const [d, id] = key.split('|');
            const assigned = inputs.projects.some((p) => p.id === id && p.departments.some((x) => x.name === d));
            const tab = b.app.sheet(SHEET(d));
            if (!tab) continue; // the department has no 事業 left: its tab was left alone
            const kept = requestRows(b.app, SHEET(d)).filter((r) => r['事業番号'] === id);
            if (assigned) expect(kept[0]?.['実施状況・実績'], key).toBe(text);
            // Not assigned any more: still in the tab, at the bottom, never deleted.
            else
              expect(
                kept.map((r) => r['実施状況・実績']),
                key,
              ).toContain(text);
          }
        } finally {
          b.uninstall();
        }
      }),
      RUNS,
    );
  });

  it('the summary’s counts add up to the number of answers', () => {
    const tabs = seedTabs();
    const { inputs } = readInputs(tabs);
    const records = fc.array(
      fc.record({
        year: fc.constantFrom(2024, 2025),
        pair: fc.constantFrom(...inputs.projects.flatMap((p) => p.departments.map((d) => [p.id, d.name] as const))),
        grade: fc.constantFrom('', 'A', 'B', 'C', 'D', 'Z'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(records, (list) => {
        const values = [
          [...HEADERS.answers],
          ...list.map((r) => [r.year, r.pair[0], r.pair[1], '実施', r.grade, '', '', '', '', '']),
        ];
        const answers = readAnswers(values, []);
        const s = summarise(inputs, inputs.settings!, answers.records, new Date(2026, 6, 1));
        const assignments = inputs.projects.reduce((n, p) => n + p.departments.length, 0);
        const total = (d: { counts: Readonly<Record<string, number>> }) =>
          Object.values(d.counts).reduce((a, b) => a + b, 0);
        expect(total(s.overall)).toBe(assignments);
        expect(s.byIssue.reduce((n, d) => n + total(d), 0)).toBe(assignments);
        expect(s.byMeasure.reduce((n, d) => n + total(d), 0)).toBe(assignments);
        const graded = assignments - s.overall.counts['未回答'];
        expect(s.responses.reduce((n, r) => n + r.answered, 0)).toBe(graded);
        expect(s.responses.reduce((n, r) => n + r.answered + r.unanswered, 0)).toBe(assignments);
        expect(s.directions.reduce((n, d) => n + d.count, 0)).toBeLessThanOrEqual(s.answerCount);
      }),
      RUNS,
    );
  });
});
