import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isBlankValue, joinWrapped, matchKey, toHalfWidth, toSimplified } from './normalise.js';
import { decimalFromNumber, parseFigure, parsePercent, parseScore, splitLabelFigure } from './numbers.js';

describe('normalise', () => {
  it('matchKey makes printed variants of a header equal', () => {
    const k = matchKey('年度指标值');
    for (const v of ['年度\n指标值', '年度指標值', '年度 指标值', '年度　指标值', '[bookmark: _GoBack]年度指标值']) expect(matchKey(v)).toBe(k);
    expect(toSimplified('績效評價')).toBe('绩效评价');
    expect(toHalfWidth('４７５３．６６％')).toBe('4753.66%');
  });

  it('cleanText removes layout debris only', () => {
    expect(cleanText('　10')).toBe('10');
    expect(cleanText('339　')).toBe('339');
    expect(cleanText('[bookmark: _GoBack]5')).toBe('5');
    expect(cleanText('\n\n产出指标\n\n(50分)\n　\n')).toBe('产出指标\n\n(50分)');
    expect(cleanText('企业开办 首套印章赠送套数')).toBe('企业开办 首套印章赠送套数');
    expect(joinWrapped('经济效\n益指标')).toBe('经济效益指标');
  });

  it('cleanText is idempotent and never adds characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '绩', ' ', '　', '\n', '\t', '\r', '\u200B', '[', ']') }), (s) => {
        const once = cleanText(s);
        expect(cleanText(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.length);
      }),
    );
  });

  it('long runs of blanks cost linear time', () => {
    const s = `${' '.repeat(300_000)}x${' '.repeat(300_000)}`;
    const t0 = performance.now();
    expect(cleanText(s)).toBe('x');
    expect(joinWrapped(s)).toBe('x');
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('blank placeholders', () => {
    for (const b of ['', '/', '—', '-', '　', '／']) expect(isBlankValue(b)).toBe(true);
    for (const v of ['0', '无锡', '100%']) expect(isBlankValue(v)).toBe(false);
  });
});

describe('numbers', () => {
  it('reads printed figures without binary floating point', () => {
    expect(parseFigure('1,457.50')).toEqual({ value: '1457.50' });
    expect(parseFigure('４７５３．６６万元')).toEqual({ value: '4753.66', unit: '万元' });
    expect(parseFigure('10分')).toEqual({ value: '10', unit: '分' });
    expect(parseFigure('-0.57')).toEqual({ value: '-0.57' });
    expect(parseFigure('600批次')).toBeUndefined();
    expect(parsePercent('92.63%')).toBe('92.63%');
    expect(parseScore('99.3分')).toBe('99.3');
    expect(splitLabelFigure('其中：  一般公共预算：9846.08')).toEqual({ label: '其中：  一般公共预算', figure: { value: '9846.08' } });
    expect(splitLabelFigure('纳入专户管理的非税收入拨款：')).toEqual({ label: '纳入专户管理的非税收入拨款', figure: undefined });
  });

  it('decimalFromNumber: spreadsheet numbers as Excel shows them', () => {
    expect(decimalFromNumber(243.03)).toBe('243.03');
    expect(decimalFromNumber(0.1 + 0.2)).toBe('0.3');
    expect(decimalFromNumber(4.403062313915e20)).toBe('440306231391500000000');
    expect(decimalFromNumber(1e-7)).toBe('0.0000001');
    expect(decimalFromNumber(Number.NaN)).toBeUndefined();
  });

  it('every two-decimal amount survives printing and parsing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const text = (cents / 100).toFixed(2);
        expect(parseFigure(text)?.value).toBe(text);
        expect(Number(parseFigure(Number(text).toLocaleString('en-US', { minimumFractionDigits: 2 }))?.value)).toBe(Number(text));
      }),
    );
  });
});
