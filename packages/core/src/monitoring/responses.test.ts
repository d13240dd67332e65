import { describe, expect, it } from 'vitest';
import { getRuleSet } from '../rulesets/index.js';
import { caseStatus, CN_WORK_CALENDAR, openCase, reminders, respondAsUnit, reviewCase, WarningCase } from './index.js';
import type { ProjectAssessment } from './index.js';

const rs = getRuleSet('national-project')!;

const project = {
  id: 'p1',
  name: '质量监管专项',
  organisation: '某市市场监督管理局',
  year: 2024,
  light: 'red',
  reasons: [],
  indicators: [],
  counts: { green: 0, yellow: 0, red: 0 },
  snapshot: { period: '2024-Q2', asOf: '2024-06-30' },
  response: { codes: ['MON-CHECKPOINT-MISSED'], issuedAt: '2024-07-05', due: '2024-07-19', workingDays: 10 },
} satisfies ProjectAssessment;

const opened = openCase(project, 'case-1')!;
const answer = { choice: 'reallocate', reason: '部分抽检任务改由省局统一组织，申请调剂20万元', by: 'unit-user', at: '2024-07-15T10:00:00+08:00' };
const review = { decision: 'correct', reason: '同意调剂，9月底前完成剩余抽检', by: 'reviewer', at: '2024-07-17', correctBy: '2024-09-30' };

describe('warning cases', () => {
  it('open from an assessment that needs an answer, not from one that does not', () => {
    expect(opened).toEqual({ id: 'case-1', project: 'p1', projectName: '质量监管专项', period: '2024-Q2', issuedAt: '2024-07-05', due: '2024-07-19', codes: ['MON-CHECKPOINT-MISSED'] });
    expect(WarningCase.safeParse(opened).success).toBe(true);
    const { response: _r, ...calm } = project;
    expect(openCase(calm, 'x')).toBeUndefined();
  });

  it('the unit answers, then the reviewer decides: closed', () => {
    const a = respondAsUnit(opened, answer);
    expect(a).toMatchObject({ ok: true, case: { unitResponse: { choice: 'reallocate' } } });
    if (!a.ok) return;
    expect(caseStatus(a.case, '2024-07-16', CN_WORK_CALENDAR)).toEqual({ status: 'awaiting-review', label: '待审核', late: false });
    const r = reviewCase(a.case, review, '2024-07-17');
    expect(r).toMatchObject({ ok: true, case: { review: { decision: 'correct', correctBy: '2024-09-30' } } });
    if (r.ok) expect(caseStatus(r.case, '2024-07-18').status).toBe('closed');
  });

  it.each([
    [{ ...answer, reason: ' ' }, 'reason-required'],
    [{ ...answer, choice: 'ignore' }, 'invalid'],
    [{ ...answer, at: 'yesterday' }, 'invalid'],
    [{ choice: 'continue' }, 'reason-required'],
  ])('refuses the unit answer %j', (input, code) => {
    expect(respondAsUnit(opened, input)).toMatchObject({ ok: false, code });
  });

  it('refuses a second answer and a review before the unit answered or the case is overdue', () => {
    const a = respondAsUnit(opened, answer);
    if (!a.ok) throw new Error();
    expect(respondAsUnit(a.case, answer)).toMatchObject({ ok: false, code: 'already-answered' });
    expect(reviewCase(opened, review, '2024-07-19')).toMatchObject({ ok: false, code: 'not-answered', message: '单位尚未答复且未逾期，审核人暂不能处理。' });
    expect(reviewCase(opened, { ...review, decision: 'suspend' }, '2024-07-22')).toMatchObject({ ok: true, case: { review: { decision: 'suspend' } } });
    expect(reviewCase(opened, { ...review, decision: 'pause' }, '2024-07-22')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it.each([
    ['2024-07-08', 'awaiting-unit', 9],
    ['2024-07-16', 'due-soon', 3],
    ['2024-07-19', 'due-soon', 0],
    ['2024-07-22', 'overdue', -1],
  ])('on %s the case is %s (%i working days left)', (today, status, left) => {
    expect(caseStatus(opened, today, CN_WORK_CALENDAR, 3)).toMatchObject({ status, workingDaysLeft: left });
  });

  it('a late answer is recorded and said to be late', () => {
    const a = respondAsUnit(opened, { ...answer, at: '2024-07-23' });
    expect(a.ok && caseStatus(a.case, '2024-07-23').late).toBe(true);
  });

  it('reminders for the unit before the due date, for the reviewer when overdue or answered', () => {
    const answered = respondAsUnit({ ...opened, id: 'case-2' }, answer);
    if (!answered.ok) throw new Error();
    const list = reminders([opened, answered.case], '2024-07-17', rs, CN_WORK_CALENDAR);
    expect(list).toEqual([
      { caseId: 'case-1', project: 'p1', due: '2024-07-19', workingDaysLeft: 2, kind: 'due-soon', to: 'unit', message: '“质量监管专项”的监控预警须在2024-07-19前答复（还剩2个工作日），请选择继续执行、调整资金用途或取消项目。' },
      { caseId: 'case-2', project: 'p1', due: '2024-07-19', kind: 'awaiting-review', to: 'reviewer', message: '“质量监管专项”的单位已答复监控预警，请审核（继续执行、限期纠偏或暂缓拨款）。' },
    ]);
    expect(reminders([opened], '2024-07-08', rs, CN_WORK_CALENDAR)).toEqual([]);
    expect(reminders([opened], '2024-07-22', rs, CN_WORK_CALENDAR)[0]).toMatchObject({ kind: 'overdue', to: 'reviewer', message: '“质量监管专项”的监控预警已于2024-07-19到期未答复，按规定暂停拨付资金。' });
  });
});
