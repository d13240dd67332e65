import { describe, expect, it } from 'vitest';
import type { Grid } from './grid.js';
import { basicDataGrid } from './basic-data.js';
import { leaves, selfEvaluationGrid, tableSubjects } from './table.js';
import { sampleProject, seedFixtures } from './testing.js';
import type { ExportScoring } from './types.js';

function find(grid: Grid, text: string): { r: number; c: number } {
  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < grid.columns.length; c++) if (grid.rows[r]![c]?.text === text) return { r, c };
  }
  throw new Error(`no cell ${text}`);
}
const at = (grid: Grid, r: number, c: number): string | undefined => grid.rows[r]![c]?.text;
const mergeAt = (grid: Grid, r: number, c: number) => grid.merges.find((m) => m.top === r && m.left === c);

describe('the 自评表 grid', () => {
  const doc = sampleProject();
  const grid = selfEvaluationGrid(tableSubjects(doc)[0]!);

  it('has the official title, header words and width', () => {
    expect(grid.title).toBe('2020年度项目支出绩效自评表');
    expect(grid.columns).toHaveLength(9);
    expect(at(grid, 0, 0)).toBe('项目名称');
    expect(at(grid, 0, 1)).toBe('质量监督专项');
    expect(mergeAt(grid, 0, 1)).toEqual({ top: 0, left: 1, bottom: 0, right: 8 });
    expect(at(grid, 1, 0)).toBe('主管部门');
    expect(at(grid, 1, 4)).toBe('实施单位');
    const h = find(grid, '年初预算数');
    expect([3, 4, 5, 6, 7, 8].map((c) => at(grid, h.r, c))).toEqual(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    const ind = find(grid, '一级指标');
    expect(grid.rows[ind.r]!.map((c) => c?.text)).toEqual([
      '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
    ]);
    expect(grid.repeatRows).toEqual({ first: ind.r, last: ind.r });
  });

  it('writes money as decimal values and keeps the printed rate and scores', () => {
    const total = find(grid, '年度资金总额');
    expect(grid.rows[total.r]![3]).toMatchObject({ text: '155.00', role: 'money', value: '155' });
    expect(grid.rows[total.r]![5]).toMatchObject({ text: '243.03', role: 'money', value: '243.03' });
    expect(grid.rows[total.r]![7]).toMatchObject({ text: '100%', role: 'value' });
    expect(grid.rows[total.r]![8]).toMatchObject({ text: '10', role: 'score', value: '10' });
    const label = find(grid, '项目资金（万元）');
    const m = mergeAt(grid, label.r, 0)!;
    expect(m.bottom - m.top + 1).toBe(6); // header + 5 funding rows
  });

  it('merges section cells over their leaves and prints declared weights', () => {
    const out = find(grid, '产出指标（50分）');
    expect(mergeAt(grid, out.r, 1)).toEqual({ top: out.r, left: 1, bottom: out.r + 3, right: 1 });
    const qual = find(grid, '质量指标');
    expect(mergeAt(grid, qual.r, 2)).toEqual({ top: qual.r, left: 2, bottom: qual.r + 1, right: 2 });
    const time = find(grid, '时效指标');
    expect(time.c).toBe(2);
    expect(grid.rows[time.r]!.slice(3).every((c) => c === undefined)).toBe(true);
    const leaf = find(grid, '重点工业产品监测率');
    expect(grid.rows[leaf.r]!.slice(4).map((c) => c?.text)).toEqual(['20%以上', '18%', '15', '13.5', '部分企业停产，监测样品不足；下年提前安排抽样计划。']);
    const total = find(grid, '总分');
    expect(grid.rows[total.r]![6]?.text).toBe('100');
    expect(grid.rows[total.r]![7]?.text).toBe('97.5');
  });

  it('adds a 计算得分 column with notes only where computed scores differ', () => {
    const same: ExportScoring = { ruleSet: 'national-project@1', total: '97.5', grade: '优', execution: { score: '10' }, items: { 'out.qty.1': { score: '20' } } };
    expect(selfEvaluationGrid(tableSubjects(doc, same)[0]!).columns).toHaveLength(9);
    const differ: ExportScoring = {
      ruleSet: 'national-project@1',
      total: '96.3',
      grade: '优',
      execution: { rate: '156.79%', score: '10' },
      items: { 'out.qual.2': { score: '13.5' }, 'ben.soc.1': { score: '28.8', explanation: '定性指标按达成档次80%–100%评分', status: 'within-band' } },
    };
    const g = selfEvaluationGrid(tableSubjects(doc, differ)[0]!);
    expect(g.columns).toHaveLength(10);
    const ind = find(g, '一级指标');
    expect(g.rows[ind.r]![8]?.text).toBe('计算得分');
    expect(g.rows[ind.r]![9]?.text).toBe('偏差原因分析及改进措施');
    const soc = find(g, '维护市场经济秩序、保障人民群众消费安全');
    expect(g.rows[soc.r]![7]?.text).toBe('29');
    expect(g.rows[soc.r]![8]).toMatchObject({ text: '28.8', role: 'score' });
    expect(g.rows[soc.r]![8]?.note).toContain('填报得分为29分，按规则计算为28.8分');
    const q2 = find(g, '重点工业产品监测率');
    expect(g.rows[q2.r]![8]?.text).toBe('13.5');
    expect(g.rows[q2.r]![8]?.note).toBeUndefined();
    const total = find(g, '总分');
    expect(g.rows[total.r]![8]?.text).toBe('96.3');
    expect(g.rows[total.r]![7]?.text).toBe('97.5');
    expect(find(g, '年初预算数').c).toBe(3);
  });

  it('adds level columns for deeper trees', () => {
    const deep = sampleProject({
      indicators: [
        { id: 'a', name: '产出', children: [{ id: 'a1', name: '数量', children: [{ id: 'a11', name: '抽检', children: [{ id: 'x', name: '抽检批次', weight: '10', printedScore: '10' }] }] }] },
      ],
    });
    const g = selfEvaluationGrid(tableSubjects(deep)[0]!);
    const ind = find(g, '一级指标');
    expect(g.rows[ind.r]!.slice(1, 5).map((c) => c?.text)).toEqual(['一级指标', '二级指标', '三级指标', '四级指标']);
    expect(at(g, ind.r + 1, 4)).toBe('抽检批次');
  });

  it('lays out the department table and the basic data table of seed 004', () => {
    const seed = seedFixtures().find((s) => s.name === '004');
    if (!seed) return;
    const g = selfEvaluationGrid(tableSubjects(seed.doc)[0]!);
    expect(g.title).toBe('2023年度部门整体支出绩效自评表');
    expect(at(g, 0, 0)).toBe('预算部门');
    const inc = find(g, '按收入性质分：');
    expect(inc.c).toBe(1);
    expect(mergeAt(g, inc.r, 1)).toBeUndefined();
    expect(at(g, inc.r, 5)).toBe('按支出性质分：');
    expect(at(g, inc.r + 1, 1)).toBe('其中：一般公共预算：9846.08');
    expect(at(g, inc.r + 1, 5)).toBe('其中：基本支出：7520.29');
    expect(at(g, inc.r + 3, 1)).toBe('纳入专户管理的非税收入拨款：');
    const rows = g.rows.filter((r) => r.some((c) => c && leaves(seed.doc.indicators).some((l) => l.name === c.text)));
    expect(rows).toHaveLength(leaves(seed.doc.indicators).length);
    const b = basicDataGrid(seed.doc)!;
    expect(b.title).toBe('2023年度部门整体支出绩效评价基础数据表');
    expect(at(b, 0, 0)).toBe('财政供养人员情况（人）');
    expect(at(b, 1, 1)).toBe('339');
    expect(at(b, 1, 3)).toBe('92.63%');
    const three = find(b, '三公经费');
    expect([1, 2, 3].map((c) => at(b, three.r, c))).toEqual(['127.69', '180.01', '86.25']);
    expect(find(b, '其中：公车购置')).toBeDefined();
    expect(b.rows[find(b, '其中：公车购置').r]![0]?.indent).toBe(2);
  });
});
