/**
 * Plan tables saved from Excel: TSV or CSV, in UTF-8 (with or without BOM) or Shift_JIS
 * (CP932), as Excel in Japan writes them.
 */
import * as M from './cliMessages';

/** A table file that cannot be read as a table: said with its line. */
export class TableSyntaxError extends Error {}

type Encoding = 'utf-8' | 'shift_jis' | 'utf-16';

/**
 * The text of a table file: UTF-8 (with or without BOM), UTF-16 with BOM, or Shift_JIS. Bytes that
 * are no character of the file's encoding (a file cut short, a broken copy) are refused with the
 * line they stand on, never read as 「�」.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3), 'utf-8');
  // Excel's 「Unicode テキスト」 is UTF-16 with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's full ICU decodes Windows-31J (CP932) under this label.
    return strict('shift_jis', bytes, 'shift_jis');
  }
}

const ENCODING_NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS', 'utf-16': 'UTF-16' };

function strict(label: string, bytes: Uint8Array, encoding: Encoding): { text: string; encoding: Encoding } {
  const text = new TextDecoder(label).decode(bytes);
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return { text, encoding };
  } catch {
    const at = text.indexOf('\uFFFD');
    const line = text.slice(0, at < 0 ? text.length : at).split('\n').length;
    throw new TableSyntaxError(M.badBytes(line, ENCODING_NAMES[encoding]));
  }
}

/** Splits TSV or CSV (RFC 4180 quotes, line breaks inside quotes); the separator is guessed from the first line. */
export function parseDelimited(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) {
    throw new TableSyntaxError(M.openQuote(quoteLine));
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
