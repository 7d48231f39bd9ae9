import { type Cell, norm } from './cells';

/** A KPI value as people write it: 59.1%, ５９．１％, 0.591 (a percent-formatted cell), 120人. */
export interface Quantity {
  readonly value: number;
  /** '%' when written as a percentage, the counter word (人, 回, 件 …) when there is one. */
  readonly unit: string;
}

/** Target of a KPI: one value, a range (40から60%), or a bound (30%以上, 5%以下). */
export type Target =
  | { readonly kind: 'value'; readonly value: number; readonly unit: string }
  | { readonly kind: 'range'; readonly low: number; readonly high: number; readonly unit: string }
  | { readonly kind: 'atLeast' | 'atMost'; readonly value: number; readonly unit: string };

const NUMBER = String.raw`[▲△-]?\d+(?:,\d{3})*(?:\.\d+)?`;

function toNumber(s: string): number {
  const negative = /^[▲△-]/.test(s);
  const n = Number(s.replace(/^[▲△-]/, '').replace(/,/g, ''));
  return negative ? -n : n;
}

/** Normalised copy for parsing: NFKC, no spaces, the usual variants of % and ～. */
function clean(raw: string): string {
  return norm(raw)
    .replace(/\s/g, '')
    .replace(/[〜～~]/g, '〜')
    .replace(/^[→⇒]/, '')
    .replace(/パーセント/g, '%');
}

export function parseQuantity(raw: Cell): Quantity | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, unit: '' } : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = new RegExp(`^(${NUMBER})(%|[^\\d%.]{1,3})?$`).exec(clean(raw));
  if (!m) return undefined;
  return { value: toNumber(m[1]), unit: m[2] ?? '' };
}

export function parseTarget(raw: Cell): Target | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'value', value: raw, unit: '' } : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = clean(raw);
  const unit = String.raw`(%|[^\d%.〜から以上下未満超]{1,3})?`;
  const range = new RegExp(`^(${NUMBER})${unit}(?:から|〜|-)(${NUMBER})${unit}$`).exec(s);
  if (range) {
    const a = toNumber(range[1]);
    const b = toNumber(range[3]);
    const u = range[4] ?? range[2] ?? '';
    return { kind: 'range', low: Math.min(a, b), high: Math.max(a, b), unit: u };
  }
  const bound = new RegExp(`^(${NUMBER})${unit}(以上|以下|超|未満)$`).exec(s);
  if (bound) {
    const kind = bound[3] === '以上' || bound[3] === '超' ? 'atLeast' : 'atMost';
    return { kind, value: toNumber(bound[1]), unit: bound[2] ?? '' };
  }
  const q = parseQuantity(raw);
  return q ? { kind: 'value', value: q.value, unit: q.unit } : undefined;
}

/**
 * Puts a value on the KPI's scale: when the KPI is a percentage, a bare number of at most 1
 * is a fraction (a percent-formatted cell gives 0.591 for 59.1%).
 */
export function onScale(q: { value: number; unit: string }, percent: boolean): number {
  if (percent && q.unit === '' && Math.abs(q.value) <= 1) return q.value * 100;
  return q.value;
}

/** A head count as people type it: 12, １２, 1,200, 12人, 12名. Whole numbers ≥ 0 only. */
export function parseCount(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = norm(v)
    .replace(/,/g, '')
    .replace(/[人名]$/, '');
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

export function targetEdges(t: Target): number[] {
  return t.kind === 'range' ? [t.low, t.high] : [t.value];
}
