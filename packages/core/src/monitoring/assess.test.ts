import { describe, expect, it } from 'vitest';
import { leaf, section } from '../audit/testing.test.js';
import { createMonitoringDocument } from '../goals/index.js';
import { goalsDoc, roots } from '../goals/testing.test.js';
import type { EvaluationDocument } from '../model/index.js';
import { getRuleSet, parseRuleSet } from '../rulesets/index.js';
import type { RuleSet } from '../rulesets/index.js';
import { assessMonitoring, CN_WORK_CALENDAR } from './index.js';
import type { MonitoringSnapshotInput, ProjectAssessment } from './index.js';
import { MonitoringSnapshot } from './snapshots.js';

const rs = getRuleSet('national-project')!;

/** The goal declaration of the goals tests (100 万元, year 2024), plus a calendar deadline, a cost ceiling and a qualitative target. */
function goals(): EvaluationDocument {
  return goalsDoc((d) => {
    roots(d)[0]!.children![2]!.children!.push(leaf('t2', '年度抽检工作完成时间', { weight: '0', target: '9月前' }));
    roots(d)[0]!.children![3]!.children!.push(leaf('c2', '项目成本控制', { weight: '0', target: '≤41.2万元' }));
    roots(d)[1]!.children!.push(section('ben.sus', '可持续影响指标', [leaf('b2', '长效监管机制', { weight: '0', target: '长期有效' })]));
  });
}

const HEALTHY: Record<string, string> = { q1: '300批次', q2: '96%', t1: '8个工作日', c1: '650元/批次', c2: '20万元', b1: '92%', s1: '93%', b2: '逐步建立' };

function snapshot(executed: string, progress: Record<string, string> = HEALTHY, asOf = '2024-06-30', period = '2024-Q2', project?: string): MonitoringSnapshot {
  const input: MonitoringSnapshotInput = { period, asOf, executed, indicators: Object.entries(progress).map(([id, p]) => ({ id, progress: p })), ...(project ? { project } : {}) };
  return MonitoringSnapshot.parse(input);
}

function assess(snaps: MonitoringSnapshot[], asOf = '2024-07-05', doc = goals(), ruleSet: RuleSet = rs): ProjectAssessment {
  return assessMonitoring(doc, snaps, ruleSet, asOf, { calendar: CN_WORK_CALENDAR }).projects[0]!;
}

const codes = (p: ProjectAssessment) => p.reasons.map((r) => r.code);
const indicator = (p: ProjectAssessment, id: string) => p.indicators.find((i) => i.id === id)!;

describe('assessMonitoring: money', () => {
  it('on schedule, checkpoint met, goals on track: green everywhere', () => {
    const p = assess([snapshot('50')]);
    expect(p.light).toBe('green');
    expect(p.reasons).toEqual([]);
    // 30 June 2024 is day 182 of 366.
    expect(p.execution).toEqual({ budget: '100', executed: '50', unit: '万元', rate: '0.5000', ratePercent: '50', schedule: '0.4973', schedulePercent: '49.73', checkpoint: { month: 6, minExecution: '0.40', met: true } });
    expect(p.counts).toEqual({ green: 9, yellow: 0, red: 0 });
    expect(p.response).toBeUndefined();
    expect(p.snapshot).toEqual({ period: '2024-Q2', asOf: '2024-06-30' });
  });

  it('a missed checkpoint is red, execution behind schedule yellow, and the unit must answer in 10 working days', () => {
    const p = assess([snapshot('30', { ...HEALTHY, q1: '180批次' })]);
    expect(codes(p)).toEqual(['MON-CHECKPOINT-MISSED', 'MON-EXEC-BEHIND']);
    expect(p.reasons[0]).toMatchObject({ light: 'red', message: '截至2024-06-30预算执行率30%，低于6月末应达到的40%。' });
    expect(p.reasons[1]).toMatchObject({ light: 'yellow', figures: expect.objectContaining({ behindPoints: '19.73', tolerancePoints: '10' }) });
    expect(p.light).toBe('red');
    // Issued Friday 5 July 2024: ten working days later is Friday 19 July.
    expect(p.response).toEqual({ codes: ['MON-CHECKPOINT-MISSED'], issuedAt: '2024-07-05', due: '2024-07-19', workingDays: 10 });
  });

  it('uses the latest checkpoint passed by the snapshot date', () => {
    expect(assess([snapshot('30', HEALTHY, '2024-05-31', '2024-05')], '2024-06-05').execution?.checkpoint).toEqual({ month: 4, minExecution: '0.25', met: true });
    expect(assess([snapshot('20', HEALTHY, '2024-03-31', '2024-Q1')], '2024-04-05').execution?.checkpoint).toBeUndefined();
  });

  it('the rule set decides: a province warning at 50% by June', () => {
    const strict = parseRuleSet({ ...JSON.parse(JSON.stringify(rs)), monitoring: { checkpoints: [{ month: 6, minExecution: '0.55' }], responseWorkingDays: 5 } });
    if (!strict.ok) throw new Error(strict.issues.join());
    const p = assess([snapshot('50')], '2024-07-05', goals(), strict.ruleSet);
    expect(codes(p)).toEqual(['MON-CHECKPOINT-MISSED']);
    expect(p.response?.due).toBe('2024-07-12');
  });

  it('uses the budget of the snapshot when it changed', () => {
    const s = MonitoringSnapshot.parse({ ...snapshot('50'), budget: '80' });
    expect(assess([s]).execution).toMatchObject({ budget: '80', rate: '0.6250' });
  });
});

describe('assessMonitoring: goal completion against execution (双监控)', () => {
  it('goal completion far behind spending is red and needs an answer', () => {
    // 监督抽查批次 300 of 600 = 50% done; execution 75%: 25 points apart.
    const p = assess([snapshot('75')]);
    expect(p.completion).toBe('0.5000');
    expect(codes(p)).toEqual(['MON-GAP']);
    expect(p.reasons[0]!.message).toBe('绩效目标完成进度50%，预算执行率75%，相差25个百分点（上限10个百分点）。');
    expect(p.response?.codes).toEqual(['MON-GAP']);
  });

  it('within the allowed points is fine', () => {
    expect(codes(assess([snapshot('58')]))).toEqual([]);
  });

  it('money spent with nothing to show for it is red', () => {
    const p = assess([snapshot('20', {})]);
    expect(codes(p)).toContain('MON-NO-OUTPUT');
    expect(p.reasons.find((r) => r.code === 'MON-NO-OUTPUT')!.message).toBe('已支出20万元（执行率20%），但各项产出指标尚无进展。');
    expect(indicator(p, 'q1').reasons.map((r) => r.code)).toEqual(['MON-IND-NO-PROGRESS']);
    expect(p.response?.codes).toContain('MON-NO-OUTPUT');
  });
});

describe('assessMonitoring: indicators', () => {
  it('a cumulative target is projected to the year end', () => {
    const q1 = indicator(assess([snapshot('50')]), 'q1');
    // 300 × 366 ÷ 182 = 603.2967 ≥ 600; pro rata by 30 June: 600 × 182 ÷ 366 = 298.36.
    expect(q1).toMatchObject({ mode: 'cumulative', light: 'green', projected: '603.3', expected: '298.36', unit: '批次', ratio: '1.0000', location: '产出指标 › 数量指标 › 监督抽查批次' });
  });

  it.each([
    ['280批次', 'yellow', 'MON-IND-BEHIND', '0.9385'],
    ['250批次', 'red', 'MON-IND-UNREACHABLE', '0.8379'],
  ])('progress %s: %s (%s)', (progress, light, code, ratio) => {
    const q1 = indicator(assess([snapshot('45', { ...HEALTHY, q1: progress })]), 'q1');
    expect(q1).toMatchObject({ light, ratio });
    expect(q1.reasons.map((r) => r.code)).toEqual([code]);
  });

  it('direction-aware: a cumulative cost ceiling spent too fast is unreachable', () => {
    // 30万元 by 30 June projects to 60.33万元 against ≤41.2万元.
    const c2 = indicator(assess([snapshot('50', { ...HEALTHY, c2: '30万元' })]), 'c2');
    expect(c2).toMatchObject({ mode: 'cumulative', light: 'red', projected: '60.33' });
    expect(c2.reasons[0]!.message).toBe('截至2024-06-30完成30万元，按当前进度推算全年约60.33万元，达不到年度指标“≤41.2万元”。');
  });

  it('level targets are judged as they stand: rates, unit costs, durations', () => {
    const p = assess([snapshot('50', { ...HEALTHY, q2: '93%', c1: '720元/批次', t1: '12个工作日' })]);
    for (const id of ['q2', 'c1', 't1']) {
      expect(indicator(p, id)).toMatchObject({ mode: 'level', light: 'yellow' });
      expect(indicator(p, id).reasons.map((r) => r.code)).toEqual(['MON-IND-LEVEL-BELOW']);
    }
    expect(indicator(p, 'q2').reasons[0]!.message).toBe('目前为93%，未达到年度指标“≥95%”。');
    expect(p.light).toBe('yellow');
    expect(p.response).toBeUndefined();
  });

  it('a calendar deadline passed without completion is red; met, or not yet due, it is green', () => {
    const late = assess([snapshot('80', HEALTHY, '2024-10-31', '2024-10')], '2024-11-05');
    expect(indicator(late, 't2')).toMatchObject({ mode: 'deadline', light: 'red' });
    expect(indicator(late, 't2').reasons[0]!.message).toBe('年度指标“9月前”的时限已过，尚未填报完成情况。');
    const done = assess([snapshot('80', { ...HEALTHY, t2: '9月20日' }, '2024-10-31', '2024-10')], '2024-11-05');
    expect(indicator(done, 't2').light).toBe('green');
    expect(indicator(assess([snapshot('50')]), 't2').light).toBe('green');
  });

  it('qualitative targets are not assessed', () => {
    expect(indicator(assess([snapshot('50')]), 'b2')).toMatchObject({ mode: 'qualitative', light: 'green', reasons: [] });
  });

  it('an indicator of an embedded project is matched with its project', () => {
    const doc = goals();
    doc.projects = [{ id: 'p1', name: '食品安全专项', funding: '20', goals: [], indicators: [{ id: 'q1', name: '食品抽检批次', target: '≥100批次' }], problems: [], measures: [] }];
    const s = MonitoringSnapshot.parse({ ...snapshot('50'), indicators: [...snapshot('50').indicators, { id: 'q1', project: 'p1', progress: '20批次' }] });
    const p = assess([s], '2024-07-05', doc);
    const inner = p.indicators.find((i) => i.project === 'p1')!;
    expect(inner).toMatchObject({ light: 'red', location: '食品安全专项 › 食品抽检批次', path: '$.projects[0].indicators[0]' });
    expect(indicator(p, 'q1').light).toBe('green');
  });
});

describe('assessMonitoring: data', () => {
  it('no snapshot yet is yellow once the year is under way', () => {
    const p = assess([], '2024-05-10');
    expect(codes(p)).toEqual(['MON-NO-SNAPSHOT']);
    expect(p.reasons[0]!.message).toBe('截至2024-05-10尚未报送监控数据。');
    expect(assess([], '2024-01-15').reasons).toEqual([]);
  });

  it('a stale snapshot, older than the last checkpoint passed, is yellow', () => {
    const p = assess([snapshot('30', HEALTHY, '2024-04-30', '2024-04')], '2024-07-10');
    expect(codes(p)).toContain('MON-NO-SNAPSHOT');
    expect(p.reasons.find((r) => r.code === 'MON-NO-SNAPSHOT')!.message).toBe('最近一次监控数据截至2024-04-30，6月末的数据尚未报送。');
  });

  it('takes the latest snapshot up to asOf, ignoring later ones', () => {
    const p = assess([snapshot('20', HEALTHY, '2024-03-31', '2024-Q1'), snapshot('50'), snapshot('90', HEALTHY, '2024-09-30', '2024-Q3')], '2024-07-05');
    expect(p.snapshot).toEqual({ period: '2024-Q2', asOf: '2024-06-30' });
  });

  it('several projects: snapshots matched by document id or baseline id; counts by light', () => {
    const a = goals();
    const created = createMonitoringDocument(goals(), { id: 'mon-b' });
    if (!created.ok) throw new Error(created.message);
    const b = created.document;
    b.header.organisation = '某县市场监督管理局';
    const all = assessMonitoring([a, b], [snapshot('50', HEALTHY, '2024-06-30', '2024-Q2', 'goals-2024-qm'), snapshot('30', HEALTHY, '2024-06-30', '2024-Q2', 'mon-b')], rs, '2024-07-05');
    expect(all.projects.map((p) => [p.id, p.light])).toEqual([
      ['goals-2024-qm', 'green'],
      ['mon-b', 'red'],
    ]);
    expect(all.counts).toEqual({ green: 1, yellow: 0, red: 1 });
    expect(all.ruleSet).toBe('national-project@1.0.0');
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => assessMonitoring(goals(), [], rs, 'today')).toThrow(RangeError);
  });
});
