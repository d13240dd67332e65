/** @module User accounts: creation with role and organisation checks, presentation, lock-out bookkeeping. */
import { ROLE_LABELS } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB, OrgRow, Role, UserRow } from '../db/types.js';
import { AppError } from '../http/errors.js';
import { ROLE_ORG_KINDS } from '../permissions/policy.js';
import { ORG_KIND_LABELS } from '../organisations/store.js';
import { hashPassword, passwordProblem } from './password.js';

type Tx = Transaction<DB> | Kysely<DB>;

export const USERNAME = /^[a-z0-9_.@-]{1,64}$/;

export function normaliseUsername(name: string): string {
  return name.trim().toLowerCase();
}

export function presentUser(u: UserRow, org?: Pick<OrgRow, 'name'>) {
  const locked = u.locked_until !== null && u.locked_until.getTime() > Date.now();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    orgId: u.org_id,
    ...(org ? { orgName: org.name } : {}),
    region: u.region,
    disabled: u.disabled,
    email: u.email ?? null,
    mustChangePassword: u.must_change_password,
    locked,
    lockedUntil: locked ? u.locked_until?.toISOString() ?? null : null,
  };
}

/** Checks that a role fits the kind of organisation it is attached to. */
export function checkRoleOrg(role: Role, org: OrgRow): void {
  const kinds = ROLE_ORG_KINDS[role];
  if (!kinds.includes(org.kind)) {
    throw new AppError(
      'invalid-request',
      `${ROLE_LABELS[role]}只能属于${kinds.map((k) => ORG_KIND_LABELS[k]).join('或')}，而“${org.name}”是${ORG_KIND_LABELS[org.kind]}`,
      { issues: [{ path: '$.orgId', message: '角色与组织类型不符' }] },
    );
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  org: OrgRow;
  password: string;
  mustChangePassword: boolean;
  id?: string | undefined;
  /** For reminders by e-mail. */
  email?: string | null | undefined;
}

export interface PreparedUser extends Omit<NewUser, 'password'> {
  passwordHash: string;
}

/** Checks the name, the password rules and the role's organisation, and hashes the password (outside any transaction: it is slow on purpose). */
export async function prepareUser(input: NewUser, hashCost: number): Promise<PreparedUser> {
  const username = normaliseUsername(input.username);
  if (!USERNAME.test(username)) {
    throw new AppError('invalid-request', '用户名只能包含字母、数字和 _ . @ -，最长 64 个字符', { issues: [{ path: '$.username', message: '格式无效' }] });
  }
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AppError('invalid-request', problem, { issues: [{ path: '$.password', message: problem }] });
  checkRoleOrg(input.role, input.org);
  const { password, ...rest } = input;
  return { ...rest, username, passwordHash: await hashPassword(password, hashCost) };
}

/**
 * Creates a user. User names are unique across all regions (login does not ask for the region); an
 * advisory lock on the name makes the check-and-insert safe against a concurrent creation.
 */
export async function createUser(tx: Tx, actor: { id: string | null; requestId?: string | undefined }, input: PreparedUser): Promise<UserRow> {
  const username = input.username;
  await sql`SELECT pg_advisory_xact_lock(7201, hashtext(${username}))`.execute(tx);
  const taken = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new AppError('conflict', `用户名 ${username} 已被使用`, { issues: [{ path: '$.username', message: '已被使用' }] });
  const row = {
    region: input.org.region,
    id: input.id ?? uuidv7(),
    username,
    display_name: input.displayName,
    role: input.role,
    org_id: input.org.id,
    password_hash: input.passwordHash,
    must_change_password: input.mustChangePassword,
    email: input.email ?? null,
  };
  await tx.insertInto('users').values(row).execute();
  await recordEvent(tx, {
    region: row.region,
    actorId: actor.id,
    action: 'user.create',
    subjectType: 'user',
    subjectId: row.id,
    diff: { username, displayName: input.displayName, role: input.role, orgId: input.org.id },
    requestId: actor.requestId,
  });
  return tx.selectFrom('users').selectAll().where('region', '=', row.region).where('id', '=', row.id).executeTakeFirstOrThrow();
}
