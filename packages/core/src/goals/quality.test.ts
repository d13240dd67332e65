import { describe, expect, it } from 'vitest';
import { seed } from '../audit/testing.test.js';
import type { EvaluationDocument } from '../model/index.js';
import { goalQuality, GOAL_QUALITY_FAMILIES } from './index.js';
import { goalsDoc, roots } from './testing.test.js';

const codesOf = (doc: EvaluationDocument, options?: Parameters<typeof goalQuality>[1]) => goalQuality(doc, options).findings.map((f) => f.code);

describe('goalQuality', () => {
  it('a sound declaration has nothing to report', () => {
    expect(goalQuality(goalsDoc())).toEqual({ findings: [], counts: { error: 0, warning: 0, info: 0 }, ruleSet: 'national-project@1.0.0' });
  });

  it('keeps only the indicator-quality, across-years and goal families', () => {
    const families = new Set(goalQuality(seed('000')).findings.map((f) => f.family));
    for (const f of families) expect(GOAL_QUALITY_FAMILIES).toContain(f);
    expect(families.has('quality')).toBe(true);
  });

  it('reads a draft as a declaration whatever its stage: no missing-actual findings, goal checks on', () => {
    const codes = codesOf(seed('000'));
    expect(codes).toContain('SMART-VAGUE-TARGET');
    expect(codes).not.toContain('SMART-MISSING-ACTUAL');
    expect(codes).toContain('GOAL-MISSING-CATEGORY');
  });

  it.each([
    ['a vague target', (d: EvaluationDocument) => (d.indicators[1]!.children![0]!.children![0]!.target = '逐步提高'), 'SMART-VAGUE-TARGET'],
    ['a number without a unit', (d: EvaluationDocument) => (d.indicators[0]!.children![0]!.children![0]!.target = '600'), 'SMART-NO-UNIT'],
    ['a target below last year’s actual', (d: EvaluationDocument) => (d.indicators[0]!.children![0]!.children![0]!.lastYearActual = '650批次'), 'HIST-TARGET-BELOW-LAST'],
    ['no money requested', (d: EvaluationDocument) => (d.funding!.tables[0]!.rows[0]!.amounts = {}), 'GOAL-NO-MONEY'],
    ['no overall goal', (d: EvaluationDocument) => (d.goals = []), 'GOAL-NO-OVERALL'],
    ['no timeliness indicator', (d: EvaluationDocument) => d.indicators[0]!.children!.splice(2, 1), 'GOAL-MISSING-CATEGORY'],
  ])('reports %s', (_name, change, code) => {
    const doc = goalsDoc();
    change(doc);
    expect(codesOf(doc)).toContain(code);
  });

  it('reports a target below last year’s self-evaluation, given as history', () => {
    const last = goalsDoc((d) => {
      d.header.year = 2023;
      d.header.stage = 'self-evaluation';
      roots(d)[0]!.children![0]!.children![0]!.actual = '700批次';
    });
    expect(codesOf(goalsDoc(), { history: [last] })).toContain('HIST-TARGET-BELOW-LAST');
  });

  it('reports targets copied from another project, given as peers', () => {
    const other = goalsDoc((d) => {
      d.id = 'other';
      d.header.projectName = '食品安全专项';
    });
    expect(codesOf(goalsDoc(), { peers: [other] })).toContain('GOAL-COPIED-PEER');
  });

  it('counts match the findings, and other families can be asked for', () => {
    const r = goalQuality(seed('000'), { families: ['arithmetic'] });
    expect(r.findings.every((f) => f.family === 'arithmetic')).toBe(true);
    expect(r.counts.error + r.counts.warning + r.counts.info).toBe(r.findings.length);
  });
});
