import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/index.js';
import { getRuleSet, listRuleSets, parseRuleSet, ruleSetRef } from './registry.js';

describe('shipped rule sets', () => {
  it('are the four schemes of the seeds, each valid data', () => {
    expect(listRuleSets().map(ruleSetRef)).toEqual([
      'national-project@1.0.0',
      'national-department@1.0.0',
      'yunnan-2017@1.0.0',
      'nanchang-2014@1.0.0',
    ]);
  });

  it.each(listRuleSets().map((r) => [ruleSetRef(r), r] as const))('%s serialises to JSON and back unchanged', (_ref, rs) => {
    const back = parseRuleSet(JSON.parse(JSON.stringify(rs)));
    expect(back.ok && back.ruleSet).toEqual(rs);
  });

  it.each(listRuleSets().map((r) => [ruleSetRef(r), r] as const))('%s documents its choices and sources', (_ref, rs) => {
    expect(rs.sources.length).toBeGreaterThan(0);
    expect(rs.choices.length).toBeGreaterThan(0);
  });

  it('national project scheme weighs execution 10, 产出 50, 效益 30, 满意度 10', () => {
    const rs = getRuleSet('national-project')!;
    const weights = [rs.execution?.weight, ...rs.sections.filter((s) => s.weight).map((s) => s.weight)];
    expect(Dec.sum(weights.map((w) => Dec.of(w!))).toString()).toBe('100');
  });

  it('the Nanchang framework adds up to 110, the contradiction its audit must report', () => {
    const rs = getRuleSet('nanchang-2014')!;
    expect(Dec.sum(rs.sections.map((s) => Dec.of(s.weight!))).toString()).toBe('110');
  });

  it('looks up by id (newest) or id@version, and refuses unknown ones', () => {
    expect(getRuleSet('yunnan-2017')?.version).toBe('1.0.0');
    expect(getRuleSet('yunnan-2017@1.0.0')?.id).toBe('yunnan-2017');
    expect(getRuleSet('yunnan-2017@9.9.9')).toBeUndefined();
    expect(getRuleSet('nope')).toBeUndefined();
  });

  it('rejects malformed rule sets with the path of each problem', () => {
    const r = parseRuleSet({ id: 'Bad Id', version: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.some((i) => i.startsWith('id:'))).toBe(true);
      expect(r.issues.some((i) => i.startsWith('version:'))).toBe(true);
    }
  });
});
