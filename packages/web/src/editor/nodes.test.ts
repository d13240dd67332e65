import { describe, expect, it } from 'vitest';
import type { EvaluationDocument } from '@jixiao/core';
import { describeNode, findNode, updateNode } from './nodes.js';

const doc = {
  indicators: [{ id: 'a', name: '产出指标', children: [{ id: 'a1', name: '抽查量' }] }],
  projects: [{ id: 'p', name: '食品专项', indicators: [{ id: 'b', name: '效益指标', children: [{ id: 'b1', name: '满意度' }] }] }],
} as unknown as EvaluationDocument;

describe('nodes anywhere in the document', () => {
  it('finds, names and changes nodes of the main tree and of embedded projects', () => {
    const main = findNode(doc, 'a1')!;
    expect(main).toMatchObject({ idx: [0, 0], project: undefined, path: '$.indicators[0].children[0]' });
    const inProject = findNode(doc, 'b1')!;
    expect(inProject).toMatchObject({ idx: [0, 0], project: 0, path: '$.projects[0].indicators[0].children[0]' });
    expect(describeNode(doc, inProject)).toBe('食品专项 › 效益指标 › 满意度');
    const next = updateNode(doc, inProject, (n) => ({ ...n, actual: '95%' }));
    expect(findNode(next, 'b1')!.node.actual).toBe('95%');
    expect(next.indicators).toBe(doc.indicators);
    expect(findNode(doc, 'nope')).toBeUndefined();
  });
});
