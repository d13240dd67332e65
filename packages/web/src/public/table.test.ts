import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/core';
import { sheetRows } from './table.js';

const roots: IndicatorNode[] = [
  {
    id: 'out',
    name: '产出指标',
    children: [
      { id: 'q', name: '数量指标', children: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] },
      { id: 't', name: '时效指标' },
    ],
  },
  { id: 'sat', name: '满意度指标', children: [{ id: 's', name: '服务对象满意度', children: [{ id: 'c', name: 'C', children: [{ id: 'd', name: 'D' }] }] }] },
];

describe('sheetRows', () => {
  it('merges the first two levels over their leaves', () => {
    const rows = sheetRows(roots);
    expect(rows.map((r) => r.node.id)).toEqual(['a', 'b', 't', 'd']);
    expect(rows[0]!.levels.map((c) => c && [c.text, c.rowSpan])).toEqual([
      ['产出指标', 3],
      ['数量指标', 2],
      ['A', 1],
    ]);
    expect(rows[1]!.levels.map((c) => c?.text)).toEqual([undefined, undefined, 'B']);
    expect(rows[2]!.levels.map((c) => c?.text)).toEqual([undefined, '时效指标', '']);
    expect(rows[3]!.levels.map((c) => c?.text)).toEqual(['满意度指标', '服务对象满意度', 'C › D']);
    expect(rows[3]!.path).toBe('$.indicators[1].children[0].children[0].children[0]');
  });
});
