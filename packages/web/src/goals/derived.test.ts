import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/types.js';
import { canDecide, canDerive, derivedFromEvents, goalTitle } from './derived.js';

const ev = (at: string, action: string, diff: unknown): AuditEvent => ({ id: at, at, actor: null, action, subjectType: 'evaluation', subjectId: 'g', evaluationId: 'g', diff, requestId: null });

describe('derivedFromEvents', () => {
  it('keeps goal.derive events with a derived id, newest first, once each', () => {
    const out = derivedFromEvents([
      ev('2025-01-02T00:00:00Z', 'goal.derive', { stage: 'monitoring', derived: 'm1', baselineVersion: 3 }),
      ev('2025-01-03T00:00:00Z', 'evaluation.update', { changes: [] }),
      ev('2025-01-04T00:00:00Z', 'goal.derive', { stage: 'self-evaluation', derived: 's1' }),
      ev('2025-01-05T00:00:00Z', 'goal.derive', { stage: 'other', derived: 'x' }),
      ev('2025-01-01T00:00:00Z', 'goal.derive', { stage: 'monitoring', derived: 'm1' }),
    ]);
    expect(out.map((d) => d.id)).toEqual(['s1', 'm1']);
    expect(out[1]).toMatchObject({ stage: 'monitoring', baselineVersion: 3 });
  });
});

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
