import { describe, expect, it } from 'vitest';
import type { EvaluationDocumentInput } from '../../model/index.js';
import { cleanInput, codes, node, parse, variant, withCode } from '../testing.test.js';

function lastYear(change: (d: EvaluationDocumentInput) => void = () => {}) {
  const input = cleanInput();
  input.header.year = 2022;
  change(input);
  return parse(input);
}

describe('HIST-TARGET-BELOW-LAST', () => {
  it('a more-is-better target below last year’s actual of the same indicator', () => {
    const doc = parse(cleanInput());
    const history = [lastYear((d) => (node(d, 'q1').actual = '700批次'))];
    expect(withCode(doc, 'HIST-TARGET-BELOW-LAST', { history })[0]).toMatchObject({
      path: '$.indicators[0].children[0].children[0].target',
      figures: { target: '≥600批次', lastActual: '700批次' },
    });
    const metExactly = lastYear((d) => {
      node(d, 'q1').actual = '600批次';
      node(d, 'q2').actual = '95%';
      node(d, 'b1').actual = '90%';
      node(d, 's1').actual = '90%';
    });
    expect(codes(doc, { history: [metExactly] })).not.toContain('HIST-TARGET-BELOW-LAST');
  });

  it('uses the indicator’s own 上年完成值 without any history document (seed 002)', () => {
    const doc = variant((d) => (node(d, 's1').lastYearActual = '100%'));
    expect(withCode(doc, 'HIST-TARGET-BELOW-LAST')[0]).toMatchObject({ figures: { target: '≥90%', lastActual: '100%' } });
  });

  it('a less-is-better target above last year’s actual', () => {
    const doc = variant((d) => {
      node(d, 'q1').name = '单位抽检成本';
      node(d, 'q1').target = '≤700元/批次';
      node(d, 'q1').actual = '650元/批次';
      node(d, 'q1').lastYearActual = '600元/批次';
    });
    expect(codes(doc)).toContain('HIST-TARGET-BELOW-LAST');
  });
});

describe('HIST-TARGET-CHANGE', () => {
  it('a target that changed by half or more with no explanation', () => {
    const doc = parse(cleanInput());
    const history = [lastYear((d) => (node(d, 'q1').target = '≥300批次'))];
    expect(withCode(doc, 'HIST-TARGET-CHANGE', { history })[0]).toMatchObject({ figures: { lastTarget: '≥300批次', change: '100' } });
    const explained = variant((d) => (node(d, 'q1').explanation = '2023年起承担省抽任务'));
    expect(codes(explained, { history })).not.toContain('HIST-TARGET-CHANGE');
    expect(codes(doc, { history: [lastYear((d) => (node(d, 'q1').target = '≥500批次'))] })).not.toContain('HIST-TARGET-CHANGE');
  });
});

describe('HIST-MONEY-CHANGE', () => {
  it('the funding total changed by 30% or more', () => {
    const doc = parse(cleanInput());
    const history = [lastYear((d) => (d.funding!.tables![0]!.rows[0]!.amounts = { annualBudget: '50', executed: '70' }))];
    const found = withCode(doc, 'HIST-MONEY-CHANGE', { history });
    expect(found.map((f) => f.figures['change'])).toEqual(['100']);
    expect(found[0]!.path).toBe('$.funding.tables[0].rows[0].amounts.annualBudget');
    expect(codes(doc, { history: [lastYear()] })).not.toContain('HIST-MONEY-CHANGE');
  });
});

describe('HIST-IGNORED', () => {
  it('history of another organisation, another project or a later year is not compared', () => {
    const doc = parse(cleanInput());
    const other = lastYear((d) => {
      d.header.organisation = '另一单位';
      node(d, 'q1').actual = '900批次';
    });
    const later = lastYear((d) => (d.header.year = 2024));
    const project = lastYear((d) => (d.header.projectName = '食品安全专项'));
    const found = withCode(doc, 'HIST-IGNORED', { history: [other, later, project] });
    expect(found.map((f) => f.location).sort()).toEqual(['往年文档[0]', '往年文档[1]', '往年文档[2]']);
    expect(found.map((f) => f.message).join()).toMatch(/单位不同.*|年度不早于本年度|项目不同/);
    expect(codes(doc, { history: [other, later, project] })).not.toContain('HIST-TARGET-BELOW-LAST');
  });
});

describe('history of another object of evaluation', () => {
  it('a department report is not compared with a project report of the same organisation', () => {
    const doc = parse(cleanInput());
    const department = lastYear((d) => {
      d.header.level = 'department';
      delete d.header.projectName;
      d.funding!.tables![0]!.rows[0]!.amounts = { annualBudget: '10', executed: '10' };
    });
    expect(withCode(doc, 'HIST-IGNORED', { history: [department] })[0]!.message).toContain('评价对象');
    expect(codes(doc, { history: [department] })).not.toContain('HIST-MONEY-CHANGE');
  });
});
