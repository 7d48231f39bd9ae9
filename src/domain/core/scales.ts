import { type Cell, compact, norm } from './cells';
import { DEFAULT_DIRECTIONS, DEFAULT_GRADES, SETTING } from './tabs';
import type { Said } from './findings';
import { say } from './scaleMessages';

export interface Grade {
  readonly code: string;
  readonly label: string;
}

/**
 * A 自己評価 read once against the city's scale: its code and label, and where it stands. It
 * stays typed from 回答 to the summary; nothing matches the cell against the scale again.
 */
export interface ScaleGrade extends Grade {
  /** Position on the scale as 設定 lists it, 0 for the highest. */
  readonly rank: number;
  /** Counts in shares and distributions (not one of the codes of 評価に含めない区分). */
  readonly counted: boolean;
  /** One of the first two counted grades: the A+B share. */
  readonly top: boolean;
  /** One of the two lowest counted grades (C, D): 課題・改善点 is required. */
  readonly low: boolean;
}

/** The city's 自己評価 and 今後の方向性 vocabularies (設定), with codes left out of shares. */
export interface Scales {
  readonly grades: readonly ScaleGrade[];
  readonly directions: readonly string[];
  /** Codes that are not a grade (評価困難, 未着手 …): accepted as answers, left out of shares. */
  readonly ungraded: readonly string[];
  readonly problems: ReadonlyArray<{ item: 'grades' | 'directions' | 'ungraded'; said: Said }>;
}

const ITEM_SEPARATORS = /[、,\n;；]/;

/** "A：目標を達成、B：おおむね達成" → [{A, 目標を達成}, …]; `item` names the 設定 item in messages. */
export function parseGradeList(text: string, item: string, example: string): { grades: Grade[]; problems: Said[] } {
  const problems: Said[] = [];
  const grades: Grade[] = [];
  for (const part of text
    .split(ITEM_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^\s:：=＝（(]+)\s*[:：=＝]?\s*[（(]?(.*?)[)）]?$/.exec(part);
    if (!m) continue;
    const code = norm(m[1]).toUpperCase();
    if (grades.some((g) => g.code === code)) {
      problems.push(say.codeTwice(item, code));
      continue;
    }
    grades.push({ code, label: m[2].trim() });
  }
  if (grades.length < 2) problems.push(say.gradesUnreadable(item, example));
  return { grades, problems };
}

/** A list of words separated by 、 (at least two): 今後の方向性, 対応状況. */
export function parseWordList(text: string, item: string, example: string): { words: string[]; problems: Said[] } {
  const words = unique(
    text
      .split(ITEM_SEPARATORS)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const problems = words.length < 2 ? [say.wordsUnreadable(item, example)] : [];
  return { words, problems };
}

export function parseScales(gradeText: string, directionText: string, ungradedText: string): Scales {
  const problems: Array<{ item: 'grades' | 'directions' | 'ungraded'; said: Said }> = [];
  const parsed = parseGradeList(gradeText, SETTING.gradeScale, DEFAULT_GRADES);
  const grades = parsed.grades;
  problems.push(...parsed.problems.map((said) => ({ item: 'grades' as const, said })));
  const words = parseWordList(directionText, SETTING.directionScale, DEFAULT_DIRECTIONS);
  const directions = words.words;
  problems.push(...words.problems.map((said) => ({ item: 'directions' as const, said })));
  const ungraded = unique(
    ungradedText
      .split(ITEM_SEPARATORS)
      .map((s) => norm(s).toUpperCase())
      .filter(Boolean),
  );
  for (const code of ungraded) {
    if (!grades.some((g) => g.code === code)) {
      problems.push({ item: 'ungraded', said: say.ungradedUnknown(code) });
    }
  }
  return { grades: placed(grades, ungraded), directions, ungraded, problems };
}

/** Each grade with its place on the scale, worked out once when 設定 is read. */
function placed(grades: readonly Grade[], ungraded: readonly string[]): ScaleGrade[] {
  const counted = grades.filter((g) => !ungraded.includes(g.code)).map((g) => g.code);
  return grades.map((g, rank) => {
    const place = counted.indexOf(g.code);
    return {
      ...g,
      rank,
      counted: place >= 0,
      top: place >= 0 && place < 2,
      low: place >= 0 && place >= counted.length - 2,
    };
  });
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

const stripped = (v: Cell) => compact(v).toUpperCase();

/** What people type for a grade: ａ, a, A, A（目標を達成）, A:目標を達成, 目標を達成. */
export function readGrade(scales: Scales, v: Cell): ScaleGrade | undefined {
  const s = stripped(v);
  if (s === '') return undefined;
  return scales.grades.find((g) => {
    const label = stripped(g.label);
    return (
      s === g.code ||
      s === label ||
      (s.startsWith(g.code) && [label, `(${label})`, `:${label}`, `=${label}`].includes(s.slice(g.code.length)))
    );
  });
}

/**
 * readGrade for a whole column: 回答 holds a few distinct values (the codes) in up to 200,000
 * rows, so each distinct text is matched against the scale once.
 */
export function gradeReader(scales: Scales): (v: Cell) => ScaleGrade | undefined {
  const seen = new Map<string, ScaleGrade | undefined>();
  return (v) => {
    if (typeof v !== 'string') return readGrade(scales, v);
    if (!seen.has(v)) seen.set(v, readGrade(scales, v));
    return seen.get(v);
  };
}

export function matchDirection(scales: Scales, v: Cell): string | undefined {
  const s = stripped(v);
  if (s === '') return undefined;
  return scales.directions.find((d) => stripped(d) === s);
}

/** 対応状況 as typed (full width, spaces) → the city's word for it. */
export function matchWord(words: readonly string[], v: Cell): string | undefined {
  const s = stripped(v);
  if (s === '') return undefined;
  return words.find((d) => stripped(d) === s);
}

/** The two lowest grades of the city's scale that count as grades (C and D by default). */
export function lowestGrades(scales: Scales): string[] {
  return scales.grades.filter((g) => g.low).map((g) => g.code);
}
