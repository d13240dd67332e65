import { describe, expect, it } from 'vitest';
import { changesOf, describeChange, describePath, describeValue, diffDocuments } from './describe.js';

const doc = {
  header: { title: 'T' },
  funding: { tables: [{ title: '项目资金（万元）', rows: [{ label: '年度资金总额' }, { label: '其中：本级财政拨款' }] }] },
  goals: [{ expected: 'e' }],
  indicators: [{ id: 'out', name: '产出指标', children: [{ id: 'q', name: '数量指标', children: [{ id: 'x', name: '抽查量' }] }] }],
};

describe('describePath', () => {
  it('names indicators, money rows and goals', () => {
    expect(describePath('$.indicators[0].children[0].children[0].actual', doc)).toBe('产出指标 › 数量指标 › 抽查量 › 实际完成值');
    expect(describePath('$.funding.tables[0].rows[1].amounts.executed', doc)).toBe('资金情况 › 项目资金（万元） › 其中：本级财政拨款 › 全年执行数');
    expect(describePath('$.goals[0].actual', doc)).toBe('年度总体目标 1 › 实际完成值');
    expect(describePath('$.header.title', doc)).toBe('标题');
    expect(describePath('$.status')).toBe('流程状态');
    expect(describePath('$.indicators[3].weight')).toBe('第4项指标 › 分值');
    expect(describePath('$.funding.execution.weight', doc)).toBe('资金情况 › 预算执行率 › 分值');
  });
});

describe('values and changes', () => {
  it('describes values briefly', () => {
    expect(describeValue(undefined)).toBe('（空）');
    expect(describeValue('submitted', 'status')).toBe('已提交');
    expect(describeValue({ name: '抽查量', target: '≥600批次', weight: '20' })).toBe('抽查量，目标 ≥600批次，20分');
    expect(describeValue({ score: '18', reason: '佐证不足' })).toBe('18分（理由：佐证不足）');
    expect(describeValue(['a', 'b'])).toBe('a、b');
  });

  it('reads audit-event diffs and tells additions from removals', () => {
    const changes = changesOf({ version: 3, changes: [{ path: '$.header.title', before: 'A', after: 'B' }, { path: '$.indicators[0]', after: { name: 'N' } }, { nope: 1 }] });
    expect(changes).toHaveLength(2);
    expect(describeChange(changes[0]!).kind).toBe('changed');
    expect(describeChange(changes[1]!).kind).toBe('added');
    expect(changesOf(null)).toEqual([]);
  });

  it('diffs documents, matching indicators by id', () => {
    const b = structuredClone(doc);
    b.indicators[0]!.children[0]!.children.unshift({ id: 'new', name: '新指标' });
    b.header.title = 'T2';
    const d = diffDocuments(doc, b);
    expect(d).toEqual([
      { path: '$.header.title', before: 'T', after: 'T2' },
      { path: '$.indicators[0].children[0].children[0]', before: undefined, after: { id: 'new', name: '新指标' } },
    ]);
  });
});
