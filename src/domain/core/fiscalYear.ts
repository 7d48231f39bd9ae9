import { type Cell, norm, isDate } from './cells';

/** Start year of each Japanese era (year N of an era = start + N − 1; 元年 = 1). */
const ERAS: ReadonlyArray<{ names: string[]; start: number }> = [
  { names: ['令和', 'R'], start: 2019 },
  { names: ['平成', 'H'], start: 1989 },
  { names: ['昭和', 'S'], start: 1926 },
  { names: ['大正', 'T'], start: 1912 },
  { names: ['明治', 'M'], start: 1868 },
];

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * A fiscal year as people write it: 2025, ２０２５, 2025年度, 令和7年度, 令和元年度, 平成28年度,
 * R7, H28. Plans written before 2019 kept counting Heisei (平成39年度 = 2027), so any Heisei
 * number is accepted. Returns the western year, or undefined when it cannot be read.
 */
export function parseFiscalYear(raw: Cell): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= MIN_YEAR && raw <= MAX_YEAR ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = norm(raw)
    .replace(/\s/g, '')
    .replace(/[（(].*[)）]$/, '')
    .toUpperCase();
  if (s === '') return undefined;
  const western = /^(\d{4})(?:年度?|FY)?$/.exec(s) ?? /^FY(\d{4})$/.exec(s);
  if (western) {
    const y = Number(western[1]);
    return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
  }
  for (const era of ERAS) {
    for (const name of era.names) {
      if (!s.startsWith(name)) continue;
      const rest = s.slice(name.length).replace(/^\.|\.$/g, '');
      const m = /^(元|\d{1,2})(?:年度?)?$/.exec(rest);
      if (!m) continue;
      const n = m[1] === '元' ? 1 : Number(m[1]);
      if (n < 1) return undefined;
      return era.start + n - 1;
    }
  }
  return undefined;
}

/** 令和7年度（2025年度）; before 2019 the Heisei form. */
export function formatFiscalYear(year: number): string {
  if (year >= 2019) {
    const n = year - 2018;
    return `令和${n === 1 ? '元' : n}年度（${year}年度）`;
  }
  if (year >= 1989) {
    const n = year - 1988;
    return `平成${n === 1 ? '元' : n}年度（${year}年度）`;
  }
  return `${year}年度`;
}

/** A date typed as text or stored as a date: 2026/5/31, 2026-05-31, 2026年5月31日, 令和8年5月31日. */
export function parseDate(raw: Cell): Date | undefined {
  if (isDate(raw)) return Number.isNaN(raw.getTime()) ? undefined : raw;
  if (typeof raw !== 'string') return undefined;
  const s = norm(raw)
    .replace(/\s/g, '')
    .replace(/[(][^)]*[)]/g, '')
    .toUpperCase();
  const m = /^(令和|平成|R|H)?(元|\d{1,4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s);
  if (!m) return undefined;
  const era = m[1] ? ERAS.find((e) => e.names.includes(m[1])) : undefined;
  const n = m[2] === '元' ? 1 : Number(m[2]);
  const year = era ? era.start + n - 1 : n;
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const month = Number(m[3]);
  const day = Number(m[4]);
  const d = new Date(year, month - 1, day);
  return d.getMonth() === month - 1 && d.getDate() === day ? d : undefined;
}
