import { describe, expect, it } from 'vitest';
import { onScale, parseCount, parseQuantity, parseTarget } from './quantity';

describe('parseQuantity', () => {
  it('reads percentages and counts as people write them', () => {
    expect(parseQuantity('59.1%')).toEqual({ value: 59.1, unit: '%' });
    expect(parseQuantity('５９．１％')).toEqual({ value: 59.1, unit: '%' });
    expect(parseQuantity(0.591)).toEqual({ value: 0.591, unit: '' });
    expect(parseQuantity('120人')).toEqual({ value: 120, unit: '人' });
    expect(parseQuantity('1,200件')).toEqual({ value: 1200, unit: '件' });
    expect(parseQuantity('▲3')).toEqual({ value: -3, unit: '' });
    expect(parseQuantity('たくさん')).toBeUndefined();
  });
  it('puts 59.1%, 59.1 and ０.５９１ on the same percentage scale', () => {
    expect(onScale(parseQuantity('59.1%')!, true)).toBeCloseTo(59.1);
    expect(onScale(parseQuantity('59.1')!, true)).toBeCloseTo(59.1);
    expect(onScale(parseQuantity('０.５９１')!, true)).toBeCloseTo(59.1);
  });
});

describe('parseTarget', () => {
  it('reads single values, ranges and bounds', () => {
    expect(parseTarget('80%')).toEqual({ kind: 'value', value: 80, unit: '%' });
    expect(parseTarget('40から60%')).toEqual({ kind: 'range', low: 40, high: 60, unit: '%' });
    expect(parseTarget('40〜60%')).toEqual({ kind: 'range', low: 40, high: 60, unit: '%' });
    expect(parseTarget('40%～60%')).toEqual({ kind: 'range', low: 40, high: 60, unit: '%' });
    expect(parseTarget('30%以上')).toEqual({ kind: 'atLeast', value: 30, unit: '%' });
    expect(parseTarget('5%以下')).toEqual({ kind: 'atMost', value: 5, unit: '%' });
    expect(parseTarget('→0%')).toEqual({ kind: 'value', value: 0, unit: '%' });
    expect(parseTarget('増やす')).toBeUndefined();
  });
});

describe('parseCount', () => {
  it('reads a head count written with 人 or 名, and nothing else', () => {
    expect(parseCount('15人')).toBe(15);
    expect(parseCount('15名')).toBe(15);
    expect(parseCount('１，２００名')).toBe(1200);
    expect(parseCount('15組')).toBeUndefined();
    expect(parseCount('1.5名')).toBeUndefined();
  });
});
