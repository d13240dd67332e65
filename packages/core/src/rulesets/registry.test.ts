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

describe('monitoring and results blocks', () => {
  const base = () => JSON.parse(JSON.stringify(getRuleSet('national-project')!)) as Record<string, unknown>;

  it('default when absent: checkpoints 25 / 40 / 60 / 80%, 10 points, 10 working days, 优良中差 → 优先保障 / 保障 / 压缩 / 取消', () => {
    const input = base();
    delete input['monitoring'];
    delete input['results'];
    const r = parseRuleSet(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ruleSet.monitoring.checkpoints).toEqual([
      { month: 4, minExecution: '0.25' },
      { month: 6, minExecution: '0.40' },
      { month: 8, minExecution: '0.60' },
      { month: 10, minExecution: '0.80' },
    ]);
    expect(r.ruleSet.monitoring).toMatchObject({ maxGapPoints: '10', tolerance: '0.1', responseWorkingDays: 10 });
    expect(r.ruleSet.results.tiers.map((t) => `${t.grade}:${t.treatment}`)).toEqual(['优:priority', '良:maintain', '中:reduce', '差:cancel']);
    expect(r.ruleSet.results).toMatchObject({ lowExecution: '0.6', seriousSeverities: ['error'], listGrades: ['中', '差'] });
  });

  it('the defaults are fresh objects, never shared between rule sets', () => {
    const [a, b] = listRuleSets();
    expect(a!.monitoring).toEqual(b!.monitoring);
    expect(a!.monitoring).not.toBe(b!.monitoring);
  });

  it('a province states its own thresholds', () => {
    const input = { ...base(), monitoring: { checkpoints: [{ month: 6, minExecution: '0.5' }, { month: 9, minExecution: '0.75' }], maxGapPoints: '15', responseWorkingDays: 5 } };
    const r = parseRuleSet(input);
    expect(r.ok && r.ruleSet.monitoring).toMatchObject({ checkpoints: [{ month: 6 }, { month: 9 }], maxGapPoints: '15', responseWorkingDays: 5, tolerance: '0.1' });
  });

  it.each([
    [{ monitoring: { checkpoints: [{ month: 6, minExecution: '0.4' }, { month: 4, minExecution: '0.5' }] } }, 'monitoring.checkpoints.1.month'],
    [{ monitoring: { checkpoints: [{ month: 4, minExecution: '0.4' }, { month: 6, minExecution: '0.3' }] } }, 'monitoring.checkpoints.1.minExecution'],
    [{ monitoring: { checkpoints: [{ month: 13, minExecution: '0.4' }] } }, 'monitoring.checkpoints.0.month'],
    [{ monitoring: { tolerance: '1.5' } }, 'monitoring.tolerance'],
    [{ monitoring: { respondTo: ['MON-UNKNOWN'] } }, 'monitoring.respondTo.0'],
    [{ results: { tiers: [{ grade: '优', treatment: 'priority' }, { grade: '优', treatment: 'cancel' }] } }, 'results.tiers.1.grade'],
    [{ results: { tiers: [{ grade: 'A', treatment: 'priority' }, { grade: '良', treatment: 'maintain' }, { grade: '中', treatment: 'reduce' }, { grade: '差', treatment: 'cancel' }] } }, 'results.tiers.0.grade'],
    [{ results: { tiers: [{ grade: '优', treatment: 'keep' }] } }, 'results.tiers.0.treatment'],
    [{ results: { tiers: [{ grade: '优', treatment: 'reduce' }, { grade: '良', treatment: 'maintain' }, { grade: '中', treatment: 'reduce' }, { grade: '差', treatment: 'cancel' }] } }, 'results.tiers'],
    [{ results: { lowExecution: '-0.1' } }, 'results.lowExecution'],
  ])('refuses %j at %s', (patch, path) => {
    const r = parseRuleSet({ ...base(), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });
});
