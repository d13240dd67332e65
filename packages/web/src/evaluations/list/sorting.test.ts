import { describe, expect, it } from 'vitest';
import { compareDecimalText } from './sorting.js';

describe('compareDecimalText', () => {
  it('orders decimal strings exactly', () => {
    const xs = ['98.4', '100', '9.99', '-1', '0', '98.40', '98.41'];
    expect([...xs].sort(compareDecimalText)).toEqual(['-1', '0', '9.99', '98.4', '98.40', '98.41', '100']);
    expect(compareDecimalText('-2', '-10')).toBeGreaterThan(0);
  });
});
