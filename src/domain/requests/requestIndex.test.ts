import { describe, expect, it } from 'vitest';
import { HEADERS } from '../core/tabs';
import { changedParts, indexRows, layoutKey, readIndex, readableArea } from './requestIndex';

describe('layoutKey and changedParts', () => {
  const key = layoutKey({ validations: ['A', 'B'] }, { editors: ['a@x.jp'] }, 10, 1);

  it('reads as rows, editors and the two fingerprints', () => {
    expect(key).toMatch(/^10行・編集者1名・書式#[0-9a-f]{8}・保護#[0-9a-f]{8}$/);
    expect(layoutKey({}, { editors: [] }, 3, 0)).toMatch(/^3行・警告のみ・/);
  });

  it('tells the look, who may edit and the number of rows apart', () => {
    expect(changedParts(key, key)).toEqual({ look: false, protection: false, rows: false });
    expect(changedParts(key, layoutKey({ validations: ['A', 'B', 'C'] }, { editors: ['a@x.jp'] }, 10, 1))).toEqual({
      look: true,
      protection: false,
      rows: false,
    });
    expect(changedParts(key, layoutKey({ validations: ['A', 'B'] }, { editors: ['b@x.jp'] }, 10, 1))).toEqual({
      look: false,
      protection: true,
      rows: false,
    });
    expect(changedParts(key, layoutKey({ validations: ['A', 'B'] }, { editors: ['a@x.jp'] }, 11, 1))).toEqual({
      look: false,
      protection: false,
      rows: true,
    });
  });

  it('counts a missing or older key (one fingerprint, from an earlier version) as all changed', () => {
    expect(changedParts(undefined, key)).toEqual({ look: true, protection: true, rows: true });
    expect(changedParts('10行・編集者1名・#1a2b3c4d', key)).toMatchObject({ look: true, protection: true });
    expect(changedParts('', key)).toEqual({ look: true, protection: true, rows: true });
  });
});

describe('the recorded area of a request tab (範囲)', () => {
  const entry = (layoutKey: string, area: string) =>
    readIndex([
      [...HEADERS.requestIndex],
      ['職員課', '調査_職員課', 2025, 2, 0, '未回答', '', layoutKey, '1001', area],
    ])[0];

  it('is written as A1:L18 and read back as rows and columns, past column Z too', () => {
    const e = entry('2行・編集者1名・書式#00000000・保護#00000000', 'A1:L18');
    expect(e.extent).toEqual({ rows: 18, cols: 12 });
    expect(indexRows([e])[1][9]).toBe('A1:L18');
    expect(entry('', 'a1:ab7').extent).toEqual({ rows: 7, cols: 28 });
    expect(entry('', 'B2:L18').extent).toBeUndefined();
    expect(entry('', '').extent).toBeUndefined();
  });

  it('bounds the read only of a tab whose department may edit nothing else', () => {
    expect(readableArea(entry('2行・編集者1名・書式#00000000・保護#00000000', 'A1:L18'))).toEqual({
      rows: 18,
      cols: 12,
    });
    // A warning-only tab can hold anything anywhere; a key not written by the tool says nothing.
    expect(readableArea(entry('2行・警告のみ・書式#00000000・保護#00000000', 'A1:L18'))).toBeUndefined();
    expect(readableArea(entry('', 'A1:L18'))).toBeUndefined();
  });
});
