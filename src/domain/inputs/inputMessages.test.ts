import { expect, it } from 'vitest';
import { yearUnreadable } from './inputMessages';

it('shows a 対象年度 that Sheets turned into a date as the date typed', () => {
  const message = yearUnreadable(new Date(2025, 3, 1));
  expect(message).toContain('対象年度「2025/4/1（日付）」を年度として読み取れません');
  expect(message).not.toContain('GMT');
});
