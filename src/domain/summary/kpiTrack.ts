/**
 * Where a KPI stands against the straight path from its base (基準年度, 基準値) to its target
 * (目標年度, 目標値), as DESIGN "Ten years at a glance" says: 達成 (target reached), 順調 (on or
 * past the path in the year measured), やや遅れ (at least half the path's progress), 遅れ (less,
 * or moving away), 未測定 (no value since the base). The words are the city's (設定
 * 指標の判定の区分); the states here are fixed.
 */
import type { Indicator, IndicatorResult } from '../inputs/inputModel';
import { indicatorValue } from '../inputs/inputModel';
import { targetEdges } from '../core/quantity';
import { KPI_STATES, type KpiState } from '../core/tabs';

export { KPI_STATES, type KpiState } from '../core/tabs';

/** A KPI's path: from its base to the edge of its target nearest the base, in the plan's years. */
export interface KpiPath {
  readonly baseYear: number;
  readonly base: number;
  readonly targetYear: number;
  /** The target itself, or the edge of a range or bound nearest the base. */
  readonly edge: number;
  /** Whether a value is the target reached: inside a range, past a bound, at or past a single value. */
  readonly reached: (value: number) => boolean;
}

/** Values compared on the KPI's own scale (59.1 for 59.1%, whatever the cell's form). */
export function kpiPath(indicator: Indicator): KpiPath {
  const t = indicator.target;
  const base = indicatorValue(indicator, indicator.base);
  const edges = targetEdges(t).map((v) => indicatorValue(indicator, { value: v, unit: t.unit }));
  const edge = edges.reduce((best, e) => (Math.abs(e - base) < Math.abs(best - base) ? e : best), edges[0]);
  const reached = (v: number) => {
    if (t.kind === 'range') return v >= edges[0] - EPSILON && v <= edges[1] + EPSILON;
    if (t.kind === 'atLeast') return v >= edge - EPSILON;
    if (t.kind === 'atMost') return v <= edge + EPSILON;
    return edge >= base ? v >= edge - EPSILON : v <= edge + EPSILON;
  };
  return { baseYear: indicator.baseYear, base, targetYear: indicator.targetYear, edge, reached };
}

/** Rounding of decimal values (0.1 + 0.2): a value typed as the path's own is on it. */
const EPSILON = 1e-9;

/** Share of the time from base year to target year elapsed in `year` (0 before the base, 1 from the target year). */
export function elapsedShare(path: KpiPath, year: number): number {
  const span = path.targetYear - path.baseYear;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (year - path.baseYear) / span));
}

/** The path's value in a year: where the KPI should stand then. */
export function pathValue(path: KpiPath, year: number): number {
  return path.base + (path.edge - path.base) * elapsedShare(path, year);
}

export interface KpiStanding {
  readonly state: KpiState;
  /** (value − base) / (edge − base); absent where the base already met the target. */
  readonly progress?: number;
  /** Share of the way from base year to target year elapsed in the year measured. */
  readonly expected: number;
}

/** The state of one value measured in one year (after the base year). */
export function kpiStanding(path: KpiPath, value: number, year: number): KpiStanding {
  const expected = elapsedShare(path, year);
  const span = path.edge - path.base;
  // A target the base already met: kept is 達成, lost is moving away.
  if (Math.abs(span) < EPSILON || path.reached(path.base)) {
    return { state: path.reached(value) ? 'achieved' : 'behind', expected };
  }
  const progress = (value - path.base) / span;
  if (path.reached(value)) return { state: 'achieved', progress, expected };
  if (progress >= expected - EPSILON) return { state: 'onTrack', progress, expected };
  if (progress >= expected / 2 - EPSILON) return { state: 'slightlyBehind', progress, expected };
  return { state: 'behind', progress, expected };
}

/** The KPI's values measured after its base year, oldest first (the base year's is the base itself). */
export function measuredSinceBase(indicator: Indicator, results: readonly IndicatorResult[]): IndicatorResult[] {
  return results
    .filter((r) => r.number === indicator.number && r.year > indicator.baseYear)
    .sort((a, b) => a.year - b.year);
}

export interface KpiRow {
  readonly indicator: Indicator;
  /** The latest value measured after the base year. */
  readonly latest?: IndicatorResult;
  readonly progress?: number;
  readonly expected?: number;
  /** The path's value in the latest value's year, on the KPI's scale. */
  readonly pathValue?: number;
  readonly state: KpiState;
  /** The state in the city's words (設定 指標の判定の区分). */
  readonly status: string;
}

/** The KPI's standing at its latest value; `labels` in the order of KPI_STATES. */
export function kpiRow(indicator: Indicator, results: readonly IndicatorResult[], labels: readonly string[]): KpiRow {
  const label = (state: KpiState) => labels[KPI_STATES.indexOf(state)];
  const measured = measuredSinceBase(indicator, results);
  const latest = measured[measured.length - 1];
  if (!latest) return { indicator, state: 'unmeasured', status: label('unmeasured') };
  const path = kpiPath(indicator);
  const standing = kpiStanding(path, indicatorValue(indicator, latest.value), latest.year);
  return {
    indicator,
    latest,
    progress: standing.progress,
    expected: standing.expected,
    pathValue: pathValue(path, latest.year),
    state: standing.state,
    status: label(standing.state),
  };
}
