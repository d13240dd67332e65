import { describe, expect, it } from 'vitest';
import { BoundedCache, clearTargetCaches, evaluateText, parseActualCached, parseTargetCached, TARGET_CACHE_CAPACITY } from './cache.js';
import { parseTarget } from './parse.js';
import { summarizeTarget } from './summary.js';

describe('parseTargetCached / parseActualCached', () => {
  it('returns the same frozen result for the same text', () => {
    clearTargetCaches();
    const a = parseTargetCached('600批次以上');
    const b = parseTargetCached('600批次以上');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(summarizeTarget(a)).toBe(summarizeTarget(parseTarget('600批次以上')));
    const x = parseActualCached('644批次');
    expect(parseActualCached('644批次')).toBe(x);
    const d = parseTargetCached('2个工作日内');
    if (d.kind === 'deadline') expect(Object.isFrozen(d.due)).toBe(true);
  });

  it('evaluateText parses through the caches and evaluates', () => {
    expect(evaluateText('600批次以上', '644批次').status).toBe('met');
    expect(evaluateText('1次', '2次', { hint: 'count' }).status).toBe('partly-met');
  });

  it('never throws on non-strings', () => {
    expect(parseTargetCached(undefined as unknown as string).kind).toBe('unparsed');
    expect(parseActualCached(7 as unknown as string).kind).toBe('unparsed');
  });

  it('stays bounded however many distinct strings pass through', () => {
    clearTargetCaches();
    for (let i = 0; i < TARGET_CACHE_CAPACITY * 5; i++) parseTargetCached(`≥${i}批次`);
    const again = parseTargetCached(`≥${TARGET_CACHE_CAPACITY * 5 - 1}批次`);
    expect(again.kind).toBe('threshold');
  });
});

describe('BoundedCache', () => {
  it('keeps at most two generations of entries and promotes old hits', () => {
    const c = new BoundedCache<number>(3);
    for (let i = 0; i < 3; i++) c.set(`k${i}`, i);
    expect(c.size).toBe(3);
    c.set('k3', 3); // k0..k2 become the old generation
    expect(c.size).toBe(4);
    expect(c.get('k0')).toBe(0); // promoted into the young generation
    c.set('k4', 4);
    c.set('k5', 5); // young (k3, k0, k4) is full: it becomes old; k1, k2 are dropped
    expect(c.get('k1')).toBeUndefined();
    expect(c.get('k0')).toBe(0);
    expect(c.size).toBeLessThanOrEqual(6);
    c.clear();
    expect(c.size).toBe(0);
  });
});
