import { expect, it } from 'vitest';
import { say as exchange } from '../src/domain/answers/exchangeMessages';
import { say as merge } from '../src/domain/answers/mergeMessages';
import { say as committee } from '../src/domain/committee/committeeMessages';
import { say as input } from '../src/domain/inputs/inputMessages';
import { say as request } from '../src/domain/requests/requestMessages';
import { error } from '../src/domain/core/findings';
import { say as scale } from '../src/domain/core/scaleMessages';
import { say as table } from '../src/domain/core/tableMessages';

const areas = { exchange, merge, committee, input, request, scale, table };

it('gives every finding sentence one code, area.name, that no other sentence shares', () => {
  const codes = Object.entries(areas).flatMap(([area, says]) =>
    Object.entries(says as Record<string, { readonly code: string }>).map(([name, said]) => {
      expect(said.code).toBe(`${area}.${name}`);
      return said.code;
    }),
  );
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes.length).toBeGreaterThan(60);
});

it('keeps the code when the wording is given new facts', () => {
  const a = error('プラン', 4, 7, input.unknownDepartment('道路課'));
  const b = error('プラン', 5, 7, input.unknownDepartment('職員科', '職員課'));
  expect([a.code, b.code]).toEqual(['input.unknownDepartment', 'input.unknownDepartment']);
  expect(a.message).not.toBe(b.message);
  expect(b.message).toContain('「職員課」のことでしょうか。');
});
