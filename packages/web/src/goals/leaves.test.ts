import { describe, expect, it } from 'vitest';
import { newDocument } from '../evaluations/new/template.js';
import { leafIndicators, leafKey } from './leaves.js';

describe('leafIndicators', () => {
  it('skips the empty frame and lists real leaves with their group', () => {
    const doc = newDocument({ title: 't', year: 2025, level: 'project', organisation: '某单位', projectName: 'p' });
    expect(leafIndicators(doc)).toEqual([]);
    doc.indicators[0]!.children![0]!.children = [{ id: 'a', name: '抽查批次', target: '≥600批次', weight: '10' }];
    doc.projects.push({ id: 'p1', name: '子项目', goals: [], indicators: [{ id: 'x', name: '满意度', children: [{ id: 'b', name: '群众满意度', target: '≥90%' }] }], problems: [], measures: [] });
    const leaves = leafIndicators(doc);
    expect(leaves.map(leafKey)).toEqual(['a', 'p1/b']);
    expect(leaves[0]).toMatchObject({ group: '产出指标 › 数量指标', target: '≥600批次', weight: '10' });
    expect(leaves[1]).toMatchObject({ group: '子项目 › 满意度', project: 'p1' });
  });
});
