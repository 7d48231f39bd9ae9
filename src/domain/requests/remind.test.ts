import { describe, expect, it } from 'vitest';
import type { Department } from '../core/departments';
import { MAILTO_MAX, type ReminderInput, daysLeft, mailto, reminders } from './remind';
import { daysLeftText } from './reminderMessages';

describe('reminders', () => {
  it('counts whole days to the deadline, whatever the hour', () => {
    expect(daysLeft(new Date(2026, 4, 19, 23, 59), new Date(2026, 4, 29))).toBe(10);
    expect(daysLeftText(0)).toBe('今日が回答期限');
    expect(daysLeftText(-3)).toBe('回答期限を 3日過ぎています');
  });

  it('puts subject and body in the mailto link, lines as CRLF', () => {
    const link = mailto(['a@x.jp', 'b@x.jp'], '件名 & ?', '1行目\n2行目');
    expect(link).toBe(
      `mailto:a%40x.jp,b%40x.jp?subject=${encodeURIComponent('件名 & ?')}&body=${encodeURIComponent('1行目\r\n2行目')}`,
    );
  });
});

describe('the reminder e-mail link', () => {
  const department = {
    name: '第001課',
    aliases: [],
    editors: ['a@city.example.lg.jp', 'b@city.example.lg.jp'],
    concerned: false,
    row: 2,
  } as unknown as Department;
  const projects = Array.from({ length: 80 }, (_, i) => ({
    id: `4-1-1-${i + 1}`,
    goal: 4,
    issue: 1,
    measure: 1,
    number: i + 1,
    name: `男女共同参画に関する長い名前の事業その${i + 1}`,
    description: '',
    assignedText: '第001課',
    departments: [department],
    formerIds: [],
    row: i + 2,
  }));
  const input = {
    planName: '清瀬市男女平等推進プラン',
    year: 2025,
    deadline: new Date(2026, 4, 29),
    today: new Date(2026, 4, 19),
    tabs: [{ department, tab: { year: 2025, rows: [], replies: [] } }],
    projects,
    whereIs: (sheet: string) => `https://docs.google.com/spreadsheets/d/x/edit#gid=1（${sheet}）`,
  } as unknown as ReminderInput;

  it('stays under 1,800 characters (Chromium on Windows drops longer ones) and keeps the whole text to copy', () => {
    const [r] = reminders(input);
    expect(r.mailto.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(MAILTO_MAX).toBe(1800);
    const sent = decodeURIComponent(r.mailto.split('&body=')[1]);
    // Even the count line does not fit in Japanese (9 characters a letter): the essentials.
    expect(sent).toContain('回答期限は 2026年5月29日');
    expect(sent).toContain('自己評価が未入力の事業が 80件あります');
    expect(sent).toContain('https://docs.google.com/spreadsheets/d/x/edit#gid=1');
    expect(r.body).toContain('・4-1-1-80 男女共同参画に関する長い名前の事業その80');
    expect(r.missing).toHaveLength(80);
  });
});
