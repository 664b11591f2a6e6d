import { describe, expect, it } from 'vitest';
import { composeBoolean, isInterpolated, limitVerdict } from './composeScalars.js';

describe('composeScalars', () => {
  it.each([
    [true, true], ['true', true], ['True', true], ['yes', true], ['on', true], [1, true],
    [false, false], ['false', false], ['no', false], ['off', false], [0, false],
    ['${FLAG}', undefined], [undefined, undefined], [null, undefined], ['maybe', undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(composeBoolean(value)).toBe(expected);
  });

  it('tells interpolation from an escaped dollar', () => {
    expect([isInterpolated('${A}'), isInterpolated('$A'), isInterpolated('x${A:-b}'), isInterpolated('$$A'), isInterpolated('cost: 5$')]).toEqual([true, true, true, false, false]);
  });

  it.each([
    ['512m', 'set'], [536870912, 'set'], ['0.5', 'set'], ['${MEM}', 'set'],
    [0, 'unlimited'], [-1, 'unlimited'], ['0', 'unlimited'], ['0m', 'unlimited'], ['-1', 'unlimited'],
    [undefined, 'missing'], [null, 'missing'], ['', 'missing'],
  ])('judges the limit %j as %s', (value, expected) => {
    expect(limitVerdict(value)).toBe(expected);
  });
});
