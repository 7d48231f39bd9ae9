import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../inputs/inputModel';
import { KPI_STATES, type KpiState, kpiPath, kpiRow, kpiStanding, pathValue } from './kpiTrack';
import { parseQuantity, parseTarget } from '../core/quantity';

const LABELS = ['達成', '順調', 'やや遅れ', '遅れ', '未測定'];

const indicator = (base: string, target: string, baseYear = 2016, targetYear = 2027): Indicator => ({
  number: '1',
  name: 'x',
  baseYear,
  base: parseQuantity(base)!,
  targetYear,
  target: parseTarget(target)!,
  source: '',
  percent: base.endsWith('%') || target.includes('%'),
});
const result = (value: string | number, year: number) => [{ number: '1', year, value: parseQuantity(value)! }];
const status = (i: Indicator, value: string | number, year: number) => kpiRow(i, result(value, year), LABELS).status;

describe('KPI standing against the path to its target', () => {
  it('counts a value past the target as achieved, from a percent-formatted cell too', () => {
    const k = kpiRow(indicator('59.1%', '80%'), result(0.82, 2024), LABELS);
    expect(k.status).toBe('達成');
    expect(k.progress).toBeCloseTo((82 - 59.1) / (80 - 59.1));
  });
  it('measures to the nearest edge of a range and counts a value inside it as achieved', () => {
    expect(kpiRow(indicator('30%', '40から60%'), result('35%', 2020), LABELS).progress).toBeCloseTo(0.5);
    expect(status(indicator('30%', '40〜60%'), '45%', 2020)).toBe('達成');
  });
  it('works for bounds and for falling targets; moving away is 遅れ', () => {
    expect(kpiRow(indicator('10%', '5%以下'), result('8%', 2020), LABELS).progress).toBeCloseTo(0.4);
    expect(status(indicator('10%', '5%以下'), '4%', 2020)).toBe('達成');
    const away = kpiRow(indicator('10%', '0%'), result('12%', 2020), LABELS);
    expect(away.progress).toBeCloseTo(-0.2);
    expect(away.status).toBe('遅れ');
    // 20% → 30%以上 over 11 years; 4 elapsed in 2020 (36.4%); 28% is 80% of the way.
    expect(status(indicator('20%', '30%以上'), '28%', 2020)).toBe('順調');
  });
  it('reads the issue’s falling KPI as やや遅れ: 3.3% → 2.3% toward 0% by 2027, measured in 2024 (base 2021)', () => {
    // Progress (3.3 − 2.3) / 3.3 = 30.3%; half the time elapsed (3 of 6 years): 30.3 / 50 = 61% of the path's progress.
    const i = indicator('3.3%', '0%', 2021, 2027);
    const k = kpiRow(i, result('2.3%', 2024), LABELS);
    expect(k.progress).toBeCloseTo(1 / 3.3);
    expect(k.expected).toBeCloseTo(0.5);
    expect(k.pathValue).toBeCloseTo(1.65);
    expect(k.status).toBe('やや遅れ');
    expect(status(i, '3.2%', 2024)).toBe('遅れ');
    expect(status(i, '1.6%', 2024)).toBe('順調');
  });
  it('says 未測定 when nothing was measured after the base year, and uses the latest value after it', () => {
    const i = indicator('59.1%', '80%');
    expect(kpiRow(i, [], LABELS).status).toBe('未測定');
    expect(status(i, '59.1%', 2016)).toBe('未測定');
    const k = kpiRow(i, [...result('63.5%', 2020), ...result('70%', 2024), ...result('40%', 2015)], LABELS);
    expect(k.latest?.year).toBe(2024);
  });
  it('keeps a target the base already met: kept is 達成, lost is 遅れ', () => {
    expect(status(indicator('35%', '30%以上'), '33%', 2020)).toBe('達成');
    expect(status(indicator('35%', '30%以上'), '29%', 2020)).toBe('遅れ');
  });
  it('speaks the city’s words (設定 指標の判定の区分)', () => {
    const words = ['◎', '○', '△', '×', '−'];
    expect(kpiRow(indicator('3.3%', '0%', 2021, 2027), result('2.3%', 2024), words).status).toBe('△');
  });
});

/** Any KPI a city could write: single values, ranges and bounds, rising or falling, percent or count. */
const anyIndicator = fc
  .record({
    base: fc.integer({ min: 0, max: 1000 }),
    delta: fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
    width: fc.integer({ min: 1, max: 200 }),
    kind: fc.constantFrom('value', 'range', 'atLeast', 'atMost'),
    baseYear: fc.integer({ min: 2010, max: 2030 }),
    span: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ base, delta, width, kind, baseYear, span }) => {
    const b = base / 10;
    const t = (base + delta) / 10;
    // A bound points the way the target lies from the base, a range starts at the target's near edge.
    const target =
      kind === 'range'
        ? delta > 0
          ? `${t}〜${t + width / 10}`
          : `${t - width / 10}〜${t}`
        : kind === 'atLeast'
          ? `${delta > 0 ? t : b - 0.1}以上`
          : kind === 'atMost'
            ? `${delta < 0 ? t : b + 0.1}以下`
            : `${t}`;
    return indicator(`${b}人`, `${target}人`, baseYear, baseYear + span);
  });

const rank = (s: KpiState) => KPI_STATES.indexOf(s);

describe('KPI standing: properties', () => {
  it('is monotone in the value: a value nearer the target never reads worse', () => {
    fc.assert(
      fc.property(
        anyIndicator,
        fc.integer({ min: 1, max: 15 }),
        fc.double({ min: -2, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 1, noNaN: true }),
        (i, after, a, b) => {
          const path = kpiPath(i);
          const year = i.baseYear + after;
          // Two values between far behind the base and the target's near edge, the second at least as far along.
          const along = (x: number) => path.base + (path.edge - path.base) * x;
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rank(kpiStanding(path, along(high), year).state)).toBeLessThanOrEqual(
            rank(kpiStanding(path, along(low), year).state),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
  it('reads a value on the path as 順調 (or 達成 at its end)', () => {
    fc.assert(
      fc.property(anyIndicator, fc.integer({ min: 1, max: 15 }), (i, after) => {
        const path = kpiPath(i);
        const year = i.baseYear + after;
        const state = kpiStanding(path, pathValue(path, year), year).state;
        expect(year >= i.targetYear ? ['achieved'] : ['onTrack', 'achieved']).toContain(state);
      }),
      { numRuns: 500 },
    );
  });
  it('reads reaching the target as 達成, whatever the year', () => {
    fc.assert(
      fc.property(anyIndicator, fc.integer({ min: 1, max: 30 }), (i, after) => {
        const path = kpiPath(i);
        expect(kpiStanding(path, path.edge, i.baseYear + after).state).toBe('achieved');
      }),
      { numRuns: 500 },
    );
  });
});
