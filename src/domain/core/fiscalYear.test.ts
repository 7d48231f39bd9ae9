import { describe, expect, it } from 'vitest';
import { formatFiscalYear, parseDate, parseFiscalYear } from './fiscalYear';

describe('parseFiscalYear', () => {
  it.each([
    [2025, 2025],
    ['2025', 2025],
    ['２０２５', 2025],
    ['2025年度', 2025],
    ['令和7年度', 2025],
    ['令和７年度', 2025],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['平成28年度', 2016],
    ['平成39年度', 2027],
    ['R7', 2025],
    ['r7', 2025],
    ['H28', 2016],
    ['H28年度', 2016],
    ['令和7年度（2025年度）', 2025],
    [' 昭和64年度 ', 1989],
  ])('%s → %s', (input, year) => {
    expect(parseFiscalYear(input)).toBe(year);
  });

  it.each(['', '令和', '来年度', '25', 'R', '平成0年度', 2025.5, true])('rejects %s', (input) => {
    expect(parseFiscalYear(input as string)).toBeUndefined();
  });
});

describe('formatFiscalYear', () => {
  it('writes the era and the western year', () => {
    expect(formatFiscalYear(2025)).toBe('令和7年度（2025年度）');
    expect(formatFiscalYear(2019)).toBe('令和元年度（2019年度）');
    expect(formatFiscalYear(2016)).toBe('平成28年度（2016年度）');
  });
});

describe('parseDate', () => {
  it.each(['2026/5/29', '2026-05-29', '2026年5月29日', '令和8年5月29日', 'R8.5.29', '２０２６／５／２９'])(
    '%s',
    (s) => {
      const d = parseDate(s)!;
      expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2026, 5, 29]);
    },
  );
  it('keeps a Date and rejects impossible days', () => {
    expect(parseDate(new Date(2026, 4, 29))?.getDate()).toBe(29);
    expect(parseDate('2026/2/30')).toBeUndefined();
    expect(parseDate('5月末')).toBeUndefined();
  });
});
