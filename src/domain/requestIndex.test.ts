import { describe, expect, it } from 'vitest';
import { changedParts, layoutKey } from './requestIndex';

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
