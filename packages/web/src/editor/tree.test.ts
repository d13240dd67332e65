import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/core';
import { appendChild, flatten, idsOf, indent, indexOfId, insertAfter, move, newIndicatorId, nodeAt, outdent, removeAt, updateAt } from './tree.js';

const tree = (): IndicatorNode[] => [
  { id: 'a', name: '产出指标', children: [{ id: 'a1', name: '数量指标', children: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }] }, { id: 'a2', name: '质量指标' }] },
  { id: 'b', name: '效益指标' },
];

const names = (roots: readonly IndicatorNode[]) => flatten(roots).map((r) => `${'-'.repeat(r.depth)}${r.node.id}`);

describe('flatten', () => {
  it('lists parents before children with JSON paths', () => {
    const rows = flatten(tree());
    expect(rows.map((r) => r.path)).toEqual([
      '$.indicators[0]',
      '$.indicators[0].children[0]',
      '$.indicators[0].children[0].children[0]',
      '$.indicators[0].children[0].children[1]',
      '$.indicators[0].children[1]',
      '$.indicators[1]',
    ]);
    expect(rows.map((r) => r.leaf)).toEqual([false, false, true, true, true, true]);
    expect(rows[3]!.key).toBe('0.0.1');
  });

  it('keeps the rows that did not change', () => {
    const t = tree();
    const first = flatten(t);
    const next = updateAt(t, [0, 0, 1], (n) => ({ ...n, actual: '5' }));
    const second = flatten(next, '$.indicators', first);
    expect(second[5]).toBe(first[5]);
    expect(second[2]).toBe(first[2]);
    expect(second[3]).not.toBe(first[3]);
    expect(second[3]!.node.actual).toBe('5');
    const moved = flatten(move(next, [0, 0, 1], -1)!.roots, '$.indicators', second);
    expect(moved[2]!.node.id).toBe('y');
    expect(moved[2]!.path).toBe('$.indicators[0].children[0].children[0]');
  });
});

describe('immutable edits', () => {
  it('updates one node and shares the rest', () => {
    const t = tree();
    const next = updateAt(t, [0, 0, 1], (n) => ({ ...n, actual: '5' }));
    expect(nodeAt(next, [0, 0, 1])!.actual).toBe('5');
    expect(nodeAt(t, [0, 0, 1])!.actual).toBeUndefined();
    expect(next[1]).toBe(t[1]);
    expect(next[0]!.children![1]).toBe(t[0]!.children![1]);
  });

  it('inserts after, appends children and removes', () => {
    let t = tree();
    const ins = insertAfter(t, [0, 0, 0], { id: 'z', name: 'Z' });
    expect(ins.idx).toEqual([0, 0, 1]);
    expect(names(ins.roots)).toEqual(['a', '-a1', '--x', '--z', '--y', '-a2', 'b']);
    const app = appendChild(ins.roots, [1], { id: 'b1', name: 'B1' });
    expect(app.idx).toEqual([1, 0]);
    t = removeAt(app.roots, [0, 0, 0]);
    expect(names(t)).toEqual(['a', '-a1', '--z', '--y', '-a2', 'b', '-b1']);
    expect(appendChild([], [], { id: 'r', name: 'R' }).idx).toEqual([0]);
  });

  it('indents under the previous sibling and outdents after the parent', () => {
    const t = tree();
    expect(indent(t, [0, 0, 0])).toBeUndefined();
    const i = indent(t, [0, 1])!;
    expect(i.idx).toEqual([0, 0, 2]);
    expect(names(i.roots)).toEqual(['a', '-a1', '--x', '--y', '--a2', 'b']);
    const o = outdent(i.roots, [0, 0, 2])!;
    expect(o.idx).toEqual([0, 1]);
    expect(names(o.roots)).toEqual(names(t));
    expect(outdent(t, [1])).toBeUndefined();
  });

  it('moves among siblings only', () => {
    const t = tree();
    const m = move(t, [0, 0, 1], -1)!;
    expect(m.idx).toEqual([0, 0, 0]);
    expect(names(m.roots)).toEqual(['a', '-a1', '--y', '--x', '-a2', 'b']);
    expect(move(t, [0, 0, 0], -1)).toBeUndefined();
    expect(move(t, [1], 1)).toBeUndefined();
  });

  it('finds ids and makes fresh ones', () => {
    const t = tree();
    expect(indexOfId(t, 'y')).toEqual([0, 0, 1]);
    expect(indexOfId(t, 'nope')).toBeUndefined();
    const used = idsOf(t);
    expect(used.size).toBe(6);
    expect(newIndicatorId(new Set(['ind-1', 'ind-2']))).toBe('ind-3');
    expect(used.has(newIndicatorId(used))).toBe(false);
  });
});
