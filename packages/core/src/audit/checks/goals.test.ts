import { describe, expect, it } from 'vitest';
import type { EvaluationDocumentInput, IndicatorNodeInput } from '../../model/index.js';
import { cleanInput, codes, leaf, node, parse, section, withCode } from '../testing.test.js';

/** The indicator roots of an input document (its type is loose: `unknown[]`). */
const roots = (d: EvaluationDocumentInput) => (d.indicators ?? []) as IndicatorNodeInput[];

/** The clean document as a goal declaration: actuals and scores removed, all six categories present. */
function goalsInput(): EvaluationDocumentInput {
  const d = cleanInput();
  d.header.stage = 'goals';
  d.goals = [{ expected: '完成年度质量监督抽查任务，抽检合格率保持在95%以上' }];
  d.funding!.execution = { weight: '10' };
  for (const r of d.funding!.tables![0]!.rows) r.amounts = { annualBudget: r.amounts?.annualBudget ?? '0' };
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

const goalCodes = (d: EvaluationDocumentInput) => codes(parse(d)).filter((c) => c.startsWith('GOAL-'));

describe('goal declaration checks', () => {
  it('a complete declaration has no GOAL- findings', () => {
    expect(goalCodes(goalsInput())).toEqual([]);
  });

  it('do not run on self-evaluations (the seeds and the clean document)', () => {
    const d = cleanInput();
    d.goals = [];
    d.funding = undefined;
    expect(codes(parse(d)).filter((c) => c.startsWith('GOAL-'))).toEqual([]);
  });

  it.each([
    ['no money requested', (d: EvaluationDocumentInput) => (d.funding!.tables![0]!.rows[0]!.amounts = {}), 'GOAL-NO-MONEY', '$.funding'],
    ['a zero amount', (d: EvaluationDocumentInput) => (d.funding!.tables![0]!.rows[0]!.amounts = { annualBudget: '0' }), 'GOAL-NO-MONEY', '$.funding'],
    ['no funding table at all', (d: EvaluationDocumentInput) => delete d.funding, 'GOAL-NO-MONEY', '$.funding'],
    ['no overall goal', (d: EvaluationDocumentInput) => (d.goals = []), 'GOAL-NO-OVERALL', '$.goals'],
    ['a blank overall goal', (d: EvaluationDocumentInput) => (d.goals = [{ expected: '  ' }]), 'GOAL-NO-OVERALL', '$.goals'],
  ])('%s', (_name, change, code, path) => {
    const d = goalsInput();
    change(d);
    expect(withCode(parse(d), code)).toEqual([expect.objectContaining({ path, family: 'goals' })]);
  });

  it('money stated on the initial budget column counts as requested', () => {
    const d = goalsInput();
    d.funding!.tables![0]!.rows[0]!.amounts = { initialBudget: '100' };
    expect(goalCodes(d)).toEqual([]);
  });

  it('lists the missing categories in one finding, not those the rule set already requires', () => {
    const d = goalsInput();
    roots(d)[0]!.children = roots(d)[0]!.children!.filter((c) => c.id !== 'out.time' && c.id !== 'out.cost' && c.id !== 'out.qty');
    const f = withCode(parse(d), 'GOAL-MISSING-CATEGORY');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('指标体系缺少时效指标、成本指标。');
    expect(f[0]!.figures).toEqual({ count: '2' });
    // 数量 is the rule set's requirement under 产出: reported once, by SMART-REQUIRED-CATEGORY.
    expect(codes(parse(d))).toContain('SMART-REQUIRED-CATEGORY');
  });

  it('a missing satisfaction section is reported', () => {
    const d = goalsInput();
    d.indicators = roots(d).filter((c) => c.id !== 'sat');
    expect(withCode(parse(d), 'GOAL-MISSING-CATEGORY')[0]!.message).toContain('满意度指标');
  });

  it('embedded projects of a department declaration each need money and an overall goal', () => {
    const d = goalsInput();
    d.projects = [
      { id: 'p1', name: '食品安全专项', funding: '50', goals: [{ expected: '完成抽检' }], indicators: [leaf('p1a', '食品抽检批次', { target: '≥100批次' })] },
      { id: 'p2', name: '特种设备专项', goals: [], indicators: [leaf('p2a', '设备检验台数', { target: '≥50台' })] },
    ];
    const doc = parse(d);
    expect(withCode(doc, 'GOAL-NO-MONEY').map((f) => f.path)).toEqual(['$.projects[1].funding']);
    expect(withCode(doc, 'GOAL-NO-OVERALL').map((f) => f.path)).toEqual(['$.projects[1].goals']);
    expect(withCode(doc, 'GOAL-MISSING-CATEGORY').map((f) => f.location)).toEqual(['食品安全专项 › 指标体系', '特种设备专项 › 指标体系']);
  });

  describe('GOAL-COPIED-PEER', () => {
    const peer = (name: string, org: string, targets: Record<string, string>) => {
      const d = goalsInput();
      d.id = `peer-${name}`;
      d.header.projectName = name;
      d.header.organisation = org;
      node(d, 'q1').target = targets['q1'] ?? '≥600批次';
      node(d, 'q2').target = targets['q2'] ?? '≥95%';
      node(d, 't1').target = targets['t1'] ?? '10个工作日内';
      node(d, 'c1').target = targets['c1'] ?? '≤700元/批次';
      node(d, 'b1').target = targets['b1'] ?? '≥90%';
      return parse(d);
    };

    it('finds distinctive indicators with the same names and targets in another project', () => {
      const f = withCode(parse(goalsInput()), 'GOAL-COPIED-PEER', { peers: [peer('食品安全专项', '某县市场监督管理局', {})] });
      expect(f).toHaveLength(1);
      // 监督抽查批次, 抽检合格率, 抽检报告出具时间, 单批次抽检成本, 投诉处理办结率; not 服务对象满意度 (every project has it).
      expect(f[0]!.figures['matches']).toBe('5');
      expect(f[0]!.message).toContain('食品安全专项');
      expect(f[0]!.message).toContain('监督抽查批次 ≥600批次');
    });

    it('is silent when targets differ, and skips the same project and boilerplate', () => {
      const other = peer('食品安全专项', '某县市场监督管理局', { q1: '≥300批次', q2: '≥90%', t1: '5个工作日内', c1: '≤500元/批次', b1: '≥85%' });
      expect(codes(parse(goalsInput()), { peers: [other] })).not.toContain('GOAL-COPIED-PEER');
      const self = parse(goalsInput());
      expect(codes(parse(goalsInput()), { peers: [self] })).not.toContain('GOAL-COPIED-PEER');
    });
  });
});
