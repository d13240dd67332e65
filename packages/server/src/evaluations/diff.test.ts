import { describe, expect, it } from 'vitest';
import { diffJson } from './diff.js';

describe('diffJson', () => {
  it('finds nothing between equal values', () => {
    expect(diffJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual({ changes: [], truncated: 0 });
  });

  it('reports replaced, added and removed fields by JSON path', () => {
    const d = diffJson({ header: { year: 2020, title: 'a' }, gone: 1 }, { header: { year: 2021, title: 'a', region: 'x' } });
    expect(d.changes).toEqual([
      { path: '$.header.year', before: 2020, after: 2021 },
      { path: '$.header.region', after: 'x' },
      { path: '$.gone', before: 1 },
    ]);
  });

  it('matches arrays of objects by id', () => {
    const before = { indicators: [{ id: 'a', actual: '1' }, { id: 'b', actual: '2' }] };
    const after = { indicators: [{ id: 'n', actual: '0' }, { id: 'a', actual: '1' }, { id: 'b', actual: '3' }] };
    expect(diffJson(before, after).changes).toEqual([
      { path: '$.indicators[0]', after: { id: 'n', actual: '0' } },
      { path: '$.indicators[2].actual', before: '2', after: '3' },
    ]);
  });

  it('compares plain arrays by position', () => {
    expect(diffJson(['a', 'b'], ['a']).changes).toEqual([{ path: '$[1]', before: 'b' }]);
  });

  it('caps the list and counts the rest', () => {
    const a = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i + 1]));
    const d = diffJson(a, b, { limit: 3 });
    expect(d.changes).toHaveLength(3);
    expect(d.truncated).toBe(7);
  });
});
