import { describe, expect, it } from 'vitest';
import { DepartmentDirectory, departmentKey } from './departments';

const directory = new DepartmentDirectory([
  { name: '男女共同参画センター', aliases: ['アイレック'], editors: [], concerned: true, row: 2 },
  { name: '子ども・子育て支援課', aliases: [], editors: [], concerned: false, row: 3 },
  { name: '職員課', aliases: ['人事課'], editors: [], concerned: true, row: 4 },
  { name: '企画課', aliases: [], editors: [], concerned: false, row: 5 },
]);

const names = (v: string) => directory.departmentsOf(v).map((d) => d.name);

describe('DepartmentDirectory', () => {
  it('resolves names and aliases, whatever the width of the characters', () => {
    expect(names('アイレック')).toEqual(['男女共同参画センター']);
    expect(names('職員課 ')).toEqual(['職員課']);
    expect(names('人事課')).toEqual(['職員課']);
  });
  it('splits several departments on 、 , and line breaks, each once', () => {
    expect(names('職員課、企画課')).toEqual(['職員課', '企画課']);
    expect(names('職員課,企画課\n職員課')).toEqual(['職員課', '企画課']);
  });
  it('keeps ・ inside a name, and splits on it only where every part is a department', () => {
    expect(names('子ども・子育て支援課')).toEqual(['子ども・子育て支援課']);
    expect(names('職員課・企画課')).toEqual(['職員課', '企画課']);
  });
  it('expands 関係各課 to the departments marked TRUE', () => {
    expect(names('関係各課')).toEqual(['男女共同参画センター', '職員課']);
    expect(names('全庁')).toEqual(['男女共同参画センター', '職員課']);
  });
  it('takes a department called 全庁 as that department, not as every department concerned', () => {
    const withZencho = new DepartmentDirectory([
      ...directory.departments,
      { name: '全庁', aliases: [], editors: [], concerned: false, row: 6 },
    ]);
    expect(withZencho.departmentsOf('全庁').map((d) => d.name)).toEqual(['全庁']);
    expect(withZencho.departmentsOf('関係各課').map((d) => d.name)).toEqual(['男女共同参画センター', '職員課']);
  });
  it('reads a name with a zero-width space, a soft hyphen or an NBSP as the name itself', () => {
    expect(names('職\u200B員課')).toEqual(['職員課']);
    expect(names('企\u00A0画課')).toEqual(['企画課']);
    expect(names('\uFEFF男女共同参画センター')).toEqual(['男女共同参画センター']);
    expect(departmentKey('職員\u00AD課')).toBe(departmentKey('職員課'));
  });
  it('suggests the nearest name for a typo or an old name', () => {
    const [a] = directory.assignments('職員科');
    expect(a).toMatchObject({ kind: 'unknown', suggestion: '職員課' });
    const [b] = directory.assignments('男女共同参画推進センター');
    expect(b).toMatchObject({ kind: 'unknown', suggestion: '男女共同参画センター' });
    const [c] = directory.assignments('道路課');
    expect(c).toMatchObject({ kind: 'unknown', suggestion: undefined });
  });
});
