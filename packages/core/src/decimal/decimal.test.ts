import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, placesIn } from './decimal.js';

fc.configureGlobal({ numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100) });

const d = (s: string) => Dec.of(s);

describe('Dec.parse', () => {
  it.each([
    ['243.03', '243.03'],
    ['-0.5', '-0.5'],
    ['+7', '7'],
    ['.5', '0.5'],
    ['7.', '7'],
    ['1,234.50', '1234.5'],
    ['14,575,000.00', '14575000'],
    ['1.2e3', '1200'],
    ['5E-3', '0.005'],
    ['  98.40 ', '98.4'],
  ])('reads %j as %s', (text, expected) => {
    expect(Dec.parse(text)?.toString()).toBe(expected);
  });

  it.each(['', '.', '-', 'abc', '1.2.3', '1,23', '12,34.5', '1e999', 'NaN', 'Infinity', '0x10', '１２'])(
    'rejects %j',
    (text) => {
      expect(Dec.parse(text)).toBeUndefined();
    },
  );

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = Dec.parse(s);
        return r === undefined || r instanceof Dec;
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds money without binary rounding errors', () => {
    expect(d('0.1').plus(d('0.2')).toString()).toBe('0.3');
    expect(Dec.sum(['155', '54.52', '33.51'].map(d)).toString()).toBe('243.03');
  });

  it('divides with an explicit scale and rounding mode', () => {
    expect(d('243.03').div(d('155'), 4)?.toString()).toBe('1.5679');
    expect(d('2').div(d('3'), 2, 'down')?.toString()).toBe('0.66');
    expect(d('1').div(d('0'), 2)).toBeUndefined();
  });

  it('rounds half-up (四舍五入), half-even and down, symmetric for negatives', () => {
    expect(d('2.345').round(2).toString()).toBe('2.35');
    expect(d('-2.345').round(2).toString()).toBe('-2.35');
    expect(d('2.345').round(2, 'half-even').toString()).toBe('2.34');
    expect(d('2.355').round(2, 'half-even').toString()).toBe('2.36');
    expect(d('2.349').round(2, 'down').toString()).toBe('2.34');
    expect(d('2.341').round(2, 'up').toString()).toBe('2.35');
  });

  it('formats with fixed places', () => {
    expect(d('98.4').toFixed(2)).toBe('98.40');
    expect(d('0.005').toFixed(2)).toBe('0.01');
    expect(d('-0.004').toFixed(2)).toBe('0.00');
    expect(d('7').toFixed(0)).toBe('7');
  });

  it('compares across scales', () => {
    expect(d('1.50').eq(d('1.5'))).toBe(true);
    expect(d('0.999').lt(d('1'))).toBe(true);
    expect(Dec.max(d('2'), d('10')).toString()).toBe('10');
  });

  it('counts printed decimal places', () => {
    expect(placesIn('95.03%')).toBe(2);
    expect(placesIn('100%')).toBe(0);
  });
});

describe('agrees with big.js', () => {
  // Small units take the safe-integer path, large ones (beyond 2^53) the BigInt path; mix both.
  const units = fc.oneof(
    fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), 2n ** 52n + 1n, 0n, 1n, -1n),
  );
  const decText = fc.tuple(units, fc.integer({ min: 0, max: 18 })).map(([u, s]) => Dec.fromUnits(u, s).toString());

  it('on plus, minus, times', () => {
    fc.assert(
      fc.property(decText, decText, (a, b) => {
        expect(d(a).plus(d(b)).toString()).toBe(new Big(a).plus(b).toFixed());
        expect(d(a).minus(d(b)).toString()).toBe(new Big(a).minus(b).toFixed());
        expect(d(a).times(d(b)).toString()).toBe(new Big(a).times(b).toFixed());
      }),
    );
  });

  it('on comparison and rounding in every mode', () => {
    const modes = [
      ['half-up', Big.roundHalfUp],
      ['half-even', Big.roundHalfEven],
      ['down', Big.roundDown],
      ['up', Big.roundUp],
    ] as const;
    fc.assert(
      fc.property(decText, decText, fc.integer({ min: 0, max: 12 }), (a, b, places) => {
        expect(d(a).cmp(d(b))).toBe(new Big(a).cmp(b));
        for (const [mode, bigMode] of modes) {
          expect(d(a).round(places, mode).toString()).toBe(new Big(a).round(places, bigMode).toFixed());
        }
      }),
    );
  });

  it('on division rounded half-up', () => {
    fc.assert(
      fc.property(decText, decText, fc.integer({ min: 0, max: 10 }), (a, b, places) => {
        fc.pre(!new Big(b).eq(0));
        // big.js divides to DP places; 60 is beyond any tie our operands can produce.
        const BigHi = Big();
        BigHi.DP = 60;
        const exact = new BigHi(a).div(b).round(places, Big.roundHalfUp);
        expect(d(a).div(d(b), places)?.toString()).toBe(exact.toFixed());
      }),
    );
  });
});
