import { describe, expect, it } from 'vitest';
import type { EvaluationDocument, TargetAdjustment } from '../model/index.js';
import { parseDocument } from '../model/index.js';
import { scoreDocument } from '../scoring/index.js';
import { applyAdjustments, createSelfEvaluation, decideAdjustment, effectiveValue, requestAdjustment } from './index.js';
import type { AdjustmentRequest, AdjustmentResult } from './index.js';
import { goalsDoc } from './testing.test.js';

function base(): EvaluationDocument {
  const r = createSelfEvaluation(goalsDoc(), { id: 'se-1' });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

function ok(r: AdjustmentResult): EvaluationDocument {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.document;
}

const request = (over: Partial<AdjustmentRequest> = {}): AdjustmentRequest => ({
  id: 'a1',
  indicatorId: 'q1',
  to: '≥500批次',
  reason: '年中预算压减20%，抽查批次相应调整',
  requestedBy: 'preparer-1',
  requestedAt: '2024-06-10T09:00:00+08:00',
  ...over,
});

const approve = (by = 'reviewer-1', at = '2024-06-12T15:00:00+08:00') => ({ decision: 'approve' as const, by, at });

describe('target adjustments (调整)', () => {
  it('a request records the current value as from, stays pending and changes nothing yet', () => {
    const r = requestAdjustment(base(), request());
    expect(r).toMatchObject({ ok: true, adjustment: { id: 'a1', indicatorId: 'q1', from: '≥600批次', to: '≥500批次', status: 'pending' } });
    const doc = ok(r);
    expect(effectiveValue(doc, 'q1')).toBe('≥600批次');
    const applied = applyAdjustments(doc);
    expect(applied.views).toEqual([
      expect.objectContaining({ indicatorId: 'q1', field: 'target', original: '≥600批次', adjusted: '≥600批次', pending: '≥500批次', location: '产出指标 › 数量指标 › 监督抽查批次' }),
    ]);
  });

  it('once approved, the adjusted target applies and the original stays beside it', () => {
    const doc = ok(decideAdjustment(ok(requestAdjustment(base(), request())), 'a1', approve()));
    expect(doc.adjustments![0]).toMatchObject({ status: 'approved', approvedBy: 'reviewer-1', approvedAt: '2024-06-12T15:00:00+08:00' });
    expect(effectiveValue(doc, 'q1')).toBe('≥500批次');
    // The baseline is untouched in the stored document …
    expect(doc.indicators[0]!.children![0]!.children![0]!.target).toBe('≥600批次');
    // … and applied in the document to score.
    const applied = applyAdjustments(doc);
    expect(applied.document.indicators[0]!.children![0]!.children![0]!.target).toBe('≥500批次');
    expect(applied.views).toEqual([
      {
        indicatorId: 'q1',
        field: 'target',
        path: '$.indicators[0].children[0].children[0]',
        location: '产出指标 › 数量指标 › 监督抽查批次',
        original: '≥600批次',
        adjusted: '≥500批次',
        history: [expect.objectContaining({ id: 'a1', status: 'approved' })],
      },
    ]);
    expect(applied.issues).toEqual([]);
    expect(parseDocument(JSON.parse(JSON.stringify(applied.document)))).toMatchObject({ ok: true });
  });

  it('scoring the applied document uses the adjusted target', () => {
    let doc = ok(decideAdjustment(ok(requestAdjustment(base(), request())), 'a1', approve()));
    doc = { ...doc, funding: { ...doc.funding!, tables: doc.funding!.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, amounts: { ...r.amounts, executed: r.amounts.annualBudget! } })) })) } };
    const q1 = doc.indicators[0]!.children![0]!.children![0]!;
    q1.actual = '520批次';
    expect(scoreDocument(doc).items.find((i) => i.id === 'q1')?.status).toBe('partly-met');
    expect(scoreDocument(applyAdjustments(doc).document).items.find((i) => i.id === 'q1')?.status).toBe('met');
  });

  it('successive adjustments chain: each starts from the value the previous one set', () => {
    let doc = ok(decideAdjustment(ok(requestAdjustment(base(), request())), 'a1', approve()));
    doc = ok(requestAdjustment(doc, request({ id: 'a2', to: '≥450批次', requestedAt: '2024-09-01' })));
    expect(doc.adjustments![1]!.from).toBe('≥500批次');
    doc = ok(decideAdjustment(doc, 'a2', approve('reviewer-2', '2024-09-03')));
    const applied = applyAdjustments(doc);
    expect(applied.views[0]).toMatchObject({ original: '≥600批次', adjusted: '≥450批次' });
    expect(applied.views[0]!.history.map((h) => h.id)).toEqual(['a1', 'a2']);
    expect(applied.issues).toEqual([]);
  });

  it('a rejection needs a reason, is kept in the history, and changes nothing', () => {
    const pending = ok(requestAdjustment(base(), request()));
    expect(decideAdjustment(pending, 'a1', { decision: 'reject', by: 'reviewer-1', at: '2024-06-12' })).toMatchObject({ ok: false, code: 'rejection-reason-required' });
    const doc = ok(decideAdjustment(pending, 'a1', { decision: 'reject', by: 'reviewer-1', at: '2024-06-12', reason: '压减不影响抽查任务' }));
    expect(doc.adjustments![0]).toMatchObject({ status: 'rejected', rejectedBy: 'reviewer-1', rejectionReason: '压减不影响抽查任务' });
    expect(applyAdjustments(doc).views[0]).toMatchObject({ original: '≥600批次', adjusted: '≥600批次' });
    expect(applyAdjustments(doc).views[0]!.pending).toBeUndefined();
  });

  it('weights can be adjusted too', () => {
    let doc = ok(requestAdjustment(base(), request({ field: 'weight', indicatorId: 'q2', to: '25' })));
    expect(doc.adjustments![0]!.from).toBe('20');
    doc = ok(decideAdjustment(doc, 'a1', approve()));
    expect(effectiveValue(doc, 'q2', 'weight')).toBe('25');
    expect(applyAdjustments(doc).views[0]).toMatchObject({ field: 'weight', original: '20', adjusted: '25' });
  });

  it('indicators of embedded projects are addressed with their project', () => {
    const doc0 = base();
    doc0.projects = [{ id: 'p1', name: '食品安全专项', goals: [], indicators: [{ id: 'q1', name: '食品抽检批次', target: '≥100批次' }], problems: [], measures: [] }];
    let doc = ok(requestAdjustment(doc0, request({ project: 'p1', to: '≥80批次' })));
    doc = ok(decideAdjustment(doc, 'a1', approve()));
    expect(effectiveValue(doc, 'q1', 'target', 'p1')).toBe('≥80批次');
    expect(effectiveValue(doc, 'q1')).toBe('≥600批次');
    expect(applyAdjustments(doc).views[0]).toMatchObject({ project: 'p1', path: '$.projects[0].indicators[0]', location: '食品安全专项 › 食品抽检批次' });
  });

  it.each([
    ['an unknown indicator', request({ indicatorId: 'nope' }), 'unknown-indicator'],
    ['an unknown project', request({ project: 'nope' }), 'unknown-indicator'],
    ['a section, not an indicator', request({ indicatorId: 'out.qty' }), 'not-a-leaf'],
    ['no reason', request({ reason: '  ' }), 'reason-required'],
    ['an empty value', request({ to: ' ' }), 'empty-value'],
    ['the same value', request({ to: '≥600批次' }), 'unchanged'],
    ['a negative weight', request({ field: 'weight', to: '-1' }), 'invalid-weight'],
    ['a weight that is not a number', request({ field: 'weight', to: '二十' }), 'invalid-weight'],
  ])('refuses a request with %s', (_name, req, code) => {
    const r = requestAdjustment(base(), req);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a second pending request for the same indicator, and a duplicate id', () => {
    const doc = ok(requestAdjustment(base(), request()));
    expect(requestAdjustment(doc, request({ id: 'a2', to: '≥400批次' }))).toMatchObject({ ok: false, code: 'pending-exists' });
    expect(requestAdjustment(doc, request({ indicatorId: 'q2', to: '≥90%' }))).toMatchObject({ ok: false, code: 'duplicate-id' });
    expect(requestAdjustment(doc, request({ id: 'a2', indicatorId: 'q2', to: '≥90%' })).ok).toBe(true);
  });

  it('refuses decisions: unknown, already decided, by the requester, or on a stale value', () => {
    const pending = ok(requestAdjustment(base(), request()));
    expect(decideAdjustment(pending, 'zz', approve())).toMatchObject({ ok: false, code: 'unknown-adjustment' });
    expect(decideAdjustment(pending, 'a1', approve('preparer-1'))).toMatchObject({ ok: false, code: 'same-person' });
    const approved = ok(decideAdjustment(pending, 'a1', approve()));
    expect(decideAdjustment(approved, 'a1', approve())).toMatchObject({ ok: false, code: 'not-pending' });
    const stale: TargetAdjustment = { id: 'a9', indicatorId: 'q1', from: '≥600批次', to: '≥300批次', reason: 'r', requestedBy: 'x', requestedAt: '2024-06-11', status: 'pending' };
    expect(decideAdjustment({ ...approved, adjustments: [...approved.adjustments!, stale] }, 'a9', approve())).toMatchObject({ ok: false, code: 'stale' });
  });

  it('reports an approved adjustment whose from does not match, and one for a missing indicator', () => {
    const doc = base();
    doc.adjustments = [
      { id: 'x1', indicatorId: 'q1', from: '≥700批次', to: '≥500批次', reason: 'r', requestedBy: 'a', requestedAt: '2024-06-01', status: 'approved', approvedBy: 'b', approvedAt: '2024-06-02' },
      { id: 'x2', indicatorId: 'gone', from: '1', to: '2', reason: 'r', requestedBy: 'a', requestedAt: '2024-06-01', status: 'approved', approvedBy: 'b', approvedAt: '2024-06-02' },
    ];
    const applied = applyAdjustments(doc);
    expect(applied.issues.map((i) => [i.code, i.adjustmentId])).toEqual([['unknown-indicator', 'x2'], ['chain-broken', 'x1']]);
    expect(applied.views[0]).toMatchObject({ original: '≥600批次', adjusted: '≥500批次' });
  });

  it('never changes the document it is given', () => {
    const doc = base();
    const frozen = JSON.stringify(doc);
    const pending = ok(requestAdjustment(doc, request()));
    const pendingFrozen = JSON.stringify(pending);
    const approved = ok(decideAdjustment(pending, 'a1', approve()));
    applyAdjustments(approved);
    expect(JSON.stringify(doc)).toBe(frozen);
    expect(JSON.stringify(pending)).toBe(pendingFrozen);
    expect(applyAdjustments(doc).document).toBe(doc);
  });
});
