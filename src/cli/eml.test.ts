import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../domain/requests/remind';
import { draftBaseName, writeDrafts } from './eml';

const reminder = (department: string): Reminder => ({
  department,
  sheet: `調査_${department}`,
  status: '未回答',
  total: 2,
  answered: 0,
  missing: [],
  missingReplies: [],
  editors: ['a@city.example.lg.jp'],
  subject: `${department}への連絡`,
  body: '本文',
  mailto: '',
});

describe('writeDrafts', () => {
  it('writes one file per department, even where their names make the same file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danjo-eml-'));
    const names = writeDrafts(dir, ['総務/課', '総務:課', '総務＿課'].map(reminder));
    expect(names).toEqual(['総務＿課.eml', '総務＿課_2.eml', '総務＿課_3.eml']);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    const subjects = names.map((n) => readFileSync(join(dir, n), 'utf8').match(/Subject: (.*)/)![1]);
    expect(new Set(subjects).size).toBe(3);
  });

  it('never overwrites a draft someone edited, and never follows a link out of the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danjo-eml-'));
    const outside = join(mkdtempSync(join(tmpdir(), 'danjo-outside-')), 'important.txt');
    writeFileSync(outside, '大事なファイル');
    writeFileSync(join(dir, '職員課.eml'), '手で直した下書き');
    symlinkSync(outside, join(dir, '企画課.eml'));
    expect(writeDrafts(dir, [reminder('職員課'), reminder('企画課')])).toEqual(['職員課_2.eml', '企画課_2.eml']);
    expect(readFileSync(join(dir, '職員課.eml'), 'utf8')).toBe('手で直した下書き');
    expect(readFileSync(outside, 'utf8')).toBe('大事なファイル');
  });

  it('keeps a long name under every file system’s limit, and drops characters that show nothing', () => {
    const long = '子ども家庭支援センター'.repeat(15);
    expect(Buffer.byteLength(`${draftBaseName(long)}_99.eml`)).toBeLessThan(255);
    expect(draftBaseName('職\u200B員課')).toBe('職員課');
    const dir = mkdtempSync(join(tmpdir(), 'danjo-eml-'));
    expect(writeDrafts(dir, [reminder(long)])).toHaveLength(1);
  });
});
