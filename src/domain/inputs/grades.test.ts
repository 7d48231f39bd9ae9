import { describe, expect, it } from 'vitest';
import { parseScales, readGrade } from '../core/scales';
import { DEFAULT_DIRECTIONS, DEFAULT_GRADES } from '../core/tabs';
import { readAnswers } from './answers';
import { HEADERS } from '../core/tabs';

describe('a grade, read once against the city’s scale', () => {
  it('knows its place: rank, counted in shares, among the top two, among the two lowest', () => {
    // A city with five grades and a code that is no grade (評価困難).
    const scales = parseScales(
      'S：大きく上回る、A：達成、B：おおむね達成、C：一部未達成、D：未実施、E：評価困難',
      '継続、拡充',
      'E',
    );
    const place = (typed: string) => {
      const g = readGrade(scales, typed)!;
      return [g.code, g.rank, g.counted, g.top, g.low];
    };
    expect(place('ｓ')).toEqual(['S', 0, true, true, false]);
    expect(place('A（達成）')).toEqual(['A', 1, true, true, false]);
    expect(place('おおむね達成')).toEqual(['B', 2, true, false, false]);
    expect(place('C')).toEqual(['C', 3, true, false, true]);
    expect(place('d:未実施')).toEqual(['D', 4, true, false, true]);
    expect(place('Ｅ')).toEqual(['E', 5, false, false, false]);
    expect(readGrade(scales, 'F')).toBeUndefined();
    expect(readGrade(scales, '')).toBeUndefined();
  });

  it('travels with the answer from 回答: a record read with the scale carries it, typed', () => {
    const scales = parseScales(DEFAULT_GRADES, DEFAULT_DIRECTIONS, '');
    const line = (id: string, grade: string) => [2025, id, '職員課', '実施', grade, '継続', '', '', '', ''];
    const values = [[...HEADERS.answers], line('4-1-2-1', 'Ｃ'), line('4-1-2-2', 'なし'), line('4-1-2-3', '')];
    const records = readAnswers(values, [], scales).records;
    expect(records.map((r) => r.grade && [r.grade.code, r.grade.low])).toEqual([['C', true], undefined, undefined]);
    // Read without a scale (the merge only writes 回答), nothing pretends to be a grade.
    expect(readAnswers(values, []).records.map((r) => r.grade)).toEqual([undefined, undefined, undefined]);
  });
});
