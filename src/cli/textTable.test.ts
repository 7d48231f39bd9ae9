import { describe, expect, it } from 'vitest';
import { decodeText, parseDelimited } from './textTable';

// "目標,事業名\n4,国や都との連携\n" in Shift_JIS (CP932), as Excel in Japan saves a CSV.
const SJIS = Uint8Array.from([
  0x96, 0xda, 0x95, 0x57, 0x2c, 0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc, 0x0d, 0x0a, 0x34, 0x2c, 0x8d, 0x91, 0x82, 0xe2,
  0x93, 0x73, 0x82, 0xc6, 0x82, 0xcc, 0x98, 0x41, 0x8c, 0x67, 0x0d, 0x0a,
]);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, and Shift_JIS', () => {
    const utf8 = new TextEncoder().encode('目標,事業名\n');
    expect(decodeText(utf8)).toEqual({ text: '目標,事業名\n', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('目標,事業名\n');
    expect(decodeText(SJIS)).toEqual({ text: '目標,事業名\r\n4,国や都との連携\r\n', encoding: 'shift_jis' });
  });
});

describe('parseDelimited', () => {
  it('splits TSV and CSV, with quotes, doubled quotes and line breaks inside a field', () => {
    expect(parseDelimited('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseDelimited('a,b\r\n"x, y","職員課\n企画課"\r\n"say ""hi""",\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', '職員課\n企画課'],
      ['say "hi"', ''],
    ]);
  });
});
