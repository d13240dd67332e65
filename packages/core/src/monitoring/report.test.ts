import { describe, expect, it } from 'vitest';
import { getRuleSet } from '../rulesets/index.js';
import { assessMonitoring, monitoringReport } from './index.js';
import { goalsDoc } from '../goals/testing.test.js';
import { MonitoringSnapshot } from './snapshots.js';

const rs = getRuleSet('national-project')!;

function doc(id: string, org: string, dept: string, unit: '万元' | '元' = '万元') {
  return goalsDoc((d) => {
    d.id = id;
    d.header.organisation = org;
    d.header.supervisingDepartment = dept;
    d.header.region = '某市';
    if (unit === '元') {
      d.funding!.unit = '元';
      d.funding!.tables![0]!.unit = '元';
      d.funding!.tables![0]!.rows[0]!.amounts = { initialBudget: '1000000' };
    }
  });
}

const snap = (project: string, executed: string) =>
  MonitoringSnapshot.parse({ project, period: '2024-Q2', asOf: '2024-06-30', executed, indicators: [{ id: 'q1', progress: '300批次' }] });

describe('monitoringReport', () => {
  const assessment = assessMonitoring(
    [doc('a', '甲局', '市政府'), doc('b', '甲局', '市政府'), doc('c', '乙局', '市政府', '元')],
    [snap('a', '50'), snap('b', '20'), snap('c', '500000')],
    rs,
    '2024-07-05',
  );

  it('groups by organisation, red first, money in 万元, ids behind every count', () => {
    const r = monitoringReport(assessment, 'organisation');
    expect(r.groups.map((g) => [g.key, g.projects, g.lights, g.budget, g.executed, g.ratePercent])).toEqual([
      ['甲局', 2, { green: 0, yellow: 1, red: 1 }, '200', '70', '35'],
      ['乙局', 1, { green: 0, yellow: 1, red: 0 }, '100', '50', '50'],
    ]);
    expect(r.groups[0]!.ids).toEqual({ green: [], yellow: ['a'], red: ['b'] });
    // b spent 20% by June (checkpoint 40%), is behind schedule and 30 points from its goal completion; both report the indicators with no progress.
    expect(r.groups[0]!.warnings.map((w) => [w.code, w.count, w.ids])).toEqual([
      ['MON-CHECKPOINT-MISSED', 1, ['b']],
      ['MON-EXEC-BEHIND', 1, ['b']],
      ['MON-GAP', 1, ['b']],
      ['MON-IND-NO-PROGRESS', 2, ['a', 'b']],
    ]);
    expect(r.total).toMatchObject({ key: '', projects: 3, budget: '300', executed: '120', ratePercent: '40' });
  });

  it('groups by department and region', () => {
    expect(monitoringReport(assessment, 'department').groups.map((g) => g.key)).toEqual(['市政府']);
    expect(monitoringReport(assessment, 'region').groups.map((g) => [g.key, g.projects])).toEqual([['某市', 3]]);
  });
});
