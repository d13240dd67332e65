import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/core';
import { GOAL_COLUMNS, GRID_COLUMNS, cellText, copyBlock, pasteBlock, setCell } from './grid-model.js';
import { parseTsv, toTsv } from './clipboard.js';
import { flatten } from './tree.js';

const roots = (): IndicatorNode[] => [
  {
    id: 'out',
    name: '产出指标',
    declaredWeight: '50',
    children: [
      { id: 'qty', name: '数量指标', children: [{ id: 'q1', name: '抽查量', weight: '20' }] },
      { id: 'qual', name: '质量指标', children: [{ id: 'p1', name: '合格率' }] },
    ],
  },
];

describe('setCell', () => {
  it('sets text and removes blanks', () => {
    const n: IndicatorNode = { id: 'a', name: 'A', target: '≥1' };
    const r = setCell(n, true, 'target', '');
    expect(r.ok && !('target' in r.node)).toBe(true);
    const s = setCell(n, true, 'reason', '进度滞后');
    expect(s.ok && s.node.deviationReason).toBe('进度滞后');
  });

  it('reads weights as decimals and refuses words', () => {
    const n: IndicatorNode = { id: 'a', name: 'A' };
    const r = setCell(n, true, 'weight', '２０分');
    expect(r.ok && r.node.weight).toBe('20');
    const bad = setCell(n, true, 'weight', '二十');
    expect(bad.ok).toBe(false);
    const sec = setCell({ ...n, children: [] }, false, 'weight', '50');
    expect(sec.ok && sec.node.declaredWeight).toBe('50');
  });
});

describe('pasteBlock', () => {
  it('fills siblings and inserts rows instead of overwriting the next section', () => {
    const t = roots();
    const rows = flatten(t);
    const start = rows.findIndex((r) => r.node.id === 'q1');
    const block = [
      ['抽查量', '≥600批次', '644批次', '20'],
      ['检验报告', '≥100份', '98份', '10'],
      ['培训人次', '≥50人次', '60人次', 'x'],
    ];
    const out = pasteBlock(t, rows, start, 0, block, flatten);
    const after = flatten(out.roots);
    expect(after.map((r) => r.node.name)).toEqual(['产出指标', '数量指标', '抽查量', '检验报告', '培训人次', '质量指标', '合格率']);
    expect(out.added).toBe(2);
    const third = after[4]!.node;
    expect(third.target).toBe('≥50人次');
    expect(third.weight).toBeUndefined();
    expect(out.errors).toEqual([{ row: 4, column: 'weight', message: expect.stringContaining('不是数字') }]);
    expect(cellText(after[3]!, 'weight')).toBe('10');
    expect(out.extent).toEqual({ rowFrom: start, rowTo: 4, colFrom: 0, colTo: 3 });
  });

  it('skips the score column when pasting across it', () => {
    const t = roots();
    const rows = flatten(t);
    const start = rows.findIndex((r) => r.node.id === 'q1');
    const out = pasteBlock(t, rows, start, 3, [['15', '说明']], flatten);
    const n = flatten(out.roots)[start]!.node;
    expect(n.weight).toBe('15');
    expect(n.deviationReason).toBe('说明');
  });
});

describe('goal declaration columns', () => {
  it('show name, target and weight only, and a paste fills them in that order', () => {
    expect(GOAL_COLUMNS.map((c) => c.key)).toEqual(['name', 'target', 'weight']);
    const t = roots();
    const rows = flatten(t);
    const start = rows.findIndex((r) => r.node.id === 'q1');
    const out = pasteBlock(t, rows, start, 0, [['抽查批次', '≥600批次', '20']], flatten, GOAL_COLUMNS);
    const n = flatten(out.roots)[start]!.node;
    expect([n.name, n.target, n.weight, n.actual]).toEqual(['抽查批次', '≥600批次', '20', undefined]);
    expect(out.extent.colTo).toBe(2);
  });
});

describe('copyBlock', () => {
  it('copies a rectangle in either drag direction, with the computed score and evidence count, and reads back as pasted', () => {
    const t = roots();
    t[0]!.children![0]!.children![0]! = { id: 'q1', name: '抽查量', target: '≥600批次', actual: '644批次', weight: '20', evidence: [] };
    const rows = flatten(t);
    const q1 = rows.findIndex((r) => r.node.id === 'q1');
    const p1 = rows.findIndex((r) => r.node.id === 'p1');
    const scores = new Map([[q1, '20.00']]);
    const block = copyBlock(rows, GRID_COLUMNS, { rowFrom: p1, rowTo: q1, colFrom: 4, colTo: 0 }, (r) => scores.get(r));
    expect(block).toEqual([
      ['抽查量', '≥600批次', '644批次', '20', '20.00'],
      ['质量指标', '', '', '', ''],
      ['合格率', '', '', '', ''],
    ]);
    expect(parseTsv(toTsv(block))).toEqual(block);
    expect(copyBlock(rows, GRID_COLUMNS, { rowFrom: q1, rowTo: q1, colFrom: 6, colTo: 6 }, () => undefined)).toEqual([['0']]);
    // Out-of-range corners are clamped to the grid.
    expect(copyBlock(rows, GOAL_COLUMNS, { rowFrom: -3, rowTo: 0, colFrom: 0, colTo: 99 }, () => undefined)).toEqual([['产出指标', '', '50']]);
  });
});

describe('locked cells', () => {
  it('a paste leaves a locked target as it was and says why', () => {
    const t = roots();
    t[0]!.children![0]!.children![0]!.target = '≥600批次';
    const rows = flatten(t);
    const start = rows.findIndex((r) => r.node.id === 'q1');
    const lock = (n: IndicatorNode, key: string) => (key === 'target' && n.id === 'q1' ? '指标值沿用已批准的绩效目标' : undefined);
    const out = pasteBlock(t, rows, start, 0, [['抽查量', '≥700批次', '650批次']], flatten, GRID_COLUMNS, lock);
    const n = flatten(out.roots)[start]!.node;
    expect([n.name, n.target, n.actual]).toEqual(['抽查量', '≥600批次', '650批次']);
    expect(out.errors).toEqual([{ row: start, column: 'target', message: '指标值沿用已批准的绩效目标' }]);
  });
});
