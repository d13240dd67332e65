import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/index.js';
import { parseDocument } from '../model/index.js';
import type { EvaluationDocument, EvaluationDocumentInput, IndicatorNode } from '../model/index.js';
import { getRuleSet } from '../rulesets/index.js';
import { gradeFor, scoreDocument } from './engine.js';
import { scoreReportToJson } from './json.js';

function fixture(id: string): EvaluationDocument {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/seeds/${id}.json`, import.meta.url), 'utf8'));
  const r = parseDocument(raw);
  if (!r.ok) throw new Error(`fixture ${id} invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.document;
}

/** A project document with an execution block and the given indicator sections. */
function doc(indicators: IndicatorNode[], extra: Partial<EvaluationDocumentInput> = {}): EvaluationDocument {
  const input: EvaluationDocumentInput = {
    schemaVersion: 1,
    ruleSet: 'national-project',
    header: { title: '测试', level: 'project', year: 2023, organisation: '某单位' },
    funding: {
      unit: '万元',
      tables: [
        { id: 'f', kind: 'project-funding', unit: '万元', rows: [{ label: '年度资金总额', role: 'total', amounts: { annualBudget: '100', executed: '100' } }] },
      ],
      execution: { weight: '10' },
    },
    indicators,
    ...extra,
  };
  const r = parseDocument(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.document;
}

const leaf = (id: string, weight: string, target: string | undefined, actual: string | undefined, printedScore?: string, more: Partial<IndicatorNode> = {}): IndicatorNode => ({
  id,
  name: `指标${id}`,
  weight,
  ...(target !== undefined ? { target } : {}),
  ...(actual !== undefined ? { actual } : {}),
  ...(printedScore !== undefined ? { printedScore } : {}),
  ...more,
});
const section = (id: string, name: string, children: IndicatorNode[], more: Partial<IndicatorNode> = {}): IndicatorNode => ({ id, name, children, ...more });
const item = (report: ReturnType<typeof scoreDocument>, id: string) => {
  const found = report.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('seed fixtures reproduce their printed totals', () => {
  it('000: 98.4 优, with the execution rate computed as 156.79% (printed 100%) and capped at 10', () => {
    const r = scoreDocument(fixture('000'));
    expect(r.total.toString()).toBe('98.4');
    expect(r.grade).toBe('优');
    expect(r.ruleSet).toBe('national-project@1.0.0');
    expect(r.totalDiffers).toBe(false);
    expect(r.gradeDiffers).toBe(false);
    expect(r.execution?.ratePercent?.toString()).toBe('156.79');
    expect(r.execution?.printedRate).toBe('100%');
    expect(r.execution?.rateDiffers).toBe(true);
    expect(r.execution?.capped).toBe(true);
    expect(r.execution?.computed?.toString()).toBe('10');
  });

  it('000: keeps the satisfaction item written as ≧70% at its printed 4.9, uncomputed', () => {
    const r = scoreDocument(fixture('000'));
    const sat = r.items.find((i) => i.leaf && i.weight?.eq(Dec.of('5')) && i.printed?.eq(Dec.of('4.9')));
    expect(sat?.status).toBe('not-comparable');
    expect(sat?.computed).toBeUndefined();
    expect(sat?.effective?.toString()).toBe('4.9');
  });

  it('004: 99.3', () => {
    const r = scoreDocument(fixture('004'));
    expect(r.total.toString()).toBe('99.3');
    expect(r.ruleSet).toBe('national-department@1.0.0');
    expect(r.execution?.ratePercent?.toString()).toBe('100');
    expect(r.totalDiffers).toBe(false);
  });

  it('002: 97.75 = 13.7 + 29.5 + 29.9 + 24.65, satisfaction computed as 5 × 92.97 ÷ 100 = 4.65', () => {
    const r = scoreDocument(fixture('002'));
    expect(r.total.toString()).toBe('97.75');
    expect(r.execution).toBeUndefined();
    const survey = r.items.find((i) => i.method === 'survey-score');
    expect(survey?.computed?.toString()).toBe('4.65');
    const roots = r.sections.filter((s) => !s.path.includes('children') && s.project === undefined).map((s) => s.score?.toString());
    expect(roots).toEqual(['13.7', '29.5', '29.9', '24.65']);
  });

  it('003: as far as its items are given (58.4 printed, 57.5 by the rules, of the stated 94.5), with the missing items counted', () => {
    const r = scoreDocument(fixture('003'));
    expect(r.ruleSet).toBe('nanchang-2014@1.0.0');
    const printedItems = Dec.sum(r.items.filter((i) => i.leaf && i.printed).map((i) => i.printed!));
    expect(printedItems.toString()).toBe('58.4');
    // The two satisfaction items by the proportional rule: 5 × 90% = 4.5 (printed 5), 5 × 80% = 4 (printed 4.4).
    expect(r.total.toString()).toBe('57.5');
    expect(r.totalDiffers).toBe(true);
    expect(r.missing).toBeGreaterThan(0);
    // Satisfaction by the proportional rule: 80% of 5 is 4, the report says 4.4.
    const sat80 = r.items.find((i) => i.method === 'rate-proportional' && i.printed?.eq(Dec.of('4.4')));
    expect(sat80?.computed?.toString()).toBe('4');
    expect(sat80?.differs).toBe(true);
  });

  it('001: the department report has no table; its projects are scored where they can be', () => {
    const r = scoreDocument(fixture('001'));
    expect(r.items.every((i) => i.project !== undefined)).toBe(true);
  });
});

describe('quantitative indicators (定量)', () => {
  it('gives full weight when the target is met, including the number itself for 以上', () => {
    const r = scoreDocument(doc([section('o', '产出指标', [section('q', '质量指标', [leaf('a', '15', '20%以上', '20%', '15')])])]));
    expect(item(r, 'a').status).toBe('met');
    expect(item(r, 'a').computed?.toString()).toBe('15');
  });

  it('scores proportionally when missed: 20 × 580 ÷ 600 = 19.33', () => {
    const r = scoreDocument(doc([section('o', '产出指标', [section('n', '数量指标', [leaf('a', '20', '600批次以上', '580批次', '20')])])]));
    const a = item(r, 'a');
    expect(a.status).toBe('partly-met');
    expect(a.computed?.toString()).toBe('19.33');
    expect(a.printed?.toString()).toBe('20');
    expect(a.differs).toBe(true);
    expect(a.effective?.toString()).toBe('19.33');
    expect(a.explanation.formula).toBe('分值 × 实际值 ÷ 目标值');
  });

  it('scores less-is-better costs as target ÷ actual: 5 × 700 ÷ 800 = 4.38', () => {
    const r = scoreDocument(doc([section('c', '成本指标', [section('e', '经济成本指标', [leaf('a', '5', '≤700元/批次', '800元/批次')])])]));
    expect(item(r, 'a').computed?.toString()).toBe('4.38');
  });

  it('reads a cost target written without an operator as a ceiling', () => {
    const r = scoreDocument(doc([section('c', '成本指标', [section('e', '成本指标', [leaf('a', '5', '700元/批次', '650元/批次')])])]));
    expect(item(r, 'a').status).toBe('met');
  });

  it('keeps a printed score beside a computed one, never overwriting it', () => {
    const d = doc([section('o', '产出指标', [section('n', '数量指标', [leaf('a', '20', '≥600批次', '300批次', '18')])])]);
    const r = scoreDocument(d);
    expect(item(r, 'a').printed?.toString()).toBe('18');
    expect(item(r, 'a').computed?.toString()).toBe('10');
    expect(d.indicators[0]!.children![0]!.children![0]!.printedScore).toBe('18');
  });
});

describe('qualitative indicators (定性)', () => {
  const q = (printed?: string, actual = '逐步提高') =>
    scoreDocument(doc([section('b', '效益指标', [section('s', '社会效益指标', [leaf('a', '15', '逐步提高', actual, printed)])])]));

  it('accepts a printed score inside the band of the stated completion (80%–100%)', () => {
    const a = item(q('14.5'), 'a');
    expect(a.status).toBe('within-band');
    expect(a.computed?.toString()).toBe('14.5');
    expect(a.differs).toBe(false);
  });

  it('includes the lower bound of the band (80% of 15 = 12)', () => {
    expect(item(q('12'), 'a').status).toBe('within-band');
  });

  it('reports a printed score outside the band and counts the nearest edge', () => {
    const a = item(q('10'), 'a');
    expect(a.status).toBe('outside-band');
    expect(a.computed?.toString()).toBe('12');
    expect(a.differs).toBe(true);
  });

  it('proposes the top of the band when no score is printed', () => {
    const a = item(q(undefined), 'a');
    expect(a.status).toBe('proposed');
    expect(a.computed?.toString()).toBe('15');
  });
});

describe('other formulas', () => {
  it('grades by per-indicator bands (优 100%, 良 80%)', () => {
    const bands = { excellent: 'M≥90%', good: '80%≤M<90%', fair: '60%≤M<80%', poor: 'M<60%' };
    const r = scoreDocument(
      doc([section('o', '产出指标', [leaf('a', '10', undefined, undefined, undefined, { bands, completionRate: '85%' }), leaf('b', '10', undefined, undefined, undefined, { bands, completionRate: '95%' })])]),
    );
    expect(item(r, 'a').computed?.toString()).toBe('8');
    expect(item(r, 'b').computed?.toString()).toBe('10');
  });

  it('takes unitemised parts of a section as printed when the rule set says so', () => {
    const r = scoreDocument(
      doc(
        [
          section('e', '效果', [leaf('x', '5', '≥90%', '95%', '5'), { id: 'y', name: '社会效益', target: '逐步提高', actual: '逐步提高' }], {
            declaredWeight: '25',
            printedScore: '24',
          }),
        ],
        { ruleSet: 'yunnan-2017' },
      ),
    );
    const e = item(r, 'e');
    expect(e.computed?.toString()).toBe('24');
    expect(e.explanation.text).toContain('未分项');
  });

  it('uses an override with its reason for the total, keeping the computed score', () => {
    const r = scoreDocument(
      doc([section('o', '产出指标', [section('n', '数量指标', [leaf('a', '20', '≥600批次', '300批次', undefined, { override: { score: '12', reason: '部分批次延至次年' } })])])]),
    );
    expect(item(r, 'a').computed?.toString()).toBe('10');
    expect(item(r, 'a').effective?.toString()).toBe('12');
    expect(r.total.toString()).toBe('22');
    expect(item(r, 'a').explanation.text).toContain('部分批次延至次年');
  });

  it('cannot compute an execution rate without a 全年预算数, and says so', () => {
    const d = doc([], { funding: { unit: '万元', tables: [], execution: { weight: '10', printedScore: '10' } } });
    const r = scoreDocument(d);
    expect(r.execution?.computed).toBeUndefined();
    expect(r.execution?.effective?.toString()).toBe('10');
    expect(r.execution?.explanation.text).toContain('全年预算数');
  });

  it('scores execution proportionally below 100%: 10 × 77 ÷ 100 = 7.7', () => {
    const d = doc([]);
    d.funding!.tables[0]!.rows[0]!.amounts = { annualBudget: '100', executed: '77' };
    expect(scoreDocument(d).execution?.computed?.toString()).toBe('7.7');
  });
});

describe('grades', () => {
  const rs = getRuleSet('national-project')!;
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s (lower bound included)', (total, grade) => {
    expect(gradeFor(Dec.of(total), rs)).toBe(grade);
  });
});

describe('JSON report', () => {
  it('has decimals as strings and records the rule set', () => {
    const json = scoreReportToJson(scoreDocument(fixture('000')));
    expect(json.total).toBe('98.4');
    expect(json.grade).toBe('优');
    expect(json.printedTotal).toBe('98.4');
    expect(json.ruleSet).toBe('national-project@1.0.0');
    expect(json.sections[0]).toEqual({ name: '产出指标', weight: '50', score: '50' });
    for (const i of json.items) {
      expect(typeof i.explanation).toBe('string');
      expect(i.score === null || /^-?\d+(\.\d+)?$/.test(i.score)).toBe(true);
    }
  });
});
