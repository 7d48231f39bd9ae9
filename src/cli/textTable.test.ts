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

  it('refuses bytes that are no character instead of reading them as 「�」, naming the line', () => {
    // Shift_JIS with its last character cut in half (a copy stopped mid-way).
    expect(() => decodeText(SJIS.subarray(0, SJIS.length - 3))).toThrow(
      /2行目に、文字コード Shift_JIS の文字として読めないバイトがあります/,
    );
    // A byte that is no lead byte of Shift_JIS.
    expect(() => decodeText(Uint8Array.from([...SJIS.subarray(0, 13), 0xa0, 0xff, 0x0a]))).toThrow(/2行目/);
    // UTF-16 (Excel's Unicode text) cut to an odd number of bytes.
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('目標\t事業名\n4\t連携\n', 'utf16le')]);
    expect(decodeText(utf16).encoding).toBe('utf-16');
    expect(() => decodeText(utf16.subarray(0, utf16.length - 1))).toThrow(/文字コード UTF-16/);
    // UTF-8 with a BOM and a broken sequence.
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe7, 0x9b, 0x0a]))).toThrow(
      /2行目に、文字コード UTF-8/,
    );
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
