import { aggregatePayments } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { isoDate, parseCsv, paymentsFromCsv } from './payments.js';

describe('payments CSV', () => {
  it('parses quotes and line ends', () => {
    expect(parseCsv('a,"b,c"\r\n"x""y",2\n')).toEqual([['a', 'b,c'], ['x"y', '2']]);
  });
  it('reads dates written the Chinese way', () => {
    expect(isoDate('2024年3月5日')).toBe('2024-03-05');
    expect(isoDate('2024/12/1')).toBe('2024-12-01');
  });
  it('keeps this project’s rows and sums them exactly with core', () => {
    const csv = '日期,项目,金额（万元）\n2024-01-15,质量监督专项,"1,000.10"\n2024/2/3,别的项目,5\n2024-02-20,,0.2\n';
    const r = paymentsFromCsv(csv, 'doc-1', ['质量监督专项']);
    expect(r.otherProjects).toBe(1);
    expect(r.rows).toEqual([
      { date: '2024-01-15', amount: '1000.10', project: 'doc-1' },
      { date: '2024-02-20', amount: '0.2', project: 'doc-1' },
    ]);
    const agg = aggregatePayments(r.rows, { granularity: 'quarter', year: 2024 });
    expect(agg.periods[0]).toMatchObject({ period: '2024-Q1', cumulative: '1000.3' });
  });
  it('says what is wrong with a file without the columns', () => {
    expect(paymentsFromCsv('a,b\n1,2', 'x', []).problem).toContain('日期');
  });
});
