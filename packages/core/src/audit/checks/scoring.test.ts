import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../scoring/index.js';
import { auditDocument } from '../index.js';
import { cleanInput, codes, leaf, node, parse, variant, withCode } from '../testing.test.js';

describe('SCORE-ITEM-DIFFERS', () => {
  it('a printed score that differs from the rule-computed one beyond the tolerance', () => {
    // 300 of 600 批次: 30 × 0.5 = 15, printed 20.
    const doc = variant((d) => {
      node(d, 'q1').actual = '300批次';
      node(d, 'q1').printedScore = '20';
      node(d, 'q1').deviationReason = '上半年人员不足';
    });
    expect(withCode(doc, 'SCORE-ITEM-DIFFERS')[0]).toMatchObject({ severity: 'error', figures: { printed: '20', computed: '15', weight: '30' } });
  });

  it('accepts a printed score within half a unit of its last place', () => {
    // 95 of ≥ 96%: 20 × 95 ÷ 96 = 19.79…; printed 19.8 agrees.
    const doc = variant((d) => {
      node(d, 'q2').target = '≥96%';
      node(d, 'q2').actual = '95%';
      node(d, 'q2').printedScore = '19.8';
      node(d, 'q2').deviationReason = '个别批次不合格';
      d.meta!.printedTotal = '98.8';
    });
    expect(codes(doc)).not.toContain('SCORE-ITEM-DIFFERS');
  });
});

describe('SCORE-MISSED-FULL', () => {
  it('a missed target with full marks is its own finding, not also SCORE-ITEM-DIFFERS', () => {
    const doc = variant((d) => (node(d, 'q1').actual = '300批次'));
    const found = codes(doc);
    expect(found).toContain('SCORE-MISSED-FULL');
    expect(found).not.toContain('SCORE-ITEM-DIFFERS');
    expect(withCode(doc, 'SCORE-MISSED-FULL')[0]).toMatchObject({ figures: { printed: '30', weight: '30', computed: '15' } });
  });

  it('is silent when the target is met', () => {
    expect(codes(parse(cleanInput()))).not.toContain('SCORE-MISSED-FULL');
  });
});

describe('SCORE-NO-REASON', () => {
  it('points deducted with no 偏差原因 (seed 000: 14.5 / 15)', () => {
    const doc = variant((d) => {
      node(d, 'q1').actual = '580批次';
      node(d, 'q1').printedScore = '29';
      d.meta!.printedTotal = '98';
    });
    expect(withCode(doc, 'SCORE-NO-REASON')[0]).toMatchObject({
      severity: 'warning',
      path: '$.indicators[0].children[0].children[0].deviationReason',
      figures: { printed: '29', weight: '30', deducted: '1' },
    });
  });

  it('is silent when a reason is given, or a placeholder is not one', () => {
    const reasoned = variant((d) => {
      node(d, 'q1').actual = '580批次';
      node(d, 'q1').printedScore = '29';
      node(d, 'q1').deviationReason = '抽检任务调整';
      d.meta!.printedTotal = '98';
    });
    expect(codes(reasoned)).not.toContain('SCORE-NO-REASON');
    const slash = variant((d) => {
      node(d, 'q1').actual = '580批次';
      node(d, 'q1').printedScore = '29';
      node(d, 'q1').deviationReason = '/';
      d.meta!.printedTotal = '98';
    });
    expect(codes(slash)).toContain('SCORE-NO-REASON');
  });
});

describe('SCORE-TARGET-TOO-LOW', () => {
  it('an actual at 1.5 × the target or more (more is better)', () => {
    const doc = variant((d) => (node(d, 'q1').actual = '900批次'));
    expect(withCode(doc, 'SCORE-TARGET-TOO-LOW')[0]).toMatchObject({ figures: { ratio: '1.5', factor: '1.5' } });
    expect(codes(variant((d) => (node(d, 'q1').actual = '890批次')))).not.toContain('SCORE-TARGET-TOO-LOW');
  });

  it('an actual at 0.5 × the target or less (less is better)', () => {
    const doc = variant((d) => {
      node(d, 'q1').name = '单位抽检成本';
      node(d, 'q1').target = '≤700元/批次';
      node(d, 'q1').actual = '300元/批次';
    });
    expect(withCode(doc, 'SCORE-TARGET-TOO-LOW')[0]).toMatchObject({ figures: { factor: '0.5' } });
  });

  it('compares across convertible units only', () => {
    const doc = variant((d) => {
      node(d, 'q1').target = '≥10万元';
      node(d, 'q1').actual = '200000元';
    });
    expect(withCode(doc, 'SCORE-TARGET-TOO-LOW')[0]!.figures['ratio']).toBe('2');
  });
});

describe('SCORE-UNCOMPUTED and SCORE-MISSING', () => {
  it('an item that cannot be computed is info, with its printed score taken', () => {
    const doc = variant((d) => (node(d, 's1').actual = '≧90%'));
    expect(withCode(doc, 'SCORE-UNCOMPUTED')[0]).toMatchObject({ severity: 'info', figures: { printed: '10', weight: '10' } });
    expect(codes(parse(cleanInput()))).not.toContain('SCORE-UNCOMPUTED');
  });

  it('an item with neither score nor computation is missing (seed 003)', () => {
    const doc = variant((d) => {
      delete node(d, 'b1').printedScore;
      delete node(d, 'b1').target;
      delete node(d, 'b1').actual;
    });
    expect(withCode(doc, 'SCORE-MISSING')[0]).toMatchObject({ severity: 'warning', figures: { weight: '30' } });
  });

  it('a section with only a declared weight and no score is missing', () => {
    const doc = variant((d) => d.indicators!.unshift({ id: 'in', name: '投入指标', declaredWeight: '10' }));
    expect(withCode(doc, 'SCORE-MISSING').map((f) => f.path)).toContain('$.indicators[0]');
  });

  it('a document at the goals stage is not expected to carry scores', () => {
    const doc = variant((d) => {
      d.header.stage = 'goals';
      delete node(d, 'b1').printedScore;
      delete node(d, 'b1').target;
      delete node(d, 'b1').actual;
    });
    expect(codes(doc)).not.toContain('SCORE-MISSING');
  });
});

describe('SCORE-TOTAL, SCORE-TOTAL-UNVERIFIED, SCORE-GRADE', () => {
  it('a printed total the rules do not give', () => {
    const doc = variant((d) => {
      node(d, 'q2').actual = '90%';
      node(d, 'q2').deviationReason = '个别批次不合格';
    });
    expect(withCode(doc, 'SCORE-TOTAL')[0]).toMatchObject({ severity: 'warning', figures: { printedTotal: '99', computedTotal: '97.95' } });
    expect(codes(parse(cleanInput()))).not.toContain('SCORE-TOTAL');
  });

  it('a total that cannot be verified because items are unscored', () => {
    const doc = variant((d) => {
      delete node(d, 'b1').printedScore;
      delete node(d, 'b1').target;
      delete node(d, 'b1').actual;
    });
    const [f] = withCode(doc, 'SCORE-TOTAL-UNVERIFIED');
    expect(f).toMatchObject({ figures: { printedTotal: '99', unscored: '1', sum: '69' } });
    expect(codes(doc)).not.toContain('SCORE-TOTAL');
  });

  it('a computed grade below the printed one', () => {
    const doc = variant((d) => {
      node(d, 'q1').actual = '300批次';
      node(d, 'q2').actual = '50%';
    });
    expect(withCode(doc, 'SCORE-GRADE')[0]).toMatchObject({ figures: { printedGrade: '优' } });
    expect(codes(parse(cleanInput()))).not.toContain('SCORE-GRADE');
  });
});

describe('reusing a score report', () => {
  it('gives the same findings with options.score as without', () => {
    const doc = variant((d) => (node(d, 'q1').actual = '300批次'));
    const report = scoreDocument(doc);
    expect(auditDocument(doc, { score: report })).toEqual(auditDocument(doc));
  });

  it('leaves out no check because an item sits in a project tree', () => {
    const doc = variant((d) => {
      d.projects = [{ id: 'p', name: '子项目', indicators: [leaf('p1', '检查企业数量', { weight: '10', target: '≥10家', actual: '5家', printedScore: '10' })] }];
    });
    expect(withCode(doc, 'SCORE-MISSED-FULL')[0]!.location).toBe('子项目 › 检查企业数量');
  });
});
