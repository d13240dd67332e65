import { describe, expect, it } from 'vitest';
import { auditDocument } from '../audit/index.js';
import { createSelfEvaluation } from '../goals/index.js';
import { goalsDoc, roots } from '../goals/testing.test.js';
import { assessMonitoring, MonitoringSnapshot } from '../monitoring/index.js';
import type { EvaluationDocument } from '../model/index.js';
import { walkIndicators } from '../model/index.js';
import { getRuleSet } from '../rulesets/index.js';
import { priorRecord } from './index.js';

const rs = getRuleSet('national-project')!;

/** Last year's self-evaluation (2023) of the goals-test project: executed 58 of 100, 监督抽查批次 520 of 600. */
function lastYear(): EvaluationDocument {
  const created = createSelfEvaluation(goalsDoc((d) => (d.header.year = 2023)), { id: 'se-2023' });
  if (!created.ok) throw new Error(created.message);
  const doc = created.document;
  doc.funding!.tables[0]!.rows[0]!.amounts.executed = '58';
  const actuals: Record<string, string> = { q1: '520批次', q2: '97%', b1: '93%', s1: '95%', t1: '8个工作日', c1: '650元/批次' };
  for (const v of walkIndicators(doc.indicators)) if (actuals[v.node.id]) v.node.actual = actuals[v.node.id];
  doc.indicators[1]!.children![0]!.children!.push({ id: 'b9', name: '企业满意度提升', target: '逐步提高', actual: '逐步提高' });
  return doc;
}

/** Next year's goals (2024): 120 万元, 监督抽查批次 ≥500批次 (below the 520 done), 抽检合格率 ≥98%, a new indicator. */
function nextGoals(): EvaluationDocument {
  return goalsDoc((d) => {
    d.header.year = 2024;
    d.funding!.tables![0]!.rows[0]!.amounts = { initialBudget: '120' };
    roots(d)[0]!.children![0]!.children![0]!.target = '≥500批次';
    roots(d)[0]!.children![1]!.children![0]!.target = '≥98%';
    roots(d)[0]!.children![0]!.children!.push({ id: 'q9', name: '网络食品抽检批次', target: '≥50批次' });
  });
}

describe('priorRecord', () => {
  const last = lastYear();
  const audit = auditDocument(last);
  const snap = MonitoringSnapshot.parse({ period: '2023-Q3', asOf: '2023-09-30', executed: '40', indicators: [{ id: 'q1', progress: '380批次' }] });
  const monitoring = assessMonitoring(last, [snap], rs, '2023-10-08').projects[0]!;
  const record = priorRecord(nextGoals(), last, monitoring, { audit });

  it('last year’s evaluation: score, grade, execution, findings and the treatment earned', () => {
    expect(record.project).toEqual({ name: '质量监管专项', organisation: '某市市场监督管理局', year: 2024 });
    expect(record.lastYear).toBe(2023);
    expect(record.evaluation).toMatchObject({ id: 'se-2023', year: 2023, executionRate: '58', ruleSet: 'national-project@1.0.0', findings: audit.counts });
    expect(record.evaluation!.treatment).toMatchObject({ lowExecution: true, listed: true });
    expect(record.facts[0]).toMatch(/^2023年绩效自评得分[\d.]+分，等级“.”。$/);
    expect(record.facts).toContain('2023年预算执行率58%。');
  });

  it('money asked against last year’s budget', () => {
    expect(record.money).toEqual({ unit: '万元', requested: '120', lastBudget: '100', lastExecuted: '58', changePercent: '20' });
    expect(record.facts).toContain('本次申请120万元，上年预算100万元，变动20%。');
  });

  it('the monitoring record', () => {
    expect(record.monitoring).toMatchObject({ asOf: '2023-09-30', light: monitoring.light });
    expect(record.monitoring!.reasons.length).toBeGreaterThan(0);
    expect(record.facts.some((f) => f.startsWith('运行监控（截至2023-09-30）：'))).toBe(true);
  });

  it('indicator by indicator: new target beside last year’s target and actual', () => {
    const q1 = record.indicators.find((i) => i.id === 'q1')!;
    expect(q1).toEqual({ id: 'q1', name: '监督抽查批次', target: '≥500批次', lastTarget: '≥600批次', lastActual: '520批次', lastMet: false, belowLastActual: true, targetChangePercent: '-16.67', isNew: false });
    expect(record.indicators.find((i) => i.id === 'q2')).toMatchObject({ target: '≥98%', lastActual: '97%', lastMet: true, belowLastActual: false, targetChangePercent: '3.16' });
    expect(record.indicators.find((i) => i.id === 'c1')).toMatchObject({ target: '≤700元/批次', lastActual: '650元/批次', belowLastActual: true });
    expect(record.indicators.find((i) => i.id === 'q9')).toMatchObject({ isNew: true });
    expect(record.dropped.map((d) => d.name)).toEqual(['企业满意度提升']);
    expect(record.facts).toContain('“监督抽查批次”本年目标≥500批次低于上年实际完成值520批次。');
    expect(record.facts).toContain('“监督抽查批次”上年目标≥600批次未完成（实际520批次）。');
    expect(record.facts).toContain('新增指标1项。');
    expect(record.facts).toContain('上年指标中有1项未列入本年申报：企业满意度提升。');
  });

  it('with nothing from last year, only the request itself', () => {
    const r = priorRecord(nextGoals());
    expect(r).toMatchObject({ money: { unit: '万元', requested: '120' }, dropped: [], facts: [] });
    expect(r.evaluation).toBeUndefined();
    expect(r.indicators.every((i) => !i.isNew && i.lastTarget === undefined)).toBe(true);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});
