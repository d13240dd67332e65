/**
 * Property tests: documents consistent by construction (funding sums, execution rate and score,
 * weights adding to the rule set total, scores equal to the rule-computed ones, total and grade)
 * have no error-level finding; changing any one figure brings the matching code.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/index.js';
import type { EvaluationDocumentInput, IndicatorNodeInput } from '../model/index.js';
import { getRuleSet } from '../rulesets/index.js';
import { gradeFor } from '../scoring/index.js';
import { auditDocument } from './index.js';
import { parse } from './testing.test.js';

const RS = getRuleSet('national-project')!;
const UNITS = ['批次', '家', '人次', '次', '%'] as const;

interface LeafSpec {
  weight: number;
  unit: (typeof UNITS)[number];
  target: number;
  /** Actual as a share of the target, in hundredths (60 … 140). */
  share: number;
}

interface Spec {
  items: Array<{ budget: number; executed: number }>;
  leaves: LeafSpec[];
}

/** Splits `total` into `parts` positive integers. */
function split(total: number, cuts: number[]): number[] {
  const points = [...new Set(cuts.map((c) => 1 + (c % (total - 1))))].sort((a, b) => a - b);
  const out: number[] = [];
  let prev = 0;
  for (const p of [...points, total]) {
    if (p > prev) out.push(p - prev);
    prev = p;
  }
  return out;
}

const leafArb = (weight: number) =>
  fc.record({
    weight: fc.constant(weight),
    unit: fc.constantFrom(...UNITS),
    target: fc.integer({ min: 1, max: 5000 }),
    share: fc.integer({ min: 60, max: 140 }),
  });

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    items: fc.array(fc.record({ budget: fc.integer({ min: 1, max: 1_000_000 }), executed: fc.integer({ min: 0, max: 1_000_000 }) }), { minLength: 1, maxLength: 4 }),
    // Weights of the leaves: 产出 (two leaves at least), 效益 and 满意度 split 90 between them.
    cuts: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 7 }),
  })
  .chain(({ items, cuts }) => {
    const weights = split(90, cuts);
    while (weights.length < 4) {
      const big = weights.indexOf(Math.max(...weights));
      const w = weights[big]!;
      weights.splice(big, 1, Math.ceil(w / 2), Math.floor(w / 2));
    }
    return fc.tuple(...weights.map((w) => leafArb(w))).map((leaves) => ({ items, leaves }));
  });

const cents = (n: number) => Dec.fromUnits(BigInt(n), 2);

/** Actual value of a leaf: target × share ÷ 100, rounded to an integer (percentages capped at 100). */
function actualOf(l: LeafSpec): Dec {
  let a = Dec.fromInt(l.target).times(Dec.fromInt(l.share)).div(Dec.HUNDRED, 0)!;
  if (l.unit === '%') {
    const t = Dec.fromInt(Math.min(l.target, 100));
    a = Dec.min(t.times(Dec.fromInt(l.share)).div(Dec.HUNDRED, 0)!, Dec.HUNDRED);
  }
  return a;
}

function targetOf(l: LeafSpec): Dec {
  return l.unit === '%' ? Dec.fromInt(Math.min(l.target, 100)) : Dec.fromInt(l.target);
}

/** The score the national rules give: full weight when met, weight × actual ÷ target otherwise. */
function scoreOf(l: LeafSpec): Dec {
  const t = targetOf(l);
  const a = actualOf(l);
  const w = Dec.fromInt(l.weight);
  return a.gte(t) ? w : w.times(a).div(t, 2, 'half-up')!;
}

function build(spec: Spec): EvaluationDocumentInput {
  const budget = Dec.sum(spec.items.map((i) => cents(i.budget)));
  const executed = Dec.sum(spec.items.map((i) => cents(i.executed)));
  const rate = executed.times(Dec.HUNDRED).div(budget, 2, 'half-up')!;
  const weight = Dec.fromInt(10);
  const execScore = executed.gt(budget) ? weight : weight.times(executed).div(budget, 2, 'half-up')!;
  const leafNodes: IndicatorNodeInput[] = spec.leaves.map((l, i) => {
    const unit = l.unit === '%' ? '%' : l.unit;
    const met = actualOf(l).gte(targetOf(l));
    return {
      id: `l${i}`,
      name: `指标${'甲乙丙丁戊己庚辛壬癸'[i] ?? i}完成量`,
      weight: String(l.weight),
      target: `≥${targetOf(l).toString()}${unit}`,
      actual: `${actualOf(l).toString()}${unit}`,
      printedScore: scoreOf(l).toString(),
      ...(met ? {} : { deviationReason: '任务调整' }),
    };
  });
  const [q1, q2, b1, ...sat] = leafNodes;
  const sum = (nodes: IndicatorNodeInput[]) => String(nodes.reduce((s, n) => s + Number(n.weight), 0));
  const total = Dec.sum([execScore, ...spec.leaves.map(scoreOf)]);
  return {
    schemaVersion: 1,
    ruleSet: 'national-project',
    header: { title: '性质测试', level: 'project', year: 2023, organisation: '某局', projectName: '测试项目' },
    funding: {
      unit: '万元',
      tables: [
        {
          id: 'f',
          kind: 'project-funding',
          unit: '万元',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { annualBudget: budget.toString(), executed: executed.toString() } },
            ...spec.items.map((it, i) => ({ label: `来源${i + 1}`, role: 'item' as const, amounts: { annualBudget: cents(it.budget).toString(), executed: cents(it.executed).toString() } })),
          ],
        },
      ],
      execution: { weight: '10', printedRate: `${rate.toFixed(2)}%`, printedScore: execScore.toString() },
    },
    indicators: [
      {
        id: 'out',
        name: '产出指标',
        declaredWeight: sum([q1!, q2!]),
        children: [
          { id: 'qty', name: '数量指标', children: [q1!] },
          { id: 'qual', name: '质量指标', children: [q2!] },
        ],
      },
      { id: 'ben', name: '效益指标', declaredWeight: sum([b1!]), children: [{ id: 'soc', name: '社会效益指标', children: [b1!] }] },
      { id: 'sat', name: '满意度指标', declaredWeight: sum(sat), children: [{ id: 'svc', name: '服务对象满意度指标', children: sat }] },
    ],
    meta: { printedTotal: total.toString(), printedGrade: gradeFor(total, RS), team: [], problems: [], measures: [] },
  };
}

function errors(input: EvaluationDocumentInput): string[] {
  return auditDocument(parse(input)).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path} ${f.message}`);
}

function allCodes(input: EvaluationDocumentInput): string[] {
  return auditDocument(parse(input)).findings.map((f) => f.code);
}

function leaves(input: EvaluationDocumentInput): IndicatorNodeInput[] {
  const out: IndicatorNodeInput[] = [];
  const walk = (nodes: readonly IndicatorNodeInput[]) => {
    for (const n of nodes) {
      if (n.children?.length) walk(n.children);
      else out.push(n);
    }
  };
  walk((input.indicators ?? []) as IndicatorNodeInput[]);
  return out;
}

const shift = (text: string, delta: string) => Dec.of(text).plus(Dec.of(delta)).toString();

describe('consistent documents', () => {
  it('have no error-level finding', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(errors(build(spec))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('changing one figure brings the matching code', () => {
  it('a funding item → ARITH-FUNDING-SUM', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.constantFrom('3', '-3', '12.5'), (spec, k, delta) => {
        const input = build(spec);
        const rows = input.funding!.tables![0]!.rows;
        const row = rows[1 + (k % (rows.length - 1))]!;
        row.amounts!.annualBudget = shift(row.amounts!.annualBudget!, delta);
        expect(allCodes(input)).toContain('ARITH-FUNDING-SUM');
      }),
      { numRuns: 60 },
    );
  });

  it('the printed execution rate → ARITH-EXEC-RATE', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom('1', '-0.5', '0.02'), (spec, delta) => {
        const input = build(spec);
        const ex = input.funding!.execution!;
        // Keep two decimals: “783.4%” would be a fair rounding of 783.38%.
        ex.printedRate = `${Dec.of(ex.printedRate!.replace('%', '')).plus(Dec.of(delta)).toFixed(2)}%`;
        expect(allCodes(input)).toContain('ARITH-EXEC-RATE');
      }),
      { numRuns: 60 },
    );
  });

  it('a weight → WEIGHT-SECTION-DECLARED', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), (spec, k) => {
        const input = build(spec);
        const list = leaves(input);
        const leaf = list[k % list.length]!;
        leaf.weight = shift(leaf.weight!, '1');
        expect(allCodes(input)).toContain('WEIGHT-SECTION-DECLARED');
      }),
      { numRuns: 60 },
    );
  });

  it('a score → SCORE-ITEM-DIFFERS (and the total no longer adds up)', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), (spec, k) => {
        const input = build(spec);
        const list = leaves(input);
        const leaf = list[k % list.length]!;
        leaf.printedScore = shift(leaf.printedScore!, '-0.5');
        const found = allCodes(input);
        expect(found).toContain('SCORE-ITEM-DIFFERS');
        expect(found).toContain('ARITH-TOTAL-SUM');
      }),
      { numRuns: 60 },
    );
  });

  it('the printed total → ARITH-TOTAL-SUM', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom('0.5', '-1', '3'), (spec, delta) => {
        const input = build(spec);
        input.meta!.printedTotal = shift(input.meta!.printedTotal!, delta);
        expect(allCodes(input)).toContain('ARITH-TOTAL-SUM');
      }),
      { numRuns: 60 },
    );
  });
});

describe('robustness', () => {
  const damaged = ['', '/', '0', '-5', '100%', '≥', '逐步提高', '12,345.6万元', '2021年1-12月', 'x'.repeat(300)];
  it('never throws on seeds with fields removed or replaced by odd text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('000', '001', '002', '003', '004'),
        fc.nat(),
        fc.constantFrom('weight', 'declaredWeight', 'printedScore', 'target', 'actual', 'name', 'lastYearActual'),
        fc.option(fc.constantFrom(...damaged), { nil: undefined }),
        (id, k, field, value) => {
          const input = JSON.parse(readFileSync(new URL(`../../fixtures/seeds/${id}.json`, import.meta.url), 'utf8')) as EvaluationDocumentInput;
          const all: IndicatorNodeInput[] = [];
          const walk = (nodes: readonly IndicatorNodeInput[]) => {
            for (const n of nodes) {
              all.push(n);
              walk(n.children ?? []);
            }
          };
          walk((input.indicators ?? []) as IndicatorNodeInput[]);
          for (const p of input.projects ?? []) walk((p.indicators ?? []) as IndicatorNodeInput[]);
          const target = all[k % Math.max(all.length, 1)];
          if (target) {
            const isDecimalField = field === 'weight' || field === 'declaredWeight' || field === 'printedScore';
            if (field === 'name') target.name = value ?? '';
            else if (value === undefined || (isDecimalField && !/^-?\d+(\.\d+)?$/.test(value))) delete (target as Record<string, unknown>)[field];
            else (target as Record<string, unknown>)[field] = value;
          }
          const result = auditDocument(parse(input));
          expect(result.counts.error + result.counts.warning + result.counts.info).toBe(result.findings.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
