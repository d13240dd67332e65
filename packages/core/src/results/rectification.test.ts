import { describe, expect, it } from 'vitest';
import { auditDocument } from '../audit/index.js';
import { seed } from '../audit/testing.test.js';
import { getRuleSet } from '../rulesets/index.js';
import { addEvidence, closeTask, reassignTask, RectificationTask, reopenTask, startTask, taskState, tasksFromFindings } from './index.js';
import type { TaskResult } from './index.js';

const findings = auditDocument(seed('000')).findings;
const options = { evaluationId: 'ev-000', owner: 'unit-yiyang', by: 'reviewer-1', at: '2021-06-01T10:00:00+08:00', ruleSet: getRuleSet('national-project')! };

function ok(r: TaskResult): RectificationTask {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.task;
}

const evidence = { id: 'ev1', name: '2020年度预算调整批复.pdf', size: 120_000, mediaType: 'application/pdf' };

describe('tasksFromFindings', () => {
  it('one open task per finding, with the rule set’s default deadline and a creation event', () => {
    const tasks = tasksFromFindings(findings, options);
    expect(tasks).toHaveLength(findings.length);
    const rate = tasks.find((t) => t.findingCode === 'ARITH-EXEC-RATE')!;
    expect(rate).toEqual({
      id: 'ev-000:ARITH-EXEC-RATE:$.funding.execution.printedRate',
      evaluationId: 'ev-000',
      findingCode: 'ARITH-EXEC-RATE',
      location: rate.location,
      path: '$.funding.execution.printedRate',
      message: findings.find((f) => f.code === 'ARITH-EXEC-RATE')!.message,
      severity: 'error',
      owner: 'unit-yiyang',
      deadline: '2021-07-31',
      status: 'open',
      evidence: [],
      history: [{ at: '2021-06-01T10:00:00+08:00', by: 'reviewer-1', action: 'create', to: 'open' }],
    });
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) expect(RectificationTask.safeParse(t).success).toBe(true);
  });

  it('filters by severity, takes an explicit deadline, numbers repeated findings', () => {
    const only = tasksFromFindings(findings, { ...options, severities: ['error'], deadline: '2021-09-30' });
    expect(only.every((t) => t.severity === 'error' && t.deadline === '2021-09-30')).toBe(true);
    const twice = tasksFromFindings([{ code: 'REVIEW', location: '正文' }, { code: 'REVIEW', location: '正文' }], options);
    expect(twice.map((t) => t.id)).toEqual(['ev-000:REVIEW:正文', 'ev-000:REVIEW:正文#2']);
  });
});

describe('rectification transitions', () => {
  const task = tasksFromFindings(findings, options).find((t) => t.findingCode === 'ARITH-EXEC-RATE')!;
  const actor = { by: 'unit-user', at: '2021-06-10' };

  it('open → in progress → (evidence) → closed, with the history kept', () => {
    const started = ok(startTask(task, actor));
    const withEvidence = ok(addEvidence(started, evidence, actor));
    const closed = ok(closeTask(withEvidence, { by: 'unit-user', at: '2021-06-20', note: '已调整全年预算数并重算执行率' }));
    expect(closed.status).toBe('closed');
    expect(closed.evidence).toEqual([evidence]);
    expect(closed.history.map((h) => [h.action, h.from ?? null, h.to])).toEqual([
      ['create', null, 'open'],
      ['start', 'open', 'in-progress'],
      ['evidence', 'in-progress', 'in-progress'],
      ['close', 'in-progress', 'closed'],
    ]);
    expect(closed.history[3]!.note).toBe('已调整全年预算数并重算执行率');
    expect(taskState(closed, '2021-12-01')).toEqual({ status: 'closed', label: '已完成', overdue: false });
  });

  it('closing needs evidence; reopening needs a reason and goes back to open', () => {
    const started = ok(startTask(task, actor));
    expect(closeTask(started, actor)).toMatchObject({ ok: false, code: 'evidence-required', message: '办结整改任务必须上传整改佐证材料。' });
    const closed = ok(closeTask(ok(addEvidence(started, evidence, actor)), actor));
    expect(reopenTask(closed, { ...actor, reason: ' ' })).toMatchObject({ ok: false, code: 'reason-required' });
    const reopened = ok(reopenTask(closed, { ...actor, reason: '佐证材料未体现预算调整' }));
    expect(reopened.status).toBe('open');
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopen', from: 'closed', to: 'open', note: '佐证材料未体现预算调整' });
    expect(reopened.evidence).toEqual([evidence]);
  });

  it.each([
    ['start an in-progress task', (t: RectificationTask) => startTask(ok(startTask(t, actor)), actor), 'not-open'],
    ['close an open task', (t: RectificationTask) => closeTask(t, actor), 'not-in-progress'],
    ['reopen an open task', (t: RectificationTask) => reopenTask(t, { ...actor, reason: 'x' }), 'not-closed'],
    ['add malformed evidence', (t: RectificationTask) => addEvidence(t, { name: 'x' }, actor), 'invalid-evidence'],
    ['reassign to nobody', (t: RectificationTask) => reassignTask(t, { owner: ' ' }, actor), 'owner-required'],
    ['move the deadline to no date', (t: RectificationTask) => reassignTask(t, { deadline: '2021-02-30' }, actor), 'invalid-deadline'],
  ])('refuses to %s', (_name, act, code) => {
    expect(act(task)).toMatchObject({ ok: false, code });
  });

  it('reassigns owner and deadline, recorded; nothing changes once closed', () => {
    const moved = ok(reassignTask(task, { owner: 'unit-finance', deadline: '2021-08-31' }, actor));
    expect(moved).toMatchObject({ owner: 'unit-finance', deadline: '2021-08-31', status: 'open' });
    expect(moved.history.at(-1)!.note).toBe('owner unit-yiyang → unit-finance; deadline 2021-07-31 → 2021-08-31');
    const closed = ok(closeTask(ok(addEvidence(ok(startTask(task, actor)), evidence, actor)), actor));
    expect(reassignTask(closed, { owner: 'x' }, actor)).toMatchObject({ ok: false, code: 'closed' });
    expect(addEvidence(closed, evidence, actor)).toMatchObject({ ok: false, code: 'closed' });
  });

  it('is overdue after the deadline', () => {
    expect(taskState(task, '2021-07-31')).toEqual({ status: 'open', label: '待整改', daysLeft: 0, overdue: false });
    expect(taskState(task, '2021-08-02')).toMatchObject({ daysLeft: -2, overdue: true });
  });

  it('never changes the task it is given', () => {
    const frozen = JSON.stringify(task);
    ok(closeTask(ok(addEvidence(ok(startTask(task, actor)), evidence, actor)), actor));
    expect(JSON.stringify(task)).toBe(frozen);
  });
});
