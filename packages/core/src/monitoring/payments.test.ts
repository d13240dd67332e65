import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/index.js';
import { aggregatePayments, snapshotsFromPayments } from './index.js';

const rows = [
  { date: '2024-01-15', amount: '10', project: 'p1' },
  { date: '2024-02-03', amount: '5.5', project: 'p1' },
  { date: '2024-02-20', amount: '1,234.50', project: 'p2' },
  { date: '2024-04-01', amount: '20', project: 'p1' },
  { date: '2024-04-30', amount: '-2', project: 'p1' },
];

describe('aggregatePayments', () => {
  it('sums per project and month with running totals', () => {
    expect(aggregatePayments(rows, { granularity: 'month' })).toEqual({
      periods: [
        { project: 'p1', period: '2024-01', asOf: '2024-01-31', amount: '10', cumulative: '10', payments: 1 },
        { project: 'p1', period: '2024-02', asOf: '2024-02-29', amount: '5.5', cumulative: '15.5', payments: 1 },
        { project: 'p1', period: '2024-04', asOf: '2024-04-30', amount: '18', cumulative: '33.5', payments: 2 },
        { project: 'p2', period: '2024-02', asOf: '2024-02-29', amount: '1234.5', cumulative: '1234.5', payments: 1 },
      ],
      issues: [],
    });
  });

  it('by quarter, with empty periods filled through a given period', () => {
    const r = aggregatePayments(rows.filter((x) => x.project === 'p1'), { granularity: 'quarter', through: '2024-Q4' });
    expect(r.periods.map((p) => [p.period, p.amount, p.cumulative])).toEqual([
      ['2024-Q1', '15.5', '15.5'],
      ['2024-Q2', '18', '33.5'],
      ['2024-Q3', '0', '33.5'],
      ['2024-Q4', '0', '33.5'],
    ]);
  });

  it('reports bad rows with their row number and skips them', () => {
    const r = aggregatePayments(
      [
        { date: '2024-13-01', amount: '1', project: 'p1' },
        { date: '2024-01-01', amount: '一万', project: 'p1' },
        { date: '2024-01-01', amount: '1', project: ' ' },
        { date: '2023-12-31', amount: '1', project: 'p1' },
        { date: '2024-01-02', amount: '3', project: 'p1' },
      ],
      { granularity: 'month', year: 2024 },
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[1, 'bad-date'], [2, 'bad-amount'], [3, 'no-project'], [4, 'other-year']]);
    expect(r.issues[1]!.message).toBe('第2行：金额“一万”无法识别。');
    expect(r.periods).toEqual([{ project: 'p1', period: '2024-01', asOf: '2024-01-31', amount: '3', cumulative: '3', payments: 1 }]);
  });

  it('property: the last running total of a project is the exact sum of its payments, whatever the order', () => {
    const row = fc.record({
      date: fc.integer({ min: 1, max: 12 }).chain((m) => fc.integer({ min: 1, max: 28 }).map((d) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)),
      amount: fc.integer({ min: -100_000, max: 10_000_000 }).map((cents) => Dec.fromUnits(BigInt(cents), 2).toString()),
      project: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('month' as const, 'quarter' as const), (list, granularity) => {
        const { periods, issues } = aggregatePayments(list, { granularity });
        expect(issues).toEqual([]);
        for (const project of ['a', 'b', 'c']) {
          const mine = periods.filter((p) => p.project === project);
          const expected = Dec.sum(list.filter((r) => r.project === project).map((r) => Dec.of(r.amount)));
          expect(mine.length === 0 ? '0' : mine[mine.length - 1]!.cumulative).toBe(expected.toString());
          expect(Dec.sum(mine.map((p) => Dec.of(p.amount))).toString()).toBe(expected.toString());
        }
        const reversed = aggregatePayments([...list].reverse(), { granularity });
        expect(reversed.periods).toEqual(periods);
      }),
    );
  });
});

describe('snapshotsFromPayments', () => {
  it('turns running totals into money-only snapshots', () => {
    const { periods } = aggregatePayments(rows, { granularity: 'quarter' });
    expect(snapshotsFromPayments(periods, { p1: '100' })).toEqual([
      { project: 'p1', period: '2024-Q1', asOf: '2024-03-31', executed: '15.5', budget: '100', indicators: [] },
      { project: 'p1', period: '2024-Q2', asOf: '2024-06-30', executed: '33.5', budget: '100', indicators: [] },
      { project: 'p2', period: '2024-Q1', asOf: '2024-03-31', executed: '1234.5', indicators: [] },
    ]);
  });
});
