import * as z from 'zod/mini';
import { type Cell, TEXT_LIMIT, norm, isDate } from './cells';
import { parseFiscalYear } from './fiscalYear';
import { type Quantity, type Target, parseQuantity, parseTarget } from './quantity';
import * as M from './tableMessages';

/**
 * Cell schemas: each takes a cell as a spreadsheet gives it (string, number, boolean, Date)
 * and returns the typed value, or fails with a Japanese message that says how to fix it.
 */
/**
 * Schemas are built on first use and kept: building one costs far more than running it, and
 * Apps Script runs module code on every menu click, so nothing is built at load.
 */
const built = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (!built.has(key)) built.set(key, make());
  return built.get(key) as T;
}

function cellSchema<T>(parse: (v: Cell) => T | undefined, message: (v: Cell) => string) {
  return z.pipe(
    z.custom<Cell>(),
    z.transform((v: Cell, ctx) => {
      const out = parse(v);
      if (out === undefined) {
        ctx.issues.push({ code: 'custom', message: message(v), input: v });
        return z.NEVER;
      }
      return out;
    }),
  );
}

const shown = (v: Cell) => (isDate(v) ? '日付' : `「${String(v).slice(0, 30)}」`);

export function positiveInt(label: string) {
  return memo(`positiveInt:${label}`, () =>
    cellSchema(
      (v) => {
        if (isDate(v) || typeof v === 'boolean') return undefined;
        const s = norm(v);
        if (!/^\d+$/.test(s)) return undefined;
        const n = Number(s);
        return n > 0 ? n : undefined;
      },
      (v) => M.cellNotPositiveInt(label, shown(v)),
    ),
  );
}

/** Text kept as the person typed it (only trimmed); too long for a cell is an error. */
export function text(label: string) {
  return memo(`text:${label}`, () =>
    cellSchema(
      (v) => {
        const s = isDate(v) ? norm(v) : String(v).trim();
        return s.length <= TEXT_LIMIT ? s : undefined;
      },
      (v) => M.cellTooLong(label, String(v).length),
    ),
  );
}

export function fiscalYear(label: string) {
  return memo(`fiscalYear:${label}`, () => cellSchema(parseFiscalYear, (v) => M.cellNotYear(label, shown(v))));
}

export function quantity(label: string) {
  return memo(`quantity:${label}`, () =>
    cellSchema<Quantity>(parseQuantity, (v) => M.cellNotQuantity(label, shown(v))),
  );
}

export function target(label: string) {
  return memo(`target:${label}`, () => cellSchema<Target>(parseTarget, (v) => M.cellNotTarget(label, shown(v))));
}

/** TRUE in a checkbox column: TRUE, true, ○, 〇, ✓, はい, 1. */
export function flag(label: string) {
  return memo(`flag:${label}`, () =>
    cellSchema(
      (v) => {
        if (typeof v === 'boolean') return v;
        const s = norm(v).toUpperCase();
        if (['TRUE', '○', '〇', '◯', '✓', '✔', 'はい', '1', 'YES', '対象'].includes(s)) return true;
        if (['FALSE', '×', '✕', 'いいえ', '0', 'NO', '-'].includes(s)) return false;
        return undefined;
      },
      (v) => M.cellNotFlag(label, shown(v)),
    ),
  );
}
