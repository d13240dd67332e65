import { describe, expect, it } from 'vitest';
import { paymentsNote } from './payments.js';
import type { PaymentsSummary } from './types.js';

const summary = (over: Partial<PaymentsSummary> = {}): PaymentsSummary => ({
  unit: '万元',
  granularity: 'quarter',
  periods: [
    { period: '2024-Q1', asOf: '2024-03-31', amount: '15.5', cumulative: '15.5', payments: 2 },
    { period: '2024-Q2', asOf: '2024-06-30', amount: '4.5', cumulative: '20', payments: 1 },
    { period: '2024-Q3', asOf: '2024-09-30', amount: '7', cumulative: '27', payments: 1 },
  ],
  counts: { rows: 6, counted: 4, otherProjects: 1, otherYears: 1 },
  issues: [
    { code: 'other-project', message: '第4行：项目“其他项目”不是本项目，未计入。', where: '第4行' },
    { code: 'other-year', message: '第6行：日期“2023-12-30”不在本年度，未计入。', where: '第6行' },
  ],
  report: { format: 'csv', fileName: '支付明细.csv', unit: '万元', fileUnit: '元', unitSource: '单位行“单位：元”', counts: { rows: 6, rejected: 0, totals: 0 }, recognised: [], skipped: [], guessed: [] },
  ...over,
});

describe('paymentsNote', () => {
  it('takes the cumulative figure at the end of the period reported, with what was left out and the unit read', () => {
    const n = paymentsNote(summary(), '支付明细.csv', '2024-Q2', 2024);
    expect(n.executed).toBe('20');
    expect(n.type).toBe('info');
    expect(n.text).toContain('截至2024年第二季度累计支付 20.00 万元（本期 4.50，计入 4 条记录，其他项目 1 条，非2024年度 1 条未计入）');
    expect(n.text).toContain('金额单位：元（单位行“单位：元”），已换算为万元。');
  });

  it('warns about rows that could not be read, with where they are', () => {
    const skipped = [{ level: 'warning' as const, code: 'bad-date', message: '日期“三月”无法识别', where: '第3行 A列' }];
    const n = paymentsNote(summary({ report: { ...summary().report, fileUnit: '万元', skipped } }), 'a.xlsx', '2024-Q3', 2024);
    expect(n).toMatchObject({ type: 'warning', executed: '27' });
    expect(n.text).toContain('有 1 行无法识别：第3行 A列：日期“三月”无法识别');
    expect(n.text).not.toContain('已换算');
  });

  it('says so when the file has no payments of this project up to the period', () => {
    const n = paymentsNote(summary({ periods: [], counts: { rows: 2, counted: 0, otherProjects: 2, otherYears: 0 } }), 'b.csv', '2024-06', 2024);
    expect(n).toEqual({ type: 'warning', text: 'b.csv：截至2024年6月没有本项目的支付记录（其他项目 2 条未计入）。' });
  });
});
