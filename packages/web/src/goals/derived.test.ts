import { describe, expect, it } from 'vitest';
import { canDecide, canDerive, goalTitle } from './derived.js';

describe('goalTitle and rights', () => {
  it('names the declaration', () => {
    expect(goalTitle(2025, 'project', ' 质量监督专项 ')).toBe('2025年度质量监督专项绩效目标申报表');
    expect(goalTitle(2025, 'department', '')).toBe('2025年度部门部门整体支出绩效目标申报表');
  });
  it('lets the unit derive approved goals and reviewers decide', () => {
    const unit = { role: 'preparer' as const, orgId: 'u1' };
    expect(canDerive(unit, { orgId: 'u1', status: 'approved' })).toBe(true);
    expect(canDerive(unit, { orgId: 'u1', status: 'submitted' })).toBe(false);
    expect(canDerive(unit, { orgId: 'u2', status: 'approved' })).toBe(false);
    expect(canDecide({ role: 'reviewer' }, { status: 'rechecked' })).toBe(true);
    expect(canDecide({ role: 'preparer' }, { status: 'approved' })).toBe(false);
  });
});
