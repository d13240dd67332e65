import { describe, expect, it } from 'vitest';
import { byLight, caseToShow, fractionPercent, percentText, wanText } from './format.js';

describe('monitoring figures', () => {
  it('shows fractions and percents with two decimals, exactly', () => {
    expect(fractionPercent('0.4523')).toBe('45.23%');
    expect(fractionPercent('1')).toBe('100.00%');
    expect(fractionPercent(undefined)).toBe('—');
    expect(percentText('49.7')).toBe('49.70%');
  });
  it('shows money in 万元', () => {
    expect(wanText('1234567', '元')).toBe('123.46');
    expect(wanText('1550', '万元')).toBe('1,550.00');
  });
  it('sorts red first', () => {
    const xs = [{ light: 'green', name: 'a' }, { light: 'red', name: 'b' }, { light: 'yellow', name: 'c' }];
    expect(xs.sort(byLight).map((x) => x.light)).toEqual(['red', 'yellow', 'green']);
  });
});

describe('caseToShow', () => {
  const c = (id: string, status: string, due: string, issuedAt = '2026-01-01') => ({ id, status, due, issuedAt }) as never;
  it('shows the most urgent open case and counts the open ones', () => {
    const r = caseToShow({ cases: [c('a', 'closed', '2026-01-10', '2026-03-01'), c('b', 'awaiting-unit', '2026-02-10'), c('d', 'awaiting-unit', '2026-02-01'), c('e', 'overdue', '2026-03-01')] });
    expect(r).toMatchObject({ open: 3, view: { id: 'e' } });
  });
  it('shows the latest case when all are closed', () => {
    expect(caseToShow({ cases: [c('a', 'closed', '2026-01-10', '2026-01-01'), c('b', 'closed', '2026-02-10', '2026-02-01')] }).view).toMatchObject({ id: 'b' });
    expect(caseToShow({ cases: [] })).toEqual({ view: undefined, open: 0 });
  });
});
