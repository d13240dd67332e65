import { describe, expect, it } from 'vitest';
import { seed } from '../audit/testing.test.js';
import { generateProvince } from '../generate/province.js';
import { isLeaf, parseDocument, walkIndicators } from '../model/index.js';
import type { EvaluationDocument, IndicatorNode } from '../model/index.js';
import { scoreDocument } from '../scoring/index.js';
import { createFromGoals, createMonitoringDocument, createSelfEvaluation, derivedTitle } from './index.js';
import { goalsDoc, roots } from './testing.test.js';

function ok(r: ReturnType<typeof createFromGoals>): EvaluationDocument {
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** id → [target, weight, category, actual, printedScore] of every node. */
function nodes(doc: EvaluationDocument): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const v of walkIndicators(doc.indicators)) out.set(v.node.id, [v.node.target, v.node.weight, v.node.category, v.node.actual, v.node.printedScore]);
  return out;
}

describe('createFromGoals', () => {
  it.each([
    ['monitoring', '2024年度质量监管专项绩效运行监控表'],
    ['self-evaluation', '2024年度质量监管专项绩效自评表'],
  ] as const)('%s: stage, title and the link back to the baseline', (stage, title) => {
    const doc = ok(createFromGoals(goalsDoc(), stage, { id: 'new-1', baselineVersion: 3, approvedAt: '2024-01-20T10:00:00+08:00', status: 'approved' }));
    expect(doc.id).toBe('new-1');
    expect(doc.header).toMatchObject({ stage, title, year: 2024, organisation: '某市市场监督管理局', projectName: '质量监管专项' });
    expect(doc.header.baseline).toEqual({ id: 'goals-2024-qm', version: 3, approvedAt: '2024-01-20T10:00:00+08:00' });
    expect(parseDocument(JSON.parse(JSON.stringify(doc)))).toMatchObject({ ok: true });
  });

  it('carries targets, weights, categories and money; actuals, scores and execution stay empty', () => {
    const goals = goalsDoc((d) => {
      roots(d)[0]!.children![0]!.children![0]!.actual = '写错地方的实际值';
      d.goals![0]!.actual = '已完成';
    });
    const doc = ok(createSelfEvaluation(goals));
    const before = nodes(goals);
    for (const [id, [target, weight, category, actual, printed]] of nodes(doc)) {
      expect([target, weight, category]).toEqual(before.get(id)!.slice(0, 3));
      expect([actual, printed]).toEqual([undefined, undefined]);
    }
    expect(doc.goals).toEqual([{ expected: '完成年度质量监督抽查任务，抽检合格率保持在95%以上' }]);
    expect(doc.funding!.tables[0]!.rows.map((r) => r.amounts)).toEqual([
      { initialBudget: '100', annualBudget: '100' },
      { initialBudget: '80', annualBudget: '80' },
      { initialBudget: '20', annualBudget: '20' },
    ]);
    expect(doc.funding!.execution).toEqual({ weight: '10' });
    expect(doc.meta).toEqual({ team: [], problems: [], measures: [] });
  });

  it('the derived self-evaluation scores once actuals are typed in', () => {
    const doc = ok(createSelfEvaluation(goalsDoc()));
    doc.funding!.tables[0]!.rows[0]!.amounts.executed = '90';
    for (const v of walkIndicators(doc.indicators)) if (isLeaf(v.node)) v.node.actual = v.node.target?.replace(/[≥≤]/, '');
    const report = scoreDocument(doc);
    expect(report.execution?.ratePercent?.toString()).toBe('90');
    expect(report.total.toString()).toBe('99');
  });

  it('never changes or shares the goal document', () => {
    const goals = goalsDoc();
    const frozen = JSON.stringify(goals);
    const doc = ok(createMonitoringDocument(goals));
    doc.indicators[0]!.children![0]!.children![0]!.target = '≥1批次';
    doc.header.implementingUnits.push('x');
    doc.funding!.tables[0]!.rows[0]!.amounts.initialBudget = '1';
    expect(JSON.stringify(goals)).toBe(frozen);
  });

  it.each([
    ['a self-evaluation is not a baseline', () => seed('000'), {}, 'not-goals'],
    ['goals still under review', () => goalsDoc(), { status: 'submitted' }, 'not-approved'],
    ['goals returned', () => goalsDoc(), { status: 'returned' }, 'not-approved'],
    ['goals without an id', () => goalsDoc((d) => delete d.id), {}, 'no-baseline-id'],
  ] as const)('refuses: %s', (_name, make, options, code) => {
    const r = createFromGoals(make(), 'monitoring', options);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts every approved state, and a baseline id given by the caller', () => {
    for (const status of ['approved', 'rechecked', 'published'] as const) expect(createFromGoals(goalsDoc(), 'monitoring', { status }).ok).toBe(true);
    const doc = ok(createFromGoals(goalsDoc((d) => delete d.id), 'monitoring', { baselineId: 'server-42' }));
    expect(doc.header.baseline).toEqual({ id: 'server-42' });
  });

  it('carries adjustments recorded on the goals and those passed in, once each', () => {
    const adj = { id: 'a1', indicatorId: 'q1', from: '≥600批次', to: '≥500批次', reason: '经费压减', requestedBy: 'u1', requestedAt: '2024-05-01', status: 'approved' as const, approvedBy: 'u2', approvedAt: '2024-05-03' };
    const goals = goalsDoc((d) => (d.adjustments = [adj]));
    const doc = ok(createSelfEvaluation(goals, { adjustments: [adj, { ...adj, id: 'a2', status: 'pending' }] }));
    expect(doc.adjustments?.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(ok(createSelfEvaluation(goalsDoc())).adjustments).toBeUndefined();
  });

  it('embedded projects keep money, goals and targets; department data keeps the budget side', () => {
    const goals = goalsDoc((d) => {
      d.header.level = 'department';
      d.projects = [{ id: 'p1', name: '食品安全专项', funding: '50', goals: [{ expected: '完成抽检', actual: 'x' }], indicators: [{ id: 'p1a', name: '食品抽检批次', target: '≥100批次', actual: '120批次', printedScore: '5' }], printedTotal: '90', problems: ['p'] }];
      d.department = {
        staffing: { authorized: '339', actual: '314', printedControlRate: '92.63%' },
        expenseControl: {
          unit: '万元',
          columns: [
            { key: 'b2024', label: '2024年预算数', year: 2024, stage: 'budget' },
            { key: 'f2023', label: '2023年决算数', year: 2023, stage: 'final' },
          ],
          rows: [{ id: 'tp', label: '三公经费', kind: 'three-public-total', values: { b2024: '80', f2023: '86.25' } }],
        },
        buildings: [{ name: '办公楼' }],
      };
    });
    const doc = ok(createSelfEvaluation(goals));
    expect(doc.projects).toEqual([{ id: 'p1', name: '食品安全专项', funding: '50', goals: [{ expected: '完成抽检' }], indicators: [{ id: 'p1a', name: '食品抽检批次', target: '≥100批次' }], problems: [], measures: [] }]);
    expect(doc.department).toEqual({
      staffing: { authorized: '339' },
      expenseControl: { unit: '万元', columns: [{ key: 'b2024', label: '2024年预算数', year: 2024, stage: 'budget' }], rows: [{ id: 'tp', label: '三公经费', kind: 'three-public-total', values: { b2024: '80' } }] },
      buildings: [],
    });
  });

  it('on 200 province documents declared as goals: every leaf keeps its target and weight, loses its actual', () => {
    let leaves = 0;
    for (const d of generateProvince({ evaluations: 200, seed: 7 })) {
      const goals: EvaluationDocument = { ...d, header: { ...d.header, stage: 'goals' } };
      const doc = ok(createFromGoals(goals, 'monitoring'));
      const before = new Map<string, IndicatorNode>();
      for (const v of walkIndicators(goals.indicators)) before.set(v.path, v.node);
      for (const v of walkIndicators(doc.indicators)) {
        const b = before.get(v.path)!;
        expect([v.node.id, v.node.name, v.node.target, v.node.weight, v.node.category]).toEqual([b.id, b.name, b.target, b.weight, b.category]);
        expect(v.node.actual).toBeUndefined();
        if (isLeaf(v.node)) leaves++;
      }
      expect(doc.header.baseline?.id).toBe(d.id);
      expect(doc.funding!.tables[0]!.rows[0]!.amounts.executed).toBeUndefined();
    }
    expect(leaves).toBe(200 * 15);
  });
});

describe('derivedTitle', () => {
  it.each([
    ['2024年度质量监管专项绩效目标申报表', 'monitoring', '2024年度质量监管专项绩效运行监控表'],
    ['2024年度质量监管专项绩效目标申报表（修订）', 'self-evaluation', '2024年度质量监管专项绩效自评表（修订）'],
    ['2024年市场监管局部门整体绩效目标', 'self-evaluation', '2024年市场监管局部门整体绩效自评表'],
    ['食品安全专项', 'monitoring', '食品安全专项绩效运行监控表'],
  ] as const)('%s (%s) → %s', (title, stage, expected) => {
    expect(derivedTitle(title, stage)).toBe(expected);
  });
});
