import { describe, expect, it } from 'vitest';
import { gradeColors } from './layout';

describe('gradeColors', () => {
  it('runs from blue for the best grade to red for the worst, whatever the size of the scale', () => {
    expect(gradeColors(4)).toEqual(['#2166ac', '#92c5de', '#f4a582', '#b2182b']);
    const five = gradeColors(5);
    expect(five[0]).toBe('#2166ac');
    expect(five[4]).toBe('#b2182b');
    expect(new Set(five).size).toBe(5);
    expect(gradeColors(1)).toEqual(['#2166ac']);
  });
});
