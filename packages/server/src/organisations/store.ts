/** @module Organisations: the tree finance bureau → departments (主管部门) → units (单位), per region. */
import type { Kysely, Transaction } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB, OrgKind, OrgRow } from '../db/types.js';
import { AppError } from '../http/errors.js';
import type { OrgSubject } from '../permissions/policy.js';

type Tx = Transaction<DB> | Kysely<DB>;

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = Object.freeze({
  bureau: '财政局',
  department: '主管部门',
  unit: '单位',
});

/** The kind a child of each kind must have. */
const CHILD_KIND: Readonly<Record<OrgKind, OrgKind | undefined>> = { bureau: 'department', department: 'unit', unit: undefined };

export function orgSubject(o: OrgRow): OrgSubject {
  return { type: 'org', region: o.region, id: o.id, path: o.path, kind: o.kind };
}

export async function findOrg(tx: Tx, region: string, id: string): Promise<OrgRow | undefined> {
  return tx.selectFrom('orgs').selectAll().where('region', '=', region).where('id', '=', id).executeTakeFirst();
}

export async function listOrgs(tx: Tx, region: string): Promise<OrgRow[]> {
  return tx.selectFrom('orgs').selectAll().where('region', '=', region).orderBy('path').execute();
}

export function presentOrg(o: OrgRow) {
  return { id: o.id, parentId: o.parent_id, kind: o.kind, kindLabel: ORG_KIND_LABELS[o.kind], name: o.name, code: o.code };
}

/** Creates a region with its finance bureau (the root of its tree). */
export async function createRegion(
  tx: Tx,
  input: { region: string; name: string; bureauName: string; bureauId?: string | undefined },
): Promise<OrgRow> {
  await tx.insertInto('regions').values({ region: input.region, name: input.name }).execute();
  const id = input.bureauId ?? uuidv7();
  const row = { region: input.region, id, parent_id: null, kind: 'bureau' as const, name: input.bureauName, code: null, path: `/${id}/` };
  await tx.insertInto('orgs').values(row).execute();
  await recordEvent(tx, {
    region: input.region,
    actorId: null,
    action: 'region.create',
    subjectType: 'region',
    subjectId: input.region,
    diff: { name: input.name, bureau: input.bureauName },
  });
  return { ...row, created_at: new Date() };
}

/** Adds a department under the bureau or a unit under a department. */
export async function createOrg(
  tx: Tx,
  actor: { region: string; id: string | null; requestId?: string | undefined },
  parent: OrgRow,
  input: { name: string; code?: string | undefined; id?: string | undefined },
): Promise<OrgRow> {
  const kind = CHILD_KIND[parent.kind];
  if (!kind) throw new AppError('invalid-request', '单位之下不能再建下级组织');
  const id = input.id ?? uuidv7();
  const row = { region: parent.region, id, parent_id: parent.id, kind, name: input.name, code: input.code ?? null, path: `${parent.path}${id}/` };
  await tx.insertInto('orgs').values(row).execute();
  await recordEvent(tx, {
    region: parent.region,
    actorId: actor.id,
    action: 'org.create',
    subjectType: 'org',
    subjectId: id,
    diff: { name: input.name, kind, parentId: parent.id, code: input.code ?? null },
    requestId: actor.requestId,
  });
  return { ...row, created_at: new Date() };
}
