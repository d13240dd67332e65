import { describe, expect, it } from 'vitest';
import { cleanInput, codes, leaf, node, parse, section, variant, withCode } from '../testing.test.js';

describe('WEIGHT-SECTION-DECLARED', () => {
  it('a declared section weight against the sum of its indicators (seed 000: 满意度 10 vs 5)', () => {
    const doc = variant((d) => (node(d, 'sat').declaredWeight = '20'));
    expect(withCode(doc, 'WEIGHT-SECTION-DECLARED')[0]).toMatchObject({
      severity: 'error',
      path: '$.indicators[2].declaredWeight',
      location: '满意度指标',
      figures: { declared: '20', indicators: '10', difference: '-10' },
    });
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-SECTION-DECLARED');
  });

  it('with unweighted indicators below (an unitemised remainder), only a sum above the label is reported', () => {
    const partial = variant((d) => {
      node(d, 'ben').declaredWeight = '40';
      node(d, 'ben.soc').children!.push(leaf('b2', '社会影响', { target: '逐步提高', actual: '逐步提高' }));
    });
    expect(codes(partial)).not.toContain('WEIGHT-SECTION-DECLARED');
    const over = variant((d) => {
      node(d, 'ben').declaredWeight = '20';
      node(d, 'ben.soc').children!.push(leaf('b2', '社会影响', { target: '逐步提高', actual: '逐步提高' }));
    });
    expect(codes(over)).toContain('WEIGHT-SECTION-DECLARED');
  });

  it('empty placeholder sections do not count', () => {
    const doc = variant((d) => node(d, 'ben').children!.push(section('ben.eco', '生态效益指标', [])));
    expect(codes(doc)).not.toContain('WEIGHT-SECTION-DECLARED');
  });
});

describe('WEIGHT-SECTION-SUM', () => {
  it('a weighted parent whose weighted children disagree', () => {
    const doc = variant((d) => (node(d, 'out.qty').weight = '25'));
    expect(withCode(doc, 'WEIGHT-SECTION-SUM')[0]).toMatchObject({ path: '$.indicators[0].children[0].weight', figures: { weight: '25', indicators: '30' } });
    const ok = variant((d) => (node(d, 'out.qty').weight = '30'));
    expect(codes(ok)).not.toContain('WEIGHT-SECTION-SUM');
  });
});

describe('WEIGHT-TOTAL and WEIGHT-RULESET', () => {
  it('execution weight + section weights against the rule set total (seed 003: 110)', () => {
    const doc = variant((d) => {
      node(d, 'sat').declaredWeight = '20';
      node(d, 's1').weight = '20';
      node(d, 's1').printedScore = '20';
      d.meta!.printedTotal = '109';
    });
    expect(withCode(doc, 'WEIGHT-TOTAL')[0]).toMatchObject({ severity: 'error', path: '$.indicators', figures: { total: '110', expected: '100' } });
    expect(withCode(doc, 'WEIGHT-RULESET')[0]).toMatchObject({ severity: 'info', figures: { weight: '20', scheme: '10' } });
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-TOTAL');
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-RULESET');
  });

  it('a section carrying only a declared weight counts with that weight', () => {
    const doc = variant((d) => d.indicators!.push(section('in', '投入指标', [], { declaredWeight: '10' })));
    expect(withCode(doc, 'WEIGHT-TOTAL')[0]!.figures['total']).toBe('110');
  });
});

describe('WEIGHT-SCORE-ABOVE and WEIGHT-NEGATIVE', () => {
  it('a score above its weight', () => {
    const doc = variant((d) => (node(d, 'q1').printedScore = '31'));
    expect(withCode(doc, 'WEIGHT-SCORE-ABOVE')[0]).toMatchObject({ path: '$.indicators[0].children[0].children[0].printedScore', figures: { printed: '31', weight: '30' } });
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-SCORE-ABOVE');
  });

  it('an execution score above its weight', () => {
    const doc = variant((d) => (d.funding!.execution!.printedScore = '11'));
    expect(withCode(doc, 'WEIGHT-SCORE-ABOVE').map((f) => f.path)).toContain('$.funding.execution.printedScore');
  });

  it('negative weights and scores', () => {
    const doc = variant((d) => (node(d, 'q1').printedScore = '-1'));
    expect(withCode(doc, 'WEIGHT-NEGATIVE')[0]).toMatchObject({ figures: { value: '-1', field: 'printedScore' } });
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-NEGATIVE');
  });
});

describe('WEIGHT-MISSING', () => {
  it('an indicator with a target but no weight among weighted ones', () => {
    const doc = variant((d) => node(d, 'out.qty').children!.push(leaf('q3', '培训人次', { target: '≥100人次', actual: '120人次' })));
    expect(withCode(doc, 'WEIGHT-MISSING')[0]).toMatchObject({ severity: 'warning', path: '$.indicators[0].children[0].children[1]' });
    expect(codes(parse(cleanInput()))).not.toContain('WEIGHT-MISSING');
  });

  it('details of a section scored as a whole are not missing weights (seed 002’s 产出)', () => {
    const doc = variant((d) => {
      const out = node(d, 'out');
      out.children = [leaf('o1', '年度计划完成率', { target: '能圆满完成计划', actual: '完成' })];
      out.printedScore = '50';
    });
    expect(codes(doc)).not.toContain('WEIGHT-MISSING');
  });
});
