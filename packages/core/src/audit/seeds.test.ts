/**
 * Acceptance on the five hand-transcribed seed reports: what reviewers found in them must be found,
 * and every error-level finding has been checked by hand against the seed text (the lists below are
 * exhaustive: a new error on a seed fails here and must be reviewed before the list is extended).
 */
import { describe, expect, it } from 'vitest';
import { auditDocument } from './index.js';
import type { Finding } from './index.js';
import { seed } from './testing.test.js';

const audits = new Map<string, Finding[]>();
function audit(id: string): Finding[] {
  let hit = audits.get(id);
  if (!hit) {
    hit = auditDocument(seed(id)).findings;
    audits.set(id, hit);
  }
  return hit;
}
const find = (id: string, code: string) => audit(id).filter((f) => f.code === code);

describe('seed 000 (益阳 质量监管专项 2020)', () => {
  it('printed execution rate 100% against the computed 156.79%', () => {
    expect(find('000', 'ARITH-EXEC-RATE')).toEqual([
      expect.objectContaining({ severity: 'error', path: '$.funding.execution.printedRate', figures: { printedRate: '100%', annualBudget: '155', executed: '243.03', computedRate: '156.79' } }),
    ]);
  });

  it('全年执行数 243.03 above 全年预算数 155', () => {
    expect(find('000', 'ARITH-EXEC-OVER-BUDGET')).toEqual([
      expect.objectContaining({ path: '$.funding.tables[0].rows[0].amounts.executed', figures: expect.objectContaining({ annualBudget: '155', executed: '243.03' }) }),
    ]);
  });

  it('满意度 declared 10 against indicators worth 5, 效益 declared 30 against 35', () => {
    const declared = find('000', 'WEIGHT-SECTION-DECLARED');
    expect(declared.map((f) => [f.location, f.figures['declared'], f.figures['indicators']])).toEqual([
      ['效益指标', '30', '35'],
      ['满意度指标', '10', '5'],
    ]);
  });

  it('the actual ≧70% written as an expression', () => {
    expect(find('000', 'SMART-ACTUAL-EXPRESSION')).toEqual([
      expect.objectContaining({ location: '满意度指标 › 服务对象满意度指标 › 公众对产品质量安全满意度', path: '$.indicators[2].children[0].children[0].actual' }),
    ]);
  });

  it('14.5 / 15, 14 / 15 and 4.9 / 5 deducted with no reason', () => {
    expect(find('000', 'SCORE-NO-REASON').map((f) => `${f.figures['printed']}/${f.figures['weight']}`)).toEqual(['14.5/15', '14/15', '4.9/5']);
  });

  it('vague targets 逐步提高 / 逐步改善 / 持续向好', () => {
    expect(find('000', 'SMART-VAGUE-TARGET')).toHaveLength(3);
  });
});

describe('seed 001 (临武 部门整体 2021)', () => {
  it('a self-score of 95 with no table behind it', () => {
    expect(find('001', 'PROSE-SELF-SCORE-NO-TABLE').map((f) => f.path)).toEqual(['$.projects[1].printedTotal', '$.meta.statedSelfScore']);
    expect(find('001', 'PROSE-SELF-SCORE-NO-TABLE').every((f) => f.figures['stated'] === '95')).toBe(true);
  });

  it('the 智慧监管平台 project’s indicators copied from the 玉石 project', () => {
    const [f] = find('001', 'SMART-COPIED-PROJECT');
    expect(f).toMatchObject({ path: '$.projects[5].indicators', location: '智慧监管平台建设专项', figures: { matches: '2' } });
    expect(f!.message).toContain('玉石产品质量标准建设专项');
    expect(find('001', 'SMART-COPIED-PROJECT')).toHaveLength(1);
  });

  it('the 工商 project: 45万元 in the budget and its report, 55.5万元 also in its report', () => {
    expect(find('001', 'PROSE-AMOUNT-CONFLICT').map((f) => f.location)).toEqual(['工商系统行政管理专项']);
  });

  it('its year-on-year statements all agree with their own figures', () => {
    expect(find('001', 'PROSE-YOY')).toEqual([]);
  });
});

describe('seed 002 (云南 质量安全监管专项 2017)', () => {
  it('survey sample 100 in the table against 50份 in the prose', () => {
    expect(find('002', 'PROSE-SURVEY-SAMPLE')).toEqual([expect.objectContaining({ figures: { table: '100', prose: '50' } })]);
  });

  it('sub-projects with different amounts in the header, the goals and the money table', () => {
    expect(find('002', 'PROSE-AMOUNT-CONFLICT').map((f) => f.path)).toEqual([
      '$.header.subProjects[0]',
      '$.header.subProjects[1]',
      '$.header.subProjects[3]',
      '$.header.subProjects[4]',
    ]);
  });

  it('the one-cent differences of the department accounts are rounding, not errors', () => {
    expect(find('002', 'ARITH-ROUNDING')).toHaveLength(2);
    expect(find('002', 'ARITH-FUNDING-SUM')).toEqual([]);
  });
});

describe('seed 003 (南昌 质量监督专项 2019)', () => {
  it('framework weights add to 110', () => {
    expect(find('003', 'WEIGHT-TOTAL')).toEqual([expect.objectContaining({ figures: expect.objectContaining({ total: '110', expected: '100' }) })]);
  });

  it('items with neither score nor computation are missing, and the total cannot be verified', () => {
    expect(find('003', 'SCORE-MISSING')).toHaveLength(9);
    expect(find('003', 'SCORE-TOTAL-UNVERIFIED')).toEqual([expect.objectContaining({ figures: { printedTotal: '94.5', unscored: '9', sum: '58.4' } })]);
  });

  it('satisfaction 80% scored 4.4 of 5 against the proportional 4.0', () => {
    expect(find('003', 'SCORE-ITEM-DIFFERS').map((f) => `${f.figures['printed']}→${f.figures['computed']}`)).toEqual(['5→4.5', '4.4→4']);
  });
});

describe('seed 004 (益阳 部门整体 2023)', () => {
  it('产出 declared 50 against 45, 效益 declared 40 against 25', () => {
    expect(find('004', 'WEIGHT-SECTION-DECLARED').map((f) => [f.location, f.figures['declared'], f.figures['indicators']])).toEqual([
      ['产出指标', '50', '45'],
      ['效益指标', '40', '25'],
    ]);
  });

  it('food-safety satisfaction 86.87% in the table against 86.97 in the prose', () => {
    expect(find('004', 'PROSE-FIGURE-MISMATCH')).toEqual([
      expect.objectContaining({ location: '满意度指标 › 服务对象满意度指标 › 社会公众对食品安全满意度', figures: { table: '86.87', prose: '86.97' } }),
    ]);
  });

  it('the consistent basic data table raises nothing (控制率, 三公经费, 项目支出, 其中 list of 公用经费)', () => {
    const codes = audit('004').map((f) => f.code);
    for (const c of ['ARITH-CONTROL-RATE', 'ARITH-EXPENSE-PARTS', 'ARITH-FUNDING-SUM', 'ARITH-INCOMPLETE', 'ARITH-EXEC-RATE']) expect(codes).not.toContain(c);
  });
});

describe('no false error on the seeds', () => {
  // Every error below was checked against the seed text by hand (see the describe blocks above for why each is true).
  const reviewed: Record<string, string[]> = {
    '000': ['ARITH-EXEC-RATE $.funding.execution.printedRate', 'WEIGHT-SECTION-DECLARED $.indicators[1].declaredWeight', 'WEIGHT-SECTION-DECLARED $.indicators[2].declaredWeight'],
    '001': [],
    '002': [],
    '003': [
      'WEIGHT-TOTAL $.indicators',
      'SCORE-ITEM-DIFFERS $.indicators[4].children[0].children[0].printedScore',
      'SCORE-ITEM-DIFFERS $.indicators[4].children[0].children[1].printedScore',
    ],
    '004': ['WEIGHT-SECTION-DECLARED $.indicators[0].declaredWeight', 'WEIGHT-SECTION-DECLARED $.indicators[1].declaredWeight'],
  };
  it.each(Object.keys(reviewed))('seed %s: the error-level findings are exactly the reviewed ones', (id) => {
    const errors = audit(id).filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path}`);
    expect(errors).toEqual(reviewed[id]);
  });

  it.each(['000', '001', '002', '003', '004'])('seed %s: findings are sorted and deterministic', (id) => {
    const again = auditDocument(seed(id)).findings;
    expect(again).toEqual(audit(id));
  });
});
