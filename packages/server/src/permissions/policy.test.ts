import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../http/env.js';
import { allow, readScope, workflowActionsFor } from './policy.js';
import type { EvaluationSubject } from './policy.js';

const user = (role: AuthUser['role'], orgPath: string, region = 'r1'): AuthUser => {
  const orgId = orgPath.split('/').filter(Boolean).at(-1) ?? '';
  return { region, id: `${role}-${orgId}`, username: role, displayName: role, role, orgId, orgPath, orgKind: 'unit', mustChangePassword: false };
};

const doc = (orgPath: string, status: EvaluationSubject['status'] = 'draft', region = 'r1'): EvaluationSubject => ({
  type: 'evaluation',
  region,
  orgId: orgPath.split('/').filter(Boolean).at(-1) ?? '',
  orgPath,
  status,
});

const unitA = '/b/d1/u1/';
const unitB = '/b/d1/u2/';
const unitC = '/b/d2/u3/';

describe('readScope', () => {
  it('is the own organisation for unit staff, the subtree for reviewers, the region for finance and admin', () => {
    expect(readScope(user('preparer', unitA))).toEqual({ kind: 'org', region: 'r1', orgId: 'u1' });
    expect(readScope(user('reviewer', '/b/d1/'))).toEqual({ kind: 'subtree', region: 'r1', pathPrefix: '/b/d1/' });
    expect(readScope(user('finance', '/b/'))).toEqual({ kind: 'region', region: 'r1' });
  });
});

describe('allow', () => {
  it('lets a unit see only its own evaluations', () => {
    expect(allow(user('preparer', unitA), 'read', doc(unitA))).toBe(true);
    expect(allow(user('preparer', unitA), 'read', doc(unitB))).toBe(false);
    expect(allow(user('unit-head', unitA), 'read', doc(unitC))).toBe(false);
  });

  it('lets a reviewer see their department’s subtree, not the other department', () => {
    const r = user('reviewer', '/b/d1/');
    expect(allow(r, 'read', doc(unitA))).toBe(true);
    expect(allow(r, 'read', doc(unitB))).toBe(true);
    expect(allow(r, 'read', doc(unitC))).toBe(false);
    // A sibling whose id starts like ours is not inside our subtree.
    expect(allow(user('reviewer', '/b/d1/'), 'read', doc('/b/d10/u9/'))).toBe(false);
  });

  it('stops at the region boundary for everyone', () => {
    for (const role of ['preparer', 'unit-head', 'reviewer', 'finance', 'admin'] as const) {
      expect(allow(user(role, role === 'preparer' || role === 'unit-head' ? unitA : '/b/', 'r2'), 'read', doc(unitA))).toBe(false);
    }
  });

  it('lets only the unit’s staff edit, and only drafts and returned documents', () => {
    expect(allow(user('preparer', unitA), 'update', doc(unitA, 'draft'))).toBe(true);
    expect(allow(user('preparer', unitA), 'update', doc(unitA, 'returned'))).toBe(true);
    expect(allow(user('preparer', unitA), 'update', doc(unitA, 'submitted'))).toBe(false);
    expect(allow(user('reviewer', '/b/d1/'), 'update', doc(unitA, 'draft'))).toBe(false);
    expect(allow(user('finance', '/b/'), 'update', doc(unitA, 'draft'))).toBe(false);
    expect(allow(user('preparer', unitA), 'delete', doc(unitA, 'returned'))).toBe(false);
  });

  it('combines the state machine with the scope for workflow actions', () => {
    expect(allow(user('reviewer', '/b/d1/'), 'approve', doc(unitA, 'submitted'))).toBe(true);
    expect(allow(user('reviewer', '/b/d2/'), 'approve', doc(unitA, 'submitted'))).toBe(false);
    expect(allow(user('finance', '/b/'), 'publish', doc(unitC, 'rechecked'))).toBe(true);
    expect(allow(user('admin', '/b/'), 'publish', doc(unitC, 'rechecked'))).toBe(false);
    expect(workflowActionsFor(user('finance', '/b/'), doc(unitA, 'approved'))).toEqual(['return', 'recheck']);
    expect(workflowActionsFor(user('reviewer', '/b/d2/'), doc(unitA, 'submitted'))).toEqual([]);
  });

  it('refuses undeclared actions', () => {
    expect(allow(user('admin', '/b/'), 'destroy' as never, doc(unitA))).toBe(false);
    expect(allow(user('admin', '/b/'), 'toString' as never, doc(unitA))).toBe(false);
  });
});
