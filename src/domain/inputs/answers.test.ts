import { describe, expect, it } from 'vitest';
import { type AnswerRecord, answerLookup, normaliseAnswer, sameTypedAnswer } from './answers';
import { parseScales } from '../core/scales';
import { DEFAULT_DIRECTIONS, DEFAULT_GRADES } from '../core/tabs';

const scales = parseScales(DEFAULT_GRADES, DEFAULT_DIRECTIONS, '');

describe('normaliseAnswer', () => {
  it('gives the form 回答 stores: grade code, direction, counts as numbers, a date as typed', () => {
    expect(
      normaliseAnswer(
        {
          自己評価: 'Ｂ（おおむね達成）',
          今後の方向性: ' 継続 ',
          '参加者数（男性）': '５６人',
          '参加者数（女性）': '―',
          '実施状況・実績': new Date(2025, 3, 1),
        },
        scales,
      ),
    ).toEqual({
      '実施状況・実績': '2025/4/1',
      自己評価: 'B',
      今後の方向性: '継続',
      '課題・改善点': '',
      '参加者数（男性）': 56,
      '参加者数（女性）': '―',
    });
  });

  it('keeps what it cannot read as typed, so that the merge can report it', () => {
    expect(normaliseAnswer({ 自己評価: '優', '参加者数（男性）': '十人' }, scales)).toMatchObject({
      自己評価: '優',
      '参加者数（男性）': '十人',
    });
  });

  it('counts an answer typed in another form as the one stored, and a changed one as changed', () => {
    expect(
      sameTypedAnswer(
        { 自己評価: 'ａ', '参加者数（男性）': '１２' },
        { 自己評価: 'A', '参加者数（男性）': 12 },
        scales,
      ),
    ).toBe(true);
    expect(sameTypedAnswer({ 自己評価: 'ａ' }, { 自己評価: 'B' }, scales)).toBe(false);
  });
});

describe('answerLookup', () => {
  const record = (year: number, id: string, grade: string): AnswerRecord => ({
    year,
    id,
    department: '職員課',
    importedAt: '',
    row: 2,
    fields: {
      '実施状況・実績': 'x',
      自己評価: grade,
      今後の方向性: '',
      '課題・改善点': '',
      '参加者数（男性）': '',
      '参加者数（女性）': '',
    },
  });

  it('finds a renumbered 事業’s answer under its 旧事業番号, its own number first', () => {
    const find = answerLookup([
      record(2024, '4-1-2-3', 'C'),
      record(2025, '4-1-2-4', 'B'),
      record(2025, '4-1-2-3', 'D'),
    ]);
    const project = { id: '4-1-2-4', formerIds: ['4-1-2-3'] };
    expect(find(2024, project, '職員課')?.fields['自己評価']).toBe('C');
    expect(find(2025, project, '職員課')?.fields['自己評価']).toBe('B');
    expect(find(2024, project, '企画課')).toBeUndefined();
  });
});
