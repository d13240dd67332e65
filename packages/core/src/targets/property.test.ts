/**
 * Properties: the parsers never throw and always return a known kind with a reason when unparsed;
 * evaluate never throws and keeps its ratio in [0, 1] at 4 places; hostile input parses in bounded
 * time (asserted on the result: a catastrophic regex would hit the test timeout instead).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/decimal.js';
import { evaluate } from './evaluate.js';
import { parseActual, parseTarget } from './parse.js';
import type { EvaluateOptions, ParsedActual, ParsedTarget } from './types.js';

const TARGET_KINDS = new Set(['threshold', 'range', 'exact', 'deadline', 'qualitative', 'unparsed']);
const ACTUAL_KINDS = new Set(['measure', 'qualitative', 'deadline', 'expression', 'unparsed']);
const STATUSES = new Set(['met', 'partly-met', 'not-met', 'not-comparable']);

/** Characters and words the reader cares about, to build near-miss expressions. */
const PIECES = [
  '0', '1', '2', '5', '9', '60', '93', '600', '1.5', '.', ',', '%', '％', '%%', '≥', '≧', '>', '＞', '>=', '≤', '≦',
  '<', '<=', '=', '＝', '═', '﹦', '-', '—', '~', '～', '至', '到', '以上', '以下', '以内', '内', '前', '不低于',
  '不超过', '超过', '低于', '不满', '不足', '达到', '至少', '余', '多', '近', '约', '左右', '万', '亿', '千', '元',
  '万元', '批次', '批', '个工作日', '天', '月', '年', '日', '年底', '上半年', '季度', '人次', '台（件）', '元/批次', '/',
  'M', 'B', 'X', '为良', '优', '良', '两', '一', '十', '百', '百分之', '逐步提高', '持续向好', '完成', '部分', '未',
  ' ', '\u3000', '<p>', '</p>', '&ge;', '&#', ';', '[bookmark: _GoBack]', '(', ')', '（', '）', '满意度', '第',
];

const nearMiss = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((xs) => xs.join(''));
const relevantChars = fc.string({
  unit: fc.constantFrom(...'0123456789.,%％≥≧>＞≤≦<＜=＝═﹦-—~至到以上下内前不低超过达余多近约万亿千元批次个工作日天月年底MB优良两一十百 \u3000'),
  maxLength: 40,
});
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), nearMiss, relevantChars);

function checkTarget(p: ParsedTarget): void {
  expect(TARGET_KINDS.has(p.kind)).toBe(true);
  if (p.kind === 'unparsed') expect(p.reason.length).toBeGreaterThan(0);
  expect(typeof p.text).toBe('string');
}

function checkActual(a: ParsedActual): void {
  expect(ACTUAL_KINDS.has(a.kind)).toBe(true);
  if (a.kind === 'unparsed') expect(a.reason.length).toBeGreaterThan(0);
  if (a.kind === 'expression') checkTarget(a.parsed);
}

describe('parsers never throw', () => {
  it('parseTarget on arbitrary Unicode (binary strings, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        checkTarget(parseTarget(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseActual on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        checkActual(parseActual(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('both on strings built from the characters and words of expressions', () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, relevantChars), (s) => {
        checkTarget(parseTarget(s));
        checkActual(parseActual(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('both on values that are not strings at all', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      checkTarget(parseTarget(v as unknown as string));
      checkActual(parseActual(v as unknown as string));
    }
  });
});

const optionsArb: fc.Arbitrary<EvaluateOptions | undefined> = fc.option(
  fc.record(
    {
      hint: fc.constantFrom('cost' as const, 'time' as const, 'count' as const),
      direction: fc.constantFrom('higher-better' as const, 'lower-better' as const, 'exact' as const),
      missedDeadline: fc.constantFrom('zero' as const, 'ratio' as const),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('evaluate never throws', () => {
  it('on any pair of parsed cells, and keeps its result well formed', () => {
    fc.assert(
      fc.property(anyString, anyString, optionsArb, (t, a, options) => {
        const e = evaluate(parseTarget(t), parseActual(a), options);
        expect(STATUSES.has(e.status)).toBe(true);
        expect(e.explanation.length).toBeGreaterThan(0);
        expect(e.explanation.includes('\n')).toBe(false);
        if (e.ratio !== undefined) {
          expect(e.ratio.gte(Dec.ZERO) && e.ratio.lte(Dec.ONE)).toBe(true);
          expect(e.ratio.scale).toBeLessThanOrEqual(4);
          expect(e.ratioParts).toBeDefined();
        }
        if (e.status === 'not-comparable') expect(e.ratio).toBeUndefined();
        if (e.status === 'met') expect(e.ratio?.toString()).toBe('1');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('reading round trip', () => {
  const ops = [
    ['≥', 'gte'],
    ['>', 'gt'],
    ['≤', 'lte'],
    ['<', 'lt'],
  ] as const;
  const units = ['批次', '%', '人次', '元/批次', '个', '家', '万元', '次'];

  it('a written operator, number and unit come back as written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...units),
        ([sym, op], units_, scale, unit) => {
          const value = Dec.fromUnits(units_, scale);
          const p = parseTarget(`${sym}${value.toFixed(scale)}${unit}`);
          expect(p.kind).toBe('threshold');
          if (p.kind !== 'threshold') return;
          expect(p.op).toBe(op);
          expect(p.value.eq(value)).toBe(true);
          expect(p.unit).toBe(unit);
          expect(p.percent).toBe(unit === '%');
          expect(p.implied).toBe(false);
        },
      ),
    );
  });

  it('more-is-better: met exactly when actual ≥ target, else ratio = actual ÷ target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 200000 }), (t, a) => {
        const e = evaluate(parseTarget(`≥${t}批次`), parseActual(`${a}批次`));
        if (a >= t) expect(e.status).toBe('met');
        else if (a === 0) expect(e.status).toBe('not-met');
        else {
          expect(e.status).toBe('partly-met');
          expect(e.ratio?.eq(Dec.of(a).div(Dec.of(t), 4, 'half-up') ?? Dec.ZERO)).toBe(true);
        }
      }),
    );
  });
});

describe('hostile input parses in bounded time', () => {
  const long = 10_000;
  const patterns: readonly string[] = [
    '≥'.repeat(long),
    '1'.repeat(long),
    '1-'.repeat(long / 2),
    '1.'.repeat(long / 2),
    '1,'.repeat(long / 2),
    '<'.repeat(long),
    '<a'.repeat(long / 2),
    '&#'.repeat(long / 2),
    '一'.repeat(long),
    '万'.repeat(long),
    '余'.repeat(long),
    '以上'.repeat(long / 2),
    '%'.repeat(long),
    ' '.repeat(long - 3) + '≥90%',
    'M≥90%'.repeat(long / 5),
    '逐步提高'.repeat(long / 4),
    '[bookmark'.repeat(long / 9),
    `${'a'.repeat(long - 5)}≥90%`,
  ];

  it.each(patterns.map((p) => [p.slice(0, 12), p] as const))('%s… (10,000 characters)', (_label, text) => {
    expect(text.length).toBeGreaterThanOrEqual(9_990);
    const t = parseTarget(text);
    expect(t.kind).toBe('unparsed');
    if (t.kind === 'unparsed') expect(t.reason).toContain('过长');
    expect(parseActual(text).kind).toBe('unparsed');
  });

  it('strings just under the raw limit are normalised linearly and rejected by length', () => {
    for (const unit of ['<a', '&#', '1-', '一', '≥']) {
      const text = unit.repeat(Math.floor(1999 / unit.length));
      const t = parseTarget(text);
      expect(t.kind).toBe('unparsed');
    }
    // Whitespace-padded cells that normalise to something short are still read.
    expect(parseTarget(`${' '.repeat(1900)}≥90%`)).toMatchObject({ kind: 'threshold', op: 'gte' });
  });

  it('expressions up to the expression limit parse without blow-up', () => {
    const cases = ['1-'.repeat(59), '万'.repeat(119), '一'.repeat(119), '≥'.repeat(119) + '1', '1'.repeat(39) + '万'.repeat(80), '近'.repeat(118) + '1', '满'.repeat(23) + '≥90%'];
    for (const text of cases) {
      const t = parseTarget(text);
      expect(TARGET_KINDS.has(t.kind)).toBe(true);
    }
  });
});
