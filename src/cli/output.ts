/** What the command line prints to, and its tables (shared by the commands and the demo). */
import { largest, widest } from '../domain/core/cells';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  examplesDir: string;
}

/** East Asian wide characters (CJK, kana, full-width forms, and the supplementary ideographs). */
const WIDE = new RegExp(
  '[\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6]' +
    '|[\\u{20000}-\\u{3fffd}]',
  'u',
);

/** Width of text in a terminal: East Asian wide characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function formatTable(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const text = rows.map((r) => r.map((c) => cellText(c).replace(/\n/g, ' ')));
  const cols = widest(text);
  // The last column is left unpadded, so long messages do not push the table wide.
  const widths = Array.from({ length: cols - 1 }, (_, i) =>
    Math.min(40, largest(text.map((r) => displayWidth(r[i] ?? '')))),
  );
  return text
    .map((r) =>
      r
        .map((c, i) => (i < widths.length ? c + ' '.repeat(Math.max(0, widths[i] - displayWidth(c))) : c))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A cell as text: what it shows (a Date in its own words, objects never as [object Object]). */
function cellText(c: unknown): string {
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean' || c instanceof Date) return String(c);
  return c === undefined || c === null ? '' : JSON.stringify(c);
}
