/**
 * Benchmarks for the target reader (run with `npx vitest bench packages/core/src/targets`).
 * The scoring loop needs about a million indicators a second including parsing; with the cache
 * that is one Map lookup per cell plus `evaluate`.
 */
import { bench, describe } from 'vitest';
import { clearTargetCaches, parseActualCached, parseTargetCached } from './cache.js';
import { evaluate } from './evaluate.js';
import { parseActual, parseTarget } from './parse.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['600批次以上', '644批次'],
  ['93%以上', '95.03%'],
  ['≧70%', '≧70%'],
  ['≤700元/批次', '700元/批次'],
  ['2个工作日内', '2个工作日内'],
  ['7个工作日到1.5个工作日内', '1.5个工作日'],
  ['逐步提高', '逐步提高'],
  ['100%', '100%'],
  ['1次', '1次'],
  ['≧4.5% ', '7.37%'],
  ['80%≤M<90%', '85%'],
  ['年底前', '9月20日'],
];

describe('targets', () => {
  bench('parse target + actual, uncached (12 pairs)', () => {
    for (const [t, a] of PAIRS) {
      parseTarget(t);
      parseActual(a);
    }
  });

  bench('parse (cached) + evaluate (12 pairs)', () => {
    for (const [t, a] of PAIRS) evaluate(parseTargetCached(t), parseActualCached(a));
  });

  bench('cold cache, distinct strings (12 pairs)', () => {
    clearTargetCaches();
    for (const [t, a] of PAIRS) evaluate(parseTargetCached(t), parseActualCached(a));
  });
});
