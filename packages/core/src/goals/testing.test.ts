/** Builders shared by the goals tests: an approved-looking goal declaration (stage goals, id, money, six categories). */
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../audit/index.js';
import { cleanInput, leaf, parse, section } from '../audit/testing.test.js';
import type { EvaluationDocument, EvaluationDocumentInput, IndicatorNodeInput } from '../model/index.js';

/** The indicator roots of an input document (its type is loose: `unknown[]`). */
export const roots = (d: EvaluationDocumentInput) => (d.indicators ?? []) as IndicatorNodeInput[];

export function goalsInput(): EvaluationDocumentInput {
  const d = cleanInput();
  d.id = 'goals-2024-qm';
  d.header.stage = 'goals';
  d.header.year = 2024;
  d.header.title = '2024年度质量监管专项绩效目标申报表';
  d.goals = [{ expected: '完成年度质量监督抽查任务，抽检合格率保持在95%以上' }];
  d.funding!.execution = { weight: '10' };
  d.funding!.tables![0]!.rows = [
    { label: '年度资金总额', role: 'total', amounts: { initialBudget: '100' } },
    { label: '其中：本级财政拨款', role: 'item', amounts: { initialBudget: '80' } },
    { label: '上级财政拨款', role: 'item', amounts: { initialBudget: '20' } },
  ];
  const strip = (nodes: IndicatorNodeInput[]) => {
    for (const n of nodes) {
      delete n.actual;
      delete n.printedScore;
      if (n.children) strip(n.children);
    }
  };
  roots(d)[0]!.children!.push(
    section('out.time', '时效指标', [leaf('t1', '抽检报告出具时间', { weight: '0', target: '10个工作日内' })]),
    section('out.cost', '成本指标', [leaf('c1', '单批次抽检成本', { weight: '0', target: '≤700元/批次' })]),
  );
  strip(roots(d));
  delete d.meta!.printedTotal;
  delete d.meta!.printedGrade;
  return d;
}

export function goalsDoc(change?: (d: EvaluationDocumentInput) => void): EvaluationDocument {
  const d = goalsInput();
  change?.(d);
  return parse(d);
}

describe('goals test builders', () => {
  it('the goal declaration is valid and has no goal-declaration findings', () => {
    const f = auditDocument(goalsDoc()).findings.filter((x) => x.family === 'goals' || x.family === 'quality');
    expect(f).toEqual([]);
  });
});
