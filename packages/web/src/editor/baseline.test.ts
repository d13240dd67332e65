import { describe, expect, it } from 'vitest';
import { createSelfEvaluation, EvaluationDocument } from '@jixiao/core';
import { TARGET_LOCKED, baselineView, takeApprovedTargets } from './baseline.js';

const goals = EvaluationDocument.parse({
  schemaVersion: 1,
  header: { title: '2026年食品抽检项目绩效目标申报表', year: 2026, level: 'project', stage: 'goals', organisation: '某局' },
  indicators: [
    {
      id: 'out',
      name: '产出指标',
      children: [
        { id: 'n1', name: '抽检批次', target: '≥500批次', weight: '20' },
        { id: 'n2', name: '抽检合格率', target: '≥95%', weight: '20' },
      ],
    },
  ],
});

describe('baselineView', () => {
  it('locks carried-over targets, notes approved and pending adjustments, and flags a target that departs', () => {
    const made = createSelfEvaluation({ ...goals, id: 'g1' }, { status: 'approved' });
    if (!made.ok) throw new Error(made.message);
    const derived = made.document;
    const withAdjustments: EvaluationDocument = {
      ...goals,
      adjustments: [
        { id: 'a1', indicatorId: 'n1', from: '≥500批次', to: '≥450批次', reason: '经费压减', requestedBy: 'u1', requestedAt: '2026-05-01T00:00:00Z', status: 'approved', approvedBy: 'u2', approvedAt: '2026-05-03T00:00:00Z' },
        { id: 'a2', indicatorId: 'n2', from: '≥95%', to: '≥96%', reason: '提高要求', requestedBy: 'u1', requestedAt: '2026-06-01T00:00:00Z', status: 'pending' },
      ],
    };
    const edited: EvaluationDocument = { ...derived, indicators: [{ ...derived.indicators[0]!, children: [...derived.indicators[0]!.children!, { id: 'n3', name: '新增指标', target: '100%' }] }] };
    const v = baselineView(withAdjustments, edited);
    const [n1, , n3] = edited.indicators[0]!.children!;
    expect(v.locks(n1!, 'target')).toBe(TARGET_LOCKED);
    expect(v.locks(n1!, 'actual')).toBeUndefined();
    expect(v.locks(n3!, 'target')).toBeUndefined();
    // Derived before the adjustment was approved: n1 still says ≥500批次.
    expect(v.stale).toEqual(['n1']);
    expect(v.notes.get('n1')).toEqual({ text: '与审核通过的指标值不一致（应为：≥450批次）', warn: true });
    expect(v.notes.get('n2')).toEqual({ text: '调整申请待审核：≥96%' });
    const fixed = takeApprovedTargets(edited, v.approved);
    expect(fixed.indicators[0]!.children!.map((n) => n.target)).toEqual(['≥450批次', '≥95%', '100%']);
    const after = baselineView(withAdjustments, fixed);
    expect(after.stale).toEqual([]);
    expect(after.notes.get('n1')).toEqual({ text: '已按批准的调整修改（申报时：≥500批次）' });
  });
});
