import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationSummary } from '../analytics/index.js';
import type { EvaluationSummaryInput } from '../analytics/index.js';
import { getRuleSet, parseRuleSet, Treatment } from '../rulesets/index.js';
import { recommendTreatment, recommendTreatments, resultsList } from './index.js';

const rs = getRuleSet('national-project')!;
const S = (x: Partial<EvaluationSummaryInput> & { id: string }) =>
  EvaluationSummary.parse({ org: '甲局', department: '市政府', year: 2023, level: 'project', total: '92', grade: '优', executionRate: '0.95', ...x });

describe('recommendTreatment', () => {
  it.each([
    ['优', '92', 'priority', '优先保障'],
    ['良', '85', 'maintain', '保障'],
    ['中', '70', 'reduce', '压缩'],
    ['差', '50', 'cancel', '取消'],
  ])('%s (%s) → %s', (grade, total, treatment, label) => {
    const r = recommendTreatment(S({ id: 'x', grade, total }), rs);
    expect(r).toMatchObject({ base: treatment, treatment, label, steps: 0, listed: grade === '中' || grade === '差' });
    expect(r.reasons).toEqual([{ code: 'RES-GRADE', message: `评价等级为“${grade}”（${total}分），按规则${label}。`, figures: { grade, total, treatment: label } }]);
  });

  it('low execution moves a 良 project down to 压缩, with the reason', () => {
    const r = recommendTreatment(S({ id: 'x', grade: '良', total: '85', executionRate: '0.55' }), rs);
    expect(r).toMatchObject({ base: 'maintain', treatment: 'reduce', label: '压缩', steps: 1, listed: true, lowExecution: true });
    expect(r.reasons[1]!.message).toBe('预算执行率55%，低于60%，下调1档。');
  });

  it('serious findings (errors by default) move it down too; warnings do not', () => {
    const r = recommendTreatment(S({ id: 'x', findings: [{ family: 'arithmetic', severity: 'error' }, { family: 'quality', severity: 'warning' }] }), rs);
    expect(r).toMatchObject({ treatment: 'maintain', seriousFindings: 1, listed: true });
    expect(r.reasons[1]!.message).toBe('存在1项严重问题（错误），下调1档。');
    expect(recommendTreatment(S({ id: 'y', findings: [{ family: 'quality', severity: 'warning' }] }), rs).treatment).toBe('priority');
  });

  it('never below 取消, and an unknown grade is treated as 保障 with a note', () => {
    expect(recommendTreatment(S({ id: 'x', grade: '差', total: '40', executionRate: '0.1', findings: [{ family: 'a', severity: 'error' }] }), rs)).toMatchObject({ treatment: 'cancel', steps: 0 });
    expect(recommendTreatment(S({ id: 'x', grade: 'A' }), rs)).toMatchObject({ base: 'maintain', reasons: [{ code: 'RES-UNKNOWN-GRADE' }] });
  });

  it('the rule set decides: a province cancelling 中 and counting warnings as serious', () => {
    const strict = parseRuleSet({ ...JSON.parse(JSON.stringify(rs)), results: { tiers: [{ grade: '优', treatment: 'priority' }, { grade: '良', treatment: 'reduce' }, { grade: '中', treatment: 'cancel' }, { grade: '差', treatment: 'cancel' }], seriousSeverities: ['error', 'warning'], lowExecution: '0.9' } });
    if (!strict.ok) throw new Error(strict.issues.join());
    expect(recommendTreatment(S({ id: 'x', grade: '中', total: '70' }), strict.ruleSet).treatment).toBe('cancel');
    expect(recommendTreatment(S({ id: 'x', findings: [{ family: 'q', severity: 'warning' }] }), strict.ruleSet).treatment).toBe('maintain');
    expect(recommendTreatment(S({ id: 'x', executionRate: '0.85' }), strict.ruleSet).treatment).toBe('maintain');
  });

  it('property: monotone in grade — a better grade never gets a less favourable treatment, other facts equal', () => {
    const order = ['优', '良', '中', '差'];
    const finding = fc.record({ family: fc.constantFrom('arithmetic', 'quality'), severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 120 }), fc.array(finding, { maxLength: 4 }), (a, b, rate, findings) => {
        const [better, worse] = a <= b ? [a, b] : [b, a];
        const base = { executionRate: (rate / 100).toFixed(2), findings };
        const x = recommendTreatment(S({ id: 'x', grade: order[better]!, ...base }), rs);
        const y = recommendTreatment(S({ id: 'y', grade: order[worse]!, ...base }), rs);
        expect(Treatment.options.indexOf(x.treatment)).toBeLessThanOrEqual(Treatment.options.indexOf(y.treatment));
      }),
    );
  });

  it('property: monotone in execution — spending less never earns a better treatment', () => {
    fc.assert(
      fc.property(fc.constantFrom('优', '良', '中', '差'), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }), (grade, r1, r2) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = recommendTreatment(S({ id: 'a', grade, executionRate: (lo / 100).toFixed(2) }), rs);
        const b = recommendTreatment(S({ id: 'b', grade, executionRate: (hi / 100).toFixed(2) }), rs);
        expect(Treatment.options.indexOf(a.treatment)).toBeGreaterThanOrEqual(Treatment.options.indexOf(b.treatment));
      }),
    );
  });
});

describe('resultsList', () => {
  const rows = [
    S({ id: 'a', grade: '优', total: '95' }),
    S({ id: 'b', grade: '中', total: '72' }),
    S({ id: 'c', grade: '差', total: '55' }),
    S({ id: 'd', grade: '良', total: '88', executionRate: '0.4' }),
    S({ id: 'e', department: '县政府', grade: '良', total: '82', findings: [{ family: 'arithmetic', severity: 'error' }] }),
    S({ id: 'f', year: 2022, grade: '差', total: '30' }),
  ];

  it('per department: only listed projects, least favourable first, with counts of every treatment', () => {
    const list = resultsList(rows, rs, { year: 2023 });
    expect(list.map((d) => [d.department, d.evaluations, d.items.map((i) => `${i.id}:${i.label}`), d.counts])).toEqual([
      ['县政府', 1, ['e:压缩'], { priority: 0, maintain: 0, reduce: 1, cancel: 0 }],
      ['市政府', 4, ['c:取消', 'b:压缩', 'd:压缩'], { priority: 1, maintain: 0, reduce: 2, cancel: 1 }],
    ]);
  });

  it('every year when none is given; recommendTreatments keeps the input order', () => {
    expect(resultsList(rows, rs).find((d) => d.department === '市政府')!.evaluations).toBe(5);
    expect(recommendTreatments(rows, rs).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
