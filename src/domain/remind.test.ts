import { describe, expect, it } from 'vitest';
import { daysLeft, daysLeftText, mailto } from './remind';

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
