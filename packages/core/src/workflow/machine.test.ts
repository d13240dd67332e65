import { describe, expect, it } from 'vitest';
import {
  WORKFLOW_ACTIONS,
  WORKFLOW_ROLES,
  WORKFLOW_STATES,
  availableActions,
  canRescore,
  isEditable,
  isPublic,
  replay,
  transition,
} from './index.js';
import type { WorkflowAction, WorkflowRole, WorkflowState } from './index.js';

/**
 * The expected machine, written out independently of `TRANSITIONS`: state → action → role → target.
 * Every (state, action, role) triple not listed here must be refused.
 */
const ALLOWED: ReadonlyArray<[WorkflowState, WorkflowAction, WorkflowRole, WorkflowState]> = [
  ['draft', 'submit', 'preparer', 'submitted'],
  ['draft', 'submit', 'unit-head', 'submitted'],
  ['returned', 'submit', 'preparer', 'submitted'],
  ['returned', 'submit', 'unit-head', 'submitted'],
  ['submitted', 'approve', 'reviewer', 'approved'],
  ['submitted', 'return', 'reviewer', 'returned'],
  ['approved', 'return', 'finance', 'returned'],
  ['approved', 'recheck', 'finance', 'rechecked'],
  ['rechecked', 'publish', 'finance', 'published'],
];

const key = (s: string, a: string, r: string) => `${s}|${a}|${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));

const triples = WORKFLOW_STATES.flatMap((s) => WORKFLOW_ACTIONS.flatMap((a) => WORKFLOW_ROLES.map((r) => [s, a, r] as const)));

describe('transition: every allowed triple', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (state, action, role, to) => {
    const r = transition(state, action, { role, reason: '材料不全，请补充佐证' });
    expect(r).toEqual({ ok: true, action, from: state, to });
  });
});

describe('transition: every refused triple', () => {
  const refused = triples.filter(([s, a, r]) => !allowed.has(key(s, a, r)));
  it('covers the whole space', () => {
    expect(refused.length + ALLOWED.length).toBe(WORKFLOW_STATES.length * WORKFLOW_ACTIONS.length * WORKFLOW_ROLES.length);
  });
  it.each(refused)('%s --%s by %s is refused', (state, action, role) => {
    const r = transition(state, action, { role, reason: '原因' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Refused because no edge leaves this state with this action, or because the role may not take it.
    const edgeExists = ALLOWED.some(([s, a]) => s === state && a === action);
    expect(r.code).toBe(edgeExists ? 'role-not-allowed' : 'invalid-from-state');
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('transition: reasons and unknown input', () => {
  it('requires a reason to return, from either holder', () => {
    for (const [state, role] of [['submitted', 'reviewer'], ['approved', 'finance']] as const) {
      for (const reason of [undefined, '', '   ']) {
        const r = transition(state, 'return', { role, reason });
        expect(r).toMatchObject({ ok: false, code: 'reason-required' });
      }
    }
  });

  it('does not require a reason for the other actions', () => {
    expect(transition('draft', 'submit', { role: 'preparer' }).ok).toBe(true);
    expect(transition('submitted', 'approve', { role: 'reviewer' }).ok).toBe(true);
  });

  it('rejects unknown states and actions with a message, never throwing', () => {
    expect(transition('archived', 'submit', { role: 'preparer' })).toMatchObject({ ok: false, code: 'unknown-state' });
    expect(transition('draft', 'delete', { role: 'preparer' })).toMatchObject({ ok: false, code: 'unknown-action' });
    expect(transition('draft', '__proto__', { role: 'preparer' })).toMatchObject({ ok: false, code: 'unknown-action' });
  });

  it('says who may act when the role is wrong', () => {
    const r = transition('submitted', 'approve', { role: 'preparer' });
    expect(r).toMatchObject({ ok: false, code: 'role-not-allowed' });
    if (!r.ok) expect(r.message).toContain('主管部门审核人');
  });
});

describe('availableActions', () => {
  it.each(WORKFLOW_STATES.flatMap((s) => WORKFLOW_ROLES.map((r) => [s, r] as const)))('%s for %s', (state, role) => {
    const expected = WORKFLOW_ACTIONS.filter((a) => allowed.has(key(state, a, role)));
    expect(availableActions(state, role)).toEqual(expected);
  });

  it('leaves a published document with no actions and the admin with none anywhere', () => {
    for (const role of WORKFLOW_ROLES) expect(availableActions('published', role)).toEqual([]);
    for (const state of WORKFLOW_STATES) expect(availableActions(state, 'admin')).toEqual([]);
  });
});

describe('editing, re-scoring and publicity', () => {
  it('lets the preparer edit drafts and returned documents only', () => {
    expect(WORKFLOW_STATES.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('lets the current holder re-score', () => {
    const pairs = WORKFLOW_STATES.flatMap((s) => WORKFLOW_ROLES.filter((r) => canRescore(s, r)).map((r) => `${s}:${r}`));
    expect(pairs).toEqual(['submitted:reviewer', 'approved:finance']);
  });

  it('makes only published documents public', () => {
    expect(WORKFLOW_STATES.filter(isPublic)).toEqual(['published']);
  });
});

describe('replay', () => {
  it('walks the whole loop, with a return and a resubmission', () => {
    const r = replay([
      { action: 'submit', role: 'preparer' },
      { action: 'return', role: 'reviewer', reason: '偏差原因未填写' },
      { action: 'submit', role: 'unit-head' },
      { action: 'approve', role: 'reviewer' },
      { action: 'return', role: 'finance', reason: '执行率与决算不符' },
      { action: 'submit', role: 'preparer' },
      { action: 'approve', role: 'reviewer' },
      { action: 'recheck', role: 'finance' },
      { action: 'publish', role: 'finance' },
    ]);
    expect(r).toEqual({ ok: true, state: 'published' });
  });

  it('stops at the first refused step with its index', () => {
    const r = replay([
      { action: 'submit', role: 'preparer' },
      { action: 'publish', role: 'finance' },
    ]);
    expect(r).toMatchObject({ ok: false, index: 1, state: 'submitted', code: 'invalid-from-state' });
  });
});
