/**
 * Builders shared by the audit tests: a small consistent document (zero findings), variants of it,
 * and the seed fixtures. Imported by the other test files of this folder.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../model/index.js';
import type { EvaluationDocument, EvaluationDocumentInput, IndicatorNodeInput } from '../model/index.js';
import { auditDocument } from './index.js';
import type { AuditOptions, Finding } from './index.js';

export function leaf(id: string, name: string, fields: Partial<IndicatorNodeInput> = {}): IndicatorNodeInput {
  return { id, name, ...fields };
}

export function section(id: string, name: string, children: IndicatorNodeInput[], fields: Partial<IndicatorNodeInput> = {}): IndicatorNodeInput {
  return { id, name, ...fields, children };
}

/**
 * A project self-evaluation that adds up everywhere: funding items sum to the total, the execution
 * rate and score are right, weights add to 100 (execution 10 + 50 + 30 + 10), every indicator is met
 * with full marks, the total is 99 and the grade 优.
 */
export function cleanInput(): EvaluationDocumentInput {
  return {
    schemaVersion: 1,
    id: 'clean',
    ruleSet: 'national-project',
    header: { title: '2023年度质量监管专项绩效自评', level: 'project', year: 2023, organisation: '某市市场监督管理局', projectName: '质量监管专项' },
    funding: {
      unit: '万元',
      tables: [
        {
          id: 'funding',
          title: '项目资金（万元）',
          kind: 'project-funding',
          unit: '万元',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { initialBudget: '100', annualBudget: '100', executed: '90' } },
            { label: '其中：本级财政拨款', role: 'item', amounts: { initialBudget: '80', annualBudget: '80', executed: '70' } },
            { label: '上级财政拨款', role: 'item', amounts: { initialBudget: '20', annualBudget: '20', executed: '20' } },
          ],
        },
      ],
      execution: { weight: '10', printedRate: '90%', printedScore: '9' },
    },
    indicators: [
      section('out', '产出指标', [
        section('out.qty', '数量指标', [leaf('q1', '监督抽查批次', { weight: '30', target: '≥600批次', actual: '620批次', printedScore: '30' })]),
        section('out.qual', '质量指标', [leaf('q2', '抽检合格率', { weight: '20', target: '≥95%', actual: '96%', printedScore: '20' })]),
      ], { declaredWeight: '50' }),
      section('ben', '效益指标', [
        section('ben.soc', '社会效益指标', [leaf('b1', '投诉处理办结率', { weight: '30', target: '≥90%', actual: '95%', printedScore: '30' })]),
      ], { declaredWeight: '30' }),
      section('sat', '满意度指标', [
        section('sat.svc', '服务对象满意度指标', [leaf('s1', '服务对象满意度', { weight: '10', target: '≥90%', actual: '92%', printedScore: '10' })]),
      ], { declaredWeight: '10' }),
    ],
    meta: { printedTotal: '99', printedGrade: '优', team: [], problems: [], measures: [] },
  };
}

export function parse(input: EvaluationDocumentInput): EvaluationDocument {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(`invalid test document: ${r.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return r.document;
}

/** The clean document after `change` (which edits the input in place). */
export function variant(change: (d: EvaluationDocumentInput) => void): EvaluationDocument {
  const input = cleanInput();
  change(input);
  return parse(input);
}

/** A node of the input tree by id (depth-first). */
export function node(d: EvaluationDocumentInput, id: string): IndicatorNodeInput {
  const stack: IndicatorNodeInput[] = [...((d.indicators ?? []) as IndicatorNodeInput[]), ...(d.projects ?? []).flatMap((p) => (p.indicators ?? []) as IndicatorNodeInput[])];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.id === id) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no node ${id}`);
}

export function findings(doc: EvaluationDocument, options?: AuditOptions): Finding[] {
  return auditDocument(doc, options).findings;
}

export function codes(doc: EvaluationDocument, options?: AuditOptions): string[] {
  return findings(doc, options).map((f) => f.code);
}

export function withCode(doc: EvaluationDocument, code: string, options?: AuditOptions): Finding[] {
  return findings(doc, options).filter((f) => f.code === code);
}

export function seed(id: string): EvaluationDocument {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/seeds/${id}.json`, import.meta.url), 'utf8'));
  const r = parseDocument(json);
  if (!r.ok) throw new Error(`seed ${id} invalid`);
  return r.document;
}

describe('audit test builders', () => {
  it('the clean document is valid and has no findings at all', () => {
    expect(findings(parse(cleanInput()))).toEqual([]);
  });
});
