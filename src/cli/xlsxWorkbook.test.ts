import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from './xlsxWorkbook';

describe('XlsxWorkbook', () => {
  it('reads a percentage as Excel shows it, a formula as typed, and dates as dates', () => {
    const wb = new XlsxWorkbook();
    const ws = wb.book.addWorksheet('指標');
    ws.getCell('A1').value = 0.591;
    ws.getCell('A1').numFmt = '0.0%';
    ws.getCell('B1').value = { formula: 'IMPORTRANGE("x","y")', result: '#REF!' };
    ws.getCell('C1').value = new Date(2026, 4, 29);
    expect(wb.read('指標', 'shown')![0].slice(0, 1)).toEqual(['59.1%']);
    expect(wb.read('指標', 'typed')![0][1]).toBe('=IMPORTRANGE("x","y")');
    expect(wb.read('指標')![0][1]).toBe('#REF!');
    expect(wb.read('指標')![0][2]).toEqual(new Date(2026, 4, 29));
    expect(wb.read('ない')).toBeUndefined();
  });

  it('writes strings as text, never as formulas, and links to cells', () => {
    const wb = new XlsxWorkbook();
    wb.createSheet('回答');
    wb.write('回答', 1, 1, [['=SUM(1,2)', { kind: 'link', sheet: 'プラン', row: 5, col: 7, text: 'G5' }, 12]]);
    const ws = wb.book.getWorksheet('回答')!;
    expect(ws.getCell('A1').value).toBe('=SUM(1,2)');
    expect(ws.getCell('A1').type).toBe(3); // ExcelJS.ValueType.String
    expect(ws.getCell('B1').value).toEqual({ text: 'G5', hyperlink: "#'プラン'!G5" });
    expect(ws.getCell('C1').value).toBe(12);
  });
});
