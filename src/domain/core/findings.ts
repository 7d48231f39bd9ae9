import { a1 } from './cells';

// One way to report: a reader or check is given the caller's list and pushes into it, returning
// only its value (`readX(values, findings): X`). Only an action's opening (readInputs) and the
// merge, which decide per department, start a list of their own and hand it back.

export type Severity = 'エラー' | '注意';

/**
 * A sentence for the user with the stable code that tests and tools match on: the wording may
 * change freely, the code may not. Codes are `area.name`, made by `coded` from a message module.
 */
export interface Said {
  readonly code: string;
  readonly text: string;
}

type Wording = (...args: never[]) => string;

/**
 * Gives each wording function its code, `area.key`: a message module lists the sentences that
 * become findings once, e.g. `export const say = coded('input', { levelUnknown, ... })`.
 */
export function coded<A extends string, W extends Record<string, Wording>>(
  area: A,
  wording: W,
): { readonly [K in keyof W & string]: ((...args: Parameters<W[K]>) => Said) & { readonly code: `${A}.${K}` } } {
  const out: Record<string, unknown> = {};
  for (const [key, say] of Object.entries(wording)) {
    const code = `${area}.${key}`;
    out[key] = Object.assign((...args: never[]) => ({ code, text: say(...args) }), { code });
  }
  return out as never;
}

/** Something wrong (or worth a look) in one cell, row or tab, told in Japanese. */
export interface Finding {
  readonly severity: Severity;
  readonly sheet: string;
  /** 1-based sheet row and column; absent where the finding is about the whole tab. */
  readonly row?: number;
  readonly col?: number;
  /** Stable: `table.headerMissing`, `input.levelUnknown`, … (see each area's `say`). */
  readonly code: string;
  readonly message: string;
}

export function error(sheet: string, row: number | undefined, col: number | undefined, said: Said): Finding {
  return { severity: 'エラー', sheet, row, col, code: said.code, message: said.text };
}

export function warning(sheet: string, row: number | undefined, col: number | undefined, said: Said): Finding {
  return { severity: '注意', sheet, row, col, code: said.code, message: said.text };
}

/** An error about a whole tab (no one cell to point at). */
export function tabError(sheet: string, said: Said): Finding {
  return error(sheet, undefined, undefined, said);
}

/** A 注意 about a whole tab. */
export function tabWarning(sheet: string, said: Said): Finding {
  return warning(sheet, undefined, undefined, said);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'エラー');
}

export function cellLabel(f: Pick<Finding, 'row' | 'col'>): string {
  if (f.row !== undefined && f.col !== undefined) return a1(f.row, f.col);
  if (f.row !== undefined) return `${f.row}行目`;
  return '';
}

/** One line for an alert or a terminal: 「プラン」D5: … */
export function describe(f: Finding): string {
  const where = cellLabel(f);
  return `[${f.severity}] 「${f.sheet}」${where ? ` ${where}` : ''}: ${f.message}`;
}

/** Errors first, then by tab order given, then row and column. */
export function sortFindings(findings: readonly Finding[], tabOrder: readonly string[] = []): Finding[] {
  const tabRank = (s: string) => {
    const i = tabOrder.indexOf(s);
    return i < 0 ? tabOrder.length : i;
  };
  return [...findings].sort(
    (x, y) =>
      (x.severity === y.severity ? 0 : x.severity === 'エラー' ? -1 : 1) ||
      tabRank(x.sheet) - tabRank(y.sheet) ||
      x.sheet.localeCompare(y.sheet) ||
      (x.row ?? 0) - (y.row ?? 0) ||
      (x.col ?? 0) - (y.col ?? 0),
  );
}
