import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@jixiao/core';
import { cellNumber, chineseNumeral, moneyFormat, moneyText, parseChineseNumeral, percent, percentText, plain, sameFigure, sum } from './numbers.js';

describe('figures at the edges', () => {
  it('writes money with two decimals, or more when the figure has more', () => {
    expect(moneyText('155')).toBe('155.00');
    expect(moneyText('243.03')).toBe('243.03');
    expect(moneyText('1.005')).toBe('1.005');
    expect(moneyText('-0.57')).toBe('-0.57');
    expect(moneyFormat('155')).toBe('0.00');
    expect(moneyFormat('1.005')).toBe('0.000');
    expect(plain('98.40')).toBe('98.4');
  });

  it('converts to a spreadsheet number only when the double prints back as the same decimal', () => {
    expect(cellNumber('243.03')).toBe(243.03);
    expect(cellNumber('14575000.00')).toBe(14575000);
    expect(cellNumber('12345678901234567.89')).toBeUndefined();
    expect(cellNumber('逐步提高')).toBeUndefined();
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 0, max: 2 }), (units, scale) => {
        const d = Dec.fromUnits(units, scale).toString();
        const n = cellNumber(d);
        expect(n).toBeDefined();
        expect(Dec.of(n!).eq(Dec.of(d))).toBe(true);
      }),
    );
  });

  it('computes rates exactly, half-up to two decimals', () => {
    expect(percentText(percent('243.03', '155')!)).toBe('156.79%');
    expect(percent('1', '8')!.toFixed(2)).toBe('12.50');
    expect(percent('0.00125', '1')!.toFixed(2)).toBe('0.13');
    expect(percent('314', '339')!.toFixed(2)).toBe('92.63');
    expect(percent('1', '0')).toBeUndefined();
    expect(percent(undefined, '1')).toBeUndefined();
  });

  it('sums and compares figures', () => {
    expect(sum(['10', undefined, '20', '15.5'])!.toString()).toBe('45.5');
    expect(sum([undefined])).toBeUndefined();
    expect(sameFigure('10', '10.00')).toBe(true);
    expect(sameFigure('逐步提高', '逐步提高')).toBe(true);
    expect(sameFigure('9.9', '10')).toBe(false);
  });

  it('writes and reads Chinese heading numerals', () => {
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(99)).toBe('九十九');
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), (n) => parseChineseNumeral(chineseNumeral(n)) === n));
  });
});
