import { describe, expect, it } from 'vitest';
import type { EvaluationDocumentInput } from '../../model/index.js';
import { cleanInput, codes, node, parse, variant, withCode } from '../testing.test.js';

type Table = NonNullable<NonNullable<EvaluationDocumentInput['funding']>['tables']>[number];

function mainTable(d: EvaluationDocumentInput): Table {
  return d.funding!.tables![0]!;
}

describe('ARITH-FUNDING-SUM', () => {
  it('reports items that do not add up to the total, per column', () => {
    const doc = variant((d) => (mainTable(d).rows[1]!.amounts!.executed = '60'));
    const [f] = withCode(doc, 'ARITH-FUNDING-SUM');
    expect(f).toMatchObject({
      severity: 'error',
      path: '$.funding.tables[0].rows[0].amounts.executed',
      location: '项目资金（万元） › 年度资金总额 › 全年执行数',
      figures: { total: '90', sum: '80', difference: '-10' },
    });
    expect(f!.message).toContain('全年执行数');
  });

  it('is silent when the items add up, and for a table that has only a total row', () => {
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-FUNDING-SUM');
    const lone = variant((d) => (mainTable(d).rows = [mainTable(d).rows[0]!]));
    expect(codes(lone)).not.toContain('ARITH-FUNDING-SUM');
  });

  it('calls a sum above the total an error even when other items are blank', () => {
    const doc = variant((d) => {
      mainTable(d).rows[1]!.amounts!.executed = '95';
      delete mainTable(d).rows[2]!.amounts!.executed;
    });
    expect(codes(doc)).toContain('ARITH-FUNDING-SUM');
  });
});

describe('ARITH-ROUNDING', () => {
  it('reports a difference within the rounding of the printed figures as info, not as an error', () => {
    const doc = variant((d) => {
      mainTable(d).rows = [
        { label: '合计', role: 'total', amounts: { annualBudget: '100', executed: '90' } },
        { label: 'A', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
        { label: 'B', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
        { label: 'C', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
      ];
    });
    const found = codes(doc);
    expect(found).toContain('ARITH-ROUNDING');
    expect(found).not.toContain('ARITH-FUNDING-SUM');
  });

  it('does not excuse a cent in a table kept in 元', () => {
    const doc = variant((d) => {
      mainTable(d).unit = '元';
      mainTable(d).rows = [
        { label: '合计', role: 'total', amounts: { annualBudget: '100', executed: '90' } },
        { label: 'A', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
        { label: 'B', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
        { label: 'C', role: 'item', amounts: { annualBudget: '33.33', executed: '30' } },
      ];
    });
    expect(codes(doc)).toContain('ARITH-FUNDING-SUM');
  });
});

describe('ARITH-INCOMPLETE', () => {
  it('reports blank items as missing, never as an arithmetic error', () => {
    const doc = variant((d) => delete mainTable(d).rows[2]!.amounts!.initialBudget);
    const found = withCode(doc, 'ARITH-INCOMPLETE');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', path: '$.funding.tables[0].rows[0].amounts.initialBudget' });
    expect(found[0]!.message).toContain('上级财政拨款');
    expect(codes(doc)).not.toContain('ARITH-FUNDING-SUM');
  });

  it('reports a blank total beside filled items', () => {
    const doc = variant((d) => delete mainTable(d).rows[0]!.amounts!.initialBudget);
    expect(withCode(doc, 'ARITH-INCOMPLETE')[0]!.message).toContain('合计行却未填写');
  });

  it('is silent when the blank items are simply zero (the given ones already add up)', () => {
    const doc = variant((d) => mainTable(d).rows.push({ label: '其他资金', role: 'item', amounts: {} }));
    expect(codes(doc)).not.toContain('ARITH-INCOMPLETE');
  });
});

describe('execution rate', () => {
  it('ARITH-EXEC-RATE: a printed rate that does not match executed ÷ annual budget', () => {
    const doc = variant((d) => (d.funding!.execution!.printedRate = '100%'));
    expect(withCode(doc, 'ARITH-EXEC-RATE')[0]).toMatchObject({ severity: 'error', figures: { printedRate: '100%', computedRate: '90' } });
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-EXEC-RATE');
  });

  it('ARITH-EXEC-RATE: a printed rate rounded to its own precision agrees', () => {
    const doc = variant((d) => {
      mainTable(d).rows[0]!.amounts!.executed = '89.995';
      mainTable(d).rows[1]!.amounts!.executed = '69.995';
      d.funding!.execution!.printedRate = '90.00%';
    });
    expect(codes(doc)).not.toContain('ARITH-EXEC-RATE');
  });

  it('ARITH-EXEC-OVER-BUDGET: executed above the annual budget', () => {
    const doc = variant((d) => {
      mainTable(d).rows[0]!.amounts!.executed = '120';
      mainTable(d).rows[1]!.amounts!.executed = '100';
      d.funding!.execution = { weight: '10', printedRate: '120%', printedScore: '10' };
    });
    expect(withCode(doc, 'ARITH-EXEC-OVER-BUDGET')[0]).toMatchObject({ severity: 'warning', figures: { annualBudget: '100', executed: '120', computedRate: '120' } });
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-EXEC-OVER-BUDGET');
  });

  it('ARITH-EXEC-SCORE: a printed execution score that differs from weight × rate', () => {
    const doc = variant((d) => (d.funding!.execution!.printedScore = '10'));
    expect(withCode(doc, 'ARITH-EXEC-SCORE')[0]).toMatchObject({ figures: { printed: '10', computed: '9' } });
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-EXEC-SCORE');
  });

  it('ARITH-EXEC-MISSING: the rule set scores execution but the figures are missing', () => {
    const doc = variant((d) => {
      delete mainTable(d).rows[0]!.amounts!.executed;
      for (const r of mainTable(d).rows) delete r.amounts!.executed;
    });
    expect(withCode(doc, 'ARITH-EXEC-MISSING')[0]).toMatchObject({ severity: 'info', figures: { reason: 'executed' } });
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-EXEC-MISSING');
  });
});

function carryTable(end: string): Table {
  return {
    id: 'carry',
    title: '结转结余',
    kind: 'sub-projects',
    unit: '元',
    rows: [{ label: '子项目', role: 'item', amounts: { carryOverStart: '10', income: '100', expenditure: '90', carryOverEnd: end } }],
  };
}

describe('ARITH-CARRY-OVER', () => {
  it('年初结转 + 收入 − 支出 = 年末结转 per row', () => {
    const bad = variant((d) => d.funding!.tables!.push(carryTable('25')));
    expect(withCode(bad, 'ARITH-CARRY-OVER')[0]).toMatchObject({ severity: 'error', figures: { computed: '20', carryOverEnd: '25', difference: '-5' } });
    const good = variant((d) => d.funding!.tables!.push(carryTable('20')));
    expect(codes(good)).not.toContain('ARITH-CARRY-OVER');
  });

  it('with a blank component, reports it as missing', () => {
    const doc = variant((d) => {
      const t = carryTable('25');
      delete t.rows[0]!.amounts!.carryOverStart;
      d.funding!.tables!.push(t);
    });
    expect(codes(doc)).toContain('ARITH-INCOMPLETE');
    expect(codes(doc)).not.toContain('ARITH-CARRY-OVER');
  });
});

describe('ARITH-CONTROL-RATE', () => {
  const staffed = (printed: string) =>
    variant((d) => {
      d.header.level = 'department';
      d.department = { staffing: { authorized: '339', actual: '314', printedControlRate: printed } };
    });
  it('控制率 = 实际在职人数 ÷ 编制数 (seed 004: 314 ÷ 339 = 92.63%)', () => {
    expect(codes(staffed('92.63%'))).not.toContain('ARITH-CONTROL-RATE');
    expect(withCode(staffed('93.63%'), 'ARITH-CONTROL-RATE')[0]).toMatchObject({ figures: { computed: '92.63', numerator: '314', denominator: '339' } });
  });

  it('checks the building scale and investment rates too', () => {
    const doc = variant((d) => {
      d.department = { buildings: [{ name: '业务楼', approvedArea: '1000', actualArea: '950', printedScaleRate: '96%', budgetInvestment: '500', actualInvestment: '500', printedInvestmentRate: '100%' }] };
    });
    const found = withCode(doc, 'ARITH-CONTROL-RATE');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('$.department.buildings[0].printedScaleRate');
  });
});

type ExpenseControlInput = NonNullable<NonNullable<EvaluationDocumentInput['department']>['expenseControl']>;

function expenseDoc(change: (ec: ExpenseControlInput) => void) {
  return variant((d) => {
    const ec: ExpenseControlInput = {
      unit: '万元',
      columns: [
        { key: 'final2022', label: '2022年决算数', year: 2022, stage: 'final' },
        { key: 'budget2023', label: '2023年预算数', year: 2023, stage: 'budget' },
        { key: 'final2023', label: '2023年决算数', year: 2023, stage: 'final' },
      ],
      rows: [
        { id: 'three', label: '三公经费', kind: 'three-public-total', values: { final2022: '127.69', budget2023: '180.01', final2023: '86.25' } },
        { id: 'vehicles', label: '公务用车购置和维护经费', kind: 'vehicles', parent: 'three', values: { final2022: '111.36', budget2023: '133', final2023: '67.44' } },
        { id: 'reception', label: '公务接待', kind: 'reception', parent: 'three', values: { final2022: '16.33', budget2023: '47.01', final2023: '18.81' } },
        { id: 'public', label: '公用经费', kind: 'public-funds-total', partsListed: 'some', values: { final2023: '1247.98' } },
        { id: 'office', label: '其中:办公经费', kind: 'office', parent: 'public', values: { final2023: '703.24' } },
      ],
    };
    change(ec);
    d.header.level = 'department';
    d.department = { expenseControl: ec };
  });
}

describe('expense control', () => {
  it('is silent on seed 004’s consistent 三公经费 and a 其中 list of selected parts', () => {
    const found = codes(expenseDoc(() => {}));
    for (const c of ['ARITH-EXPENSE-PARTS', 'ARITH-EXPENSE-OVER-BUDGET', 'ARITH-EXPENSE-GROWTH', 'ARITH-INCOMPLETE']) expect(found).not.toContain(c);
  });

  it('ARITH-EXPENSE-PARTS: parts that do not add up to the parent row', () => {
    const doc = expenseDoc((ec) => (ec.rows[2]!.values!['final2023'] = '19.81'));
    expect(withCode(doc, 'ARITH-EXPENSE-PARTS')[0]).toMatchObject({ severity: 'error', figures: { parent: '86.25', sum: '87.25' } });
  });

  it('ARITH-EXPENSE-PARTS: selected parts (partsListed "some") only need to stay within the parent', () => {
    const doc = expenseDoc((ec) => (ec.rows[4]!.values!['final2023'] = '1300'));
    expect(withCode(doc, 'ARITH-EXPENSE-PARTS')[0]!.message).toContain('超过');
  });

  it('ARITH-EXPENSE-OVER-BUDGET: 三公经费 spent above budget', () => {
    const doc = expenseDoc((ec) => {
      ec.rows[2]!.values!['final2023'] = '50';
      ec.rows[0]!.values!['final2023'] = '117.44';
    });
    const found = withCode(doc, 'ARITH-EXPENSE-OVER-BUDGET');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ figures: { final: '50', budget: '47.01' } });
  });

  it('ARITH-EXPENSE-GROWTH: 三公经费 above last year’s final accounts', () => {
    const doc = expenseDoc((ec) => {
      ec.rows[0]!.values!['final2022'] = '80';
      ec.rows[1]!.values!['final2022'] = '63.67';
    });
    expect(withCode(doc, 'ARITH-EXPENSE-GROWTH')[0]).toMatchObject({ severity: 'warning', figures: { previous: '80', current: '86.25' } });
  });
});

describe('section and total scores', () => {
  it('ARITH-SECTION-SUM: a section score that is not the sum of its indicators', () => {
    const doc = variant((d) => (node(d, 'out').printedScore = '49'));
    expect(withCode(doc, 'ARITH-SECTION-SUM')[0]).toMatchObject({ path: '$.indicators[0].printedScore', figures: { printed: '49', sum: '50' } });
    const ok = variant((d) => (node(d, 'out').printedScore = '50'));
    expect(codes(ok)).not.toContain('ARITH-SECTION-SUM');
  });

  it('ARITH-SECTION-SUM: with unscored indicators below, only a sum above the section score is reported', () => {
    const partial = variant((d) => {
      node(d, 'out').printedScore = '45';
      delete node(d, 'q2').printedScore;
    });
    expect(codes(partial)).not.toContain('ARITH-SECTION-SUM');
    const over = variant((d) => {
      node(d, 'out').printedScore = '25';
      delete node(d, 'q2').printedScore;
    });
    expect(codes(over)).toContain('ARITH-SECTION-SUM');
  });

  it('ARITH-TOTAL-SUM: the printed total against execution score + section scores', () => {
    const doc = variant((d) => (d.meta!.printedTotal = '98'));
    expect(withCode(doc, 'ARITH-TOTAL-SUM')[0]).toMatchObject({ path: '$.meta.printedTotal', figures: { printedTotal: '98', sum: '99' } });
    expect(codes(parse(cleanInput()))).not.toContain('ARITH-TOTAL-SUM');
  });

  it('ARITH-GRADE: the grade of the printed total', () => {
    const doc = variant((d) => (d.meta!.printedGrade = '良'));
    expect(withCode(doc, 'ARITH-GRADE')[0]).toMatchObject({ figures: { score: '99', grade: '优', printedGrade: '良' } });
    const alias = variant((d) => (d.meta!.printedGrade = '优秀'));
    expect(codes(alias)).not.toContain('ARITH-GRADE');
  });

  it('ARITH-GRADE: a stated self-score stands for the total when none is printed', () => {
    const doc = variant((d) => {
      delete d.meta!.printedTotal;
      d.meta!.statedSelfScore = '85';
    });
    expect(withCode(doc, 'ARITH-GRADE')[0]).toMatchObject({ figures: { score: '85', grade: '良' } });
  });
});
