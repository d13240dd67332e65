import { defaultRuleSetFor, executionCurve } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { scheduleOption, scheduleSummary } from './schedule.js';

describe('schedule chart', () => {
  it('draws execution, schedule and checkpoints from core’s curve', () => {
    const curve = executionCurve([{ project: 'p', period: '2024-Q2', asOf: '2024-06-30', executed: '30', indicators: [] }], { p: '100' }, { year: 2024, ruleSet: defaultRuleSetFor('project'), through: 6 });
    const option = scheduleOption(curve) as { series: Array<{ name: string; data: Array<number | null> }> };
    expect(option.series.map((s) => s.name)).toEqual(['预算执行率', '时间进度', '进度节点']);
    expect(option.series[0]!.data[5]).toBe(30);
    expect(option.series[2]!.data[3]).toBe(25);
    expect(scheduleSummary(curve)).toContain('执行率30.00%');
  });
});
