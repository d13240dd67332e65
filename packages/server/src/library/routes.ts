/**
 * @module Indicator library routes (指标库): search as you type, one entry with its distributions and
 * where a proposed target stands, and curation by the finance office (audit event in the same transaction).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { IndicatorCategory, applyCuration, libraryEntry, searchLibrary, targetPosition } from '@jixiao/core';
import type { CurationAction, LibraryEntry } from '@jixiao/core';
import { sql } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, errors, json, router } from '../http/openapi.js';
import { allow, readScope } from '../permissions/policy.js';


const Direction = z.enum(['higher-better', 'lower-better', 'exact', 'qualitative', 'unknown']).or(z.string());
const Count = z.object({ value: z.string(), count: z.number().int() });
const Histogram = z.array(z.tuple([z.string(), z.number().int()])).openapi({ description: '[value in the base unit, count] pairs, values ascending' });
const Quantiles = z.object({ n: z.number().int(), min: z.string(), p10: z.string(), p25: z.string(), p50: z.string(), p75: z.string(), p90: z.string(), max: z.string() });

const Hit = z
  .object({
    key: z.string().openapi({ example: '检查企业数|个' }),
    name: z.string(),
    normalized: z.string(),
    family: z.string(),
    unit: z.string().optional(),
    direction: Direction,
    category: z.string().optional(),
    uses: z.number().int(),
    organisations: z.number().int(),
    completionRate: z.string().optional().openapi({ description: 'met ÷ evaluated, a decimal string' }),
    recommended: z.boolean(),
    retired: z.boolean(),
    match: z.enum(['exact', 'prefix', 'substring', 'similar']),
    matched: z.string(),
  })
  .openapi('LibraryHit');

const Entry = z
  .object({
    key: z.string(),
    name: z.string(),
    normalized: z.string(),
    family: z.string(),
    unit: z.string().optional(),
    direction: Direction,
    category: z.string().optional(),
    uses: z.number().int(),
    organisations: z.number().int(),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    met: z.number().int(),
    evaluated: z.number().int(),
    completionRate: z.string().optional(),
    names: z.array(Count),
    units: z.array(Count),
    categories: z.array(Count),
    sectors: z.array(Count),
    functionClasses: z.array(Count),
    projectTypes: z.array(Count),
    years: z.array(z.object({ year: z.number().int(), uses: z.number().int(), met: z.number().int(), evaluated: z.number().int(), targets: Histogram, actuals: Histogram })),
    targets: Quantiles.optional(),
    actuals: Quantiles.optional(),
    byOrganisation: z
      .array(z.object({ organisation: z.string(), year: z.number().int(), target: z.string(), actual: z.string().optional(), uses: z.number().int() }))
      .openapi({ description: 'the latest use per unit: every unit for the finance office and admin, only the units in the caller’s scope otherwise' }),
    byOrganisationComplete: z.boolean().openapi({ description: 'false when units outside the caller’s scope were left out of byOrganisation' }),
    recommended: z.boolean(),
    status: z.enum(['active', 'retired']),
    retiredReason: z.string().optional(),
    aliases: z.array(z.string()),
    aliasNames: z.array(z.string()),
  })
  .openapi('LibraryEntry');

const Position = z
  .object({
    comparable: z.boolean(),
    standing: z.enum(['far-below-peers', 'below-peers', 'typical', 'above-peers', 'few-peers', 'not-comparable']),
    value: z.string().optional(),
    unit: z.string().optional(),
    direction: z.enum(['higher-better', 'lower-better', 'exact']).optional(),
    percentile: z.string().optional(),
    ambition: z.string().optional(),
    peers: Quantiles.optional(),
    belowLastYear: z.boolean().optional(),
    reasons: z.array(z.object({ code: z.string(), message: z.string(), figures: z.record(z.string(), z.string()) })),
  })
  .openapi('TargetPosition');

const SearchQuery = z.object({
  q: z.string().max(100).default('').openapi({ description: 'what the preparer has typed so far; empty lists the most used entries', example: '满意度' }),
  category: IndicatorCategory.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  includeRetired: z.enum(['true', 'false']).optional().openapi({ description: 'include retired entries (ranked lower)' }),
});

const KeyParam = z.object({ key: z.string().min(1).max(300).openapi({ param: { name: 'key', in: 'path' }, example: '检查企业数|个' }) });
const EntryQuery = z.object({
  target: z.string().max(200).optional().openapi({ description: 'a proposed target, as written: where it stands among peers', example: '≥100家' }),
  lastYearActual: z.string().max(200).optional().openapi({ description: 'last year’s actual, as written' }),
});

const Key = z.string().min(1).max(300);
const CurationBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('merge'), from: z.array(Key).min(1).max(50), into: Key, note: z.string().max(500).optional() }),
    z.object({ kind: z.literal('recommend'), key: Key, recommended: z.boolean() }),
    z.object({ kind: z.literal('retire'), key: Key, reason: z.string().min(1).max(500) }),
    z.object({ kind: z.literal('restore'), key: Key }),
    z.object({ kind: z.literal('rename'), key: Key, name: z.string().min(1).max(200) }),
  ])
  .openapi('CurationAction');

type Body = z.infer<typeof CurationBody>;

/** Organisation names in the caller's scope (for `byOrganisation`). */
async function scopeNames(deps: Deps, user: AuthUser): Promise<Set<string>> {
  const scope = readScope(user);
  let q = deps.db.selectFrom('orgs').select('name').where('region', '=', user.region);
  if (scope.kind === 'org') q = q.where('id', '=', scope.orgId);
  else if (scope.kind === 'subtree') q = q.where(sql<boolean>`starts_with(path, ${scope.pathPrefix})`);
  const rows = await q.limit(10_000).execute();
  return new Set(rows.map((r) => r.name));
}

/** An entry as the caller may see it. */
async function entryFor(deps: Deps, user: AuthUser, e: LibraryEntry) {
  const full = allow(user, 'organisations.read', { type: 'library', region: user.region });
  if (full) return { ...e, byOrganisationComplete: true };
  const names = await scopeNames(deps, user);
  const byOrganisation = e.byOrganisation.filter((o) => names.has(o.organisation));
  return { ...e, byOrganisation, byOrganisationComplete: byOrganisation.length === e.byOrganisation.length };
}

export function libraryRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const cache = deps.library;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/library/indicators',
      tags: ['library'],
      summary: 'Search the region’s indicator library as you type (ranked by match, use, completion, recency, recommendation)',
      middleware: g.read,
      request: { query: SearchQuery },
      responses: {
        200: {
          description: 'the best entries',
          content: { 'application/json': { schema: z.object({ items: z.array(Hit), documents: z.number().int(), indicators: z.number().int(), builtAt: z.string() }) } },
        },
        ...errors(...AUTHED_READ, 'forbidden'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      if (!allow(user, 'read', { type: 'library', region: user.region })) throw new AppError('forbidden');
      const qy = c.req.valid('query');
      const built = await cache.get(user.region);
      const hits = searchLibrary(built.library, qy.q, { limit: qy.limit, ...(qy.category ? { category: qy.category } : {}), includeRetired: qy.includeRetired === 'true' });
      const items = hits.map(({ score: _score, ...h }) => h);
      return json(c, { items, documents: built.library.documents, indicators: built.library.indicators, builtAt: built.builtAt.toISOString() });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/library/indicators/{key}',
      tags: ['library'],
      summary: 'One library entry: unit, direction, targets and actuals by year; with ?target= where a proposed target stands',
      middleware: g.read,
      request: { params: KeyParam, query: EntryQuery },
      responses: {
        200: { description: 'the entry', content: { 'application/json': { schema: z.object({ entry: Entry, position: Position.optional() }) } } },
        ...errors(...AUTHED_READ, 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      if (!allow(user, 'read', { type: 'library', region: user.region })) throw new AppError('forbidden');
      const { key } = c.req.valid('param');
      const qy = c.req.valid('query');
      const built = await cache.get(user.region);
      const e = libraryEntry(built.library, key);
      if (!e) throw new AppError('not-found', `指标库中没有“${key}”`);
      const entry = await entryFor(deps, user, e);
      const position = qy.target !== undefined && qy.target.trim() !== '' ? targetPosition(e, qy.target, qy.lastYearActual) : undefined;
      return json(c, { entry, ...(position ? { position } : {}) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/library/curation',
      tags: ['library'],
      summary: 'Curate the library (finance office): merge, recommend, retire, restore, rename',
      middleware: g.write,
      request: { body: { content: { 'application/json': { schema: CurationBody } }, required: true } },
      responses: {
        201: {
          description: 'applied',
          content: { 'application/json': { schema: z.object({ seq: z.number().int(), action: z.record(z.string(), z.unknown()), entry: Entry.optional() }) } },
        },
        ...errors(...AUTHED_WRITE, 'not-found', 'conflict'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      if (!allow(user, 'curate', { type: 'library', region: user.region })) throw new AppError('forbidden', '只有财政绩效科可以维护指标库');
      const body: Body = c.req.valid('json');
      const built = await cache.get(user.region);
      const action = { ...body, by: user.id, at: new Date().toISOString() } as CurationAction;
      const { library, issues } = applyCuration(built.library, [action]);
      const issue = issues[0];
      if (issue) throw new AppError(issue.code === 'unknown-entry' ? 'not-found' : 'invalid-request', issue.message, { details: { code: issue.code } });
      const seq = await deps.db.transaction().execute(async (trx) => {
        // One curation at a time per region: the sequence is the order actions are replayed in.
        await sql`SELECT pg_advisory_xact_lock(7202, hashtext(${user.region}))`.execute(trx);
        const r = await trx.selectFrom('library_curation').select((eb) => eb.fn.max('seq').as('m')).where('region', '=', user.region).executeTakeFirst();
        const next = Number(r?.m ?? 0) + 1;
        await trx.insertInto('library_curation').values({ region: user.region, seq: next, kind: body.kind, action: JSON.stringify(action), actor_id: user.id }).execute();
        await recordEvent(trx, { region: user.region, actorId: user.id, action: 'library.curate', subjectType: 'library', subjectId: 'key' in body ? body.key : body.into, diff: { seq: next, ...body }, requestId: c.get('requestId') });
        return next;
      });
      await cache.refresh(user.region);
      const key = 'key' in body ? body.key : body.into;
      const e = libraryEntry(library, key);
      return json(c, { seq, action, ...(e ? { entry: await entryFor(deps, user, e) } : {}) }, 201);
    },
  );

  return app;
}


