/**
 * @module Analytics routes (绩效分析): the overview of the evaluations in the caller's scope, aggregated in
 * SQL (GROUP BY over the summary columns kept on every save, migration 0005) — never a document's json.
 * Every bar, cell and point carries `filter`: the query parameters of `GET /api/evaluations` that list
 * exactly the evaluations behind it (click-through), instead of their ids. Figures are decimal strings;
 * means and shares are computed from exact sums with core's `Dec` (half-up, 2 places), as core's charts do.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AUDIT_FAMILIES as FAMILIES, CHART_LABELS, Dec, defaultRuleSetFor, documentBudget, executionCurve } from '@jixiao/core';
import type { EvaluationDocument, MonitoringSnapshot } from '@jixiao/core';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, Uuid, errors, json, raw, router } from '../http/openapi.js';
import { contentDisposition } from '../evidence/files.js';
import { readScope } from '../permissions/policy.js';
import { ANALYSED_STAGES, filterToQuery, filterWhere } from '../evaluations/filters.js';
import type { EvaluationFilter } from '../evaluations/filters.js';
import { CHART_KEYS, overviewXlsx } from './xlsx.js';

const Query = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'the year shown; year-on-year compares it with the year before' }),
  department: Uuid.optional().openapi({ description: 'an organisation id: that department (or unit) and everything under it' }),
  sector: z.string().min(1).max(100).optional().openapi({ description: 'header.sector of the documents' }),
  level: z.enum(['project', 'department']).optional(),
});

const Loose = z.record(z.string(), z.unknown());
const Filter = z.record(z.string(), z.string()).openapi({ description: 'query parameters of GET /api/evaluations listing the evaluations behind the figure' });

export const GRADES = ['优', '良', '中', '差'] as const;
/** Label of evaluations that are not scorable. */
export const NOT_SCORABLE_ZH = '不可评分';
/** Execution-rate bands (percent) of the score-vs-execution grid: [0,10) … [90,100), [100, ∞). */
const EXEC_BANDS = 11;
/** Score bands of the grid: below 10 … [80,90), [90, ∞). */
const SCORE_BANDS = 10;

type Severity = 'error' | 'warning' | 'info';

const n = (v: string | number | null | undefined) => Number(v ?? 0);
const meanOf = (sum: string, count: number) => Dec.of(sum).div(Dec.fromInt(count), 2)!.toString();
const share = (part: number, whole: number) => (whole === 0 ? '0' : Dec.fromInt(part).times(Dec.HUNDRED).div(Dec.fromInt(whole), 2)!.toString());
const familyLabel = (family: string) => FAMILIES.find((f) => f.family === family)?.title ?? '其他';
const familyRank = (family: string) => {
  const i = FAMILIES.findIndex((f) => f.family === family);
  return i < 0 ? FAMILIES.length : i;
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The least-squares line y = slope·x + intercept from exact sums (as core's `scoreVsExecution`). */
function trendOf(count: number, sx: string, sy: string, sxy: string, sxx: string): { slope: string; intercept: string } | undefined {
  if (count < 2) return undefined;
  const c = Dec.fromInt(count);
  const den = c.times(Dec.of(sxx)).minus(Dec.of(sx).times(Dec.of(sx)));
  if (den.isZero()) return undefined;
  const slope = c.times(Dec.of(sxy)).minus(Dec.of(sx).times(Dec.of(sy))).div(den, 8)!;
  const intercept = Dec.of(sy).minus(slope.times(Dec.of(sx))).div(c, 8)!;
  return { slope: slope.round(4).toString(), intercept: intercept.round(4).toString() };
}

type Num = string | number;
/** The one row of the overview statement: each chart's groups as json (sums as text). */
interface AggregateRow {
  grades: Array<{ year: number; grade: string | null; n: Num }> | null;
  cells: Array<{ xb: number; yb: number; n: Num }> | null;
  bands: Array<{ xb: number; n: Num; sx: string; sy: string; sxy: string; sxx: string }> | null;
  review: Array<{ org_id: string; name: string; n: Num; sum_self: string; sum_review: string; sum_gap: string; max_gap: string }> | null;
  families: Array<{ family: string; evaluations: Num; errors: Num; warnings: Num; infos: Num; with_errors: Num; with_warnings: Num; with_infos: Num }> | null;
  units: Array<{ org_id: string; name: string; n: Num; with_findings: Num; errors: Num; warnings: Num; infos: Num }> | null;
  unit_families: Array<{ org_id: string; family: string; n: Num }> | null;
  yoy: Array<{ org_id: string; name: string; year: number; n: Num; sum: string }> | null;
  totals: { n: Num; scorable: Num; with_rate: Num; with_self: Num; reviewed: Num };
}

export interface OverviewInput {
  year?: number | undefined;
  department?: string | undefined;
  sector?: string | undefined;
  level?: 'project' | 'department' | undefined;
}

/**
 * Overviews computed on this replica, by scope and filters, kept while no evaluation changed: every
 * insert, update or delete of an evaluation (and a rename shown in it) bumps the evaluation cache's
 * generation through LISTEN/NOTIFY (migrations 0002 and 0005), and an entry is only used, or stored, when
 * the generation is the one its computation started at. With the listener down the cache is off.
 * The execution curve reads monitoring snapshots, which announce nothing: it is never cached.
 */
const CACHE_ENTRIES = 200;
const cached = new WeakMap<Deps['evaluations'], Map<string, { generation: number; value: Promise<Aggregates> }>>();

type Aggregates = Awaited<ReturnType<typeof aggregates>>;

/** The overview: the charts from one SQL statement (cached as above), and the execution curve of a year. */
export async function overview(deps: Deps, user: AuthUser, input: OverviewInput) {
  const key = JSON.stringify([readScope(user), input.year ?? null, input.department ?? null, input.sector ?? null, input.level ?? null]);
  const cache = deps.evaluations;
  let byKey = cached.get(cache);
  if (!byKey) cached.set(cache, (byKey = new Map()));
  const generation = cache.generation();
  let hit = cache.isEnabled ? byKey.get(key) : undefined;
  if (hit && hit.generation !== generation) {
    byKey.delete(key);
    hit = undefined;
  }
  let value: Aggregates;
  if (hit) value = await hit.value;
  else {
    const pending = aggregates(deps, user, input);
    if (cache.isEnabled) {
      byKey.set(key, { generation, value: pending });
      if (byKey.size > CACHE_ENTRIES) byKey.delete(byKey.keys().next().value!);
    }
    try {
      value = await pending;
    } catch (err) {
      byKey.delete(key);
      throw err;
    }
    // A change during the computation: this answer may be older than it; do not keep it.
    if (cache.generation() !== generation && byKey.get(key)?.value === pending) byKey.delete(key);
  }
  return { ...value, ...(input.year !== undefined ? { executionCurve: await curve(deps, user, input, input.year) } : {}) };
}

async function aggregates(deps: Deps, user: AuthUser, input: OverviewInput) {
  const scope = readScope(user);
  // The set shown, as a list filter: every click-through adds to it.
  const shown: EvaluationFilter = { year: input.year, org: input.department, sector: input.sector, level: input.level, stages: [...ANALYSED_STAGES] };
  const link = (extra: EvaluationFilter) => filterToQuery({ ...shown, ...extra });
  // One statement, one scan: the rows of the year shown and the year before (for year on year) are read
  // once into `b` (summary columns only), the finding counts joined once into `fc`; every chart is a GROUP BY
  // over them. Sums and means leave as text, so decimals stay exact.
  const yoyWhere = filterWhere(scope, { ...shown, year: undefined, ...(input.year !== undefined ? { years: [input.year - 1, input.year] } : {}) });
  const isShown = input.year !== undefined ? sql`e.year = ${input.year}` : sql`true`;
  const xb = sql`least(greatest(floor(s.execution_rate * 10)::int, 0), ${EXEC_BANDS - 1})`;
  const yb = sql`least(greatest(floor(s.total / 10)::int, 0), ${SCORE_BANDS - 1})`;
  const x = sql`round(s.execution_rate * 100, 2)`;
  const { rows } = await sql<AggregateRow>`
    WITH b AS MATERIALIZED (
      SELECT e.region, e.id, e.org_id, e.year, e.grade, e.scorable, e.total, e.execution_rate, e.self_score, e.review_total,
             e.errors, e.warnings, e.infos, ${isShown} AS shown
      FROM evaluations e WHERE ${yoyWhere}
    ),
    s AS (SELECT * FROM b WHERE shown),
    fc AS MATERIALIZED (
      SELECT s.org_id, c.family, c.errors, c.warnings, c.infos
      FROM s JOIN evaluation_finding_counts c ON c.evaluation_id = s.id
      WHERE c.region = ${scope.region}
    )
    SELECT
      (SELECT json_agg(r) FROM (SELECT s.year, s.grade, count(*) AS n FROM s GROUP BY s.year, s.grade) r) AS grades,
      (SELECT json_agg(r) FROM (SELECT ${xb} AS xb, ${yb} AS yb, count(*) AS n FROM s
         WHERE s.execution_rate IS NOT NULL AND s.total IS NOT NULL GROUP BY 1, 2) r) AS cells,
      (SELECT json_agg(r) FROM (SELECT ${xb} AS xb, count(*) AS n, sum(${x})::text AS sx, sum(s.total)::text AS sy,
              sum(${x} * s.total)::text AS sxy, sum(${x} * ${x})::text AS sxx
         FROM s WHERE s.execution_rate IS NOT NULL AND s.total IS NOT NULL GROUP BY 1) r) AS bands,
      (SELECT json_agg(r) FROM (SELECT g.*, o.name FROM (
         SELECT s.org_id, count(*) AS n, sum(s.self_score)::text AS sum_self, sum(s.review_total)::text AS sum_review,
                sum(s.self_score - s.review_total)::text AS sum_gap, max(s.self_score - s.review_total)::text AS max_gap
         FROM s WHERE s.self_score IS NOT NULL AND s.review_total IS NOT NULL GROUP BY s.org_id) g
         JOIN orgs o ON o.region = ${scope.region} AND o.id = g.org_id) r) AS review,
      (SELECT json_agg(r) FROM (SELECT fc.family, count(*) AS evaluations, sum(fc.errors) AS errors, sum(fc.warnings) AS warnings, sum(fc.infos) AS infos,
              count(*) FILTER (WHERE fc.errors > 0) AS with_errors, count(*) FILTER (WHERE fc.warnings > 0) AS with_warnings,
              count(*) FILTER (WHERE fc.infos > 0) AS with_infos
         FROM fc GROUP BY fc.family) r) AS families,
      (SELECT json_agg(r) FROM (SELECT g.*, o.name FROM (
         SELECT s.org_id, count(*) AS n, count(*) FILTER (WHERE s.errors + s.warnings + s.infos > 0) AS with_findings,
                sum(s.errors) AS errors, sum(s.warnings) AS warnings, sum(s.infos) AS infos
         FROM s GROUP BY s.org_id) g
         JOIN orgs o ON o.region = ${scope.region} AND o.id = g.org_id) r) AS units,
      (SELECT json_agg(r) FROM (SELECT fc.org_id, fc.family, sum(fc.errors + fc.warnings + fc.infos) AS n FROM fc GROUP BY fc.org_id, fc.family) r) AS unit_families,
      (SELECT json_agg(r) FROM (SELECT g.*, o.name FROM (
         SELECT b.org_id, b.year, count(*) AS n, sum(b.total)::text AS sum FROM b WHERE b.total IS NOT NULL GROUP BY b.org_id, b.year) g
         JOIN orgs o ON o.region = ${scope.region} AND o.id = g.org_id) r) AS yoy,
      (SELECT row_to_json(r) FROM (SELECT count(*) AS n, count(*) FILTER (WHERE s.scorable) AS scorable,
              count(*) FILTER (WHERE s.execution_rate IS NOT NULL AND s.total IS NOT NULL) AS with_rate,
              count(*) FILTER (WHERE s.self_score IS NOT NULL) AS with_self,
              count(*) FILTER (WHERE s.self_score IS NOT NULL AND s.review_total IS NOT NULL) AS reviewed FROM s) r) AS totals
  `.execute(deps.db);
  const a = rows[0]!;
  const gradeRows = a.grades ?? [];
  const cellRows = a.cells ?? [];
  const bandRows = a.bands ?? [];
  const reviewRows = a.review ?? [];
  const familyRows = a.families ?? [];
  const unitRows = a.units ?? [];
  const unitFamilyRows = a.unit_families ?? [];
  const yoyRows = a.yoy ?? [];
  const totals = [a.totals];
  const t = totals[0]!;
  const evaluations = n(t.n);

  // Grade distribution: overall with a year, by year without one; not scorable beside it, never a grade.
  const byYear = input.year === undefined;
  const grades: string[] = [...GRADES];
  for (const r of gradeRows) if (r.grade !== null && !grades.includes(r.grade)) grades.push(r.grade);
  const groupKeys = byYear ? [...new Set(gradeRows.map((r) => r.year))].sort((a, b) => a - b) : [input.year!];
  const gradeDistribution = {
    title: CHART_LABELS.gradeDistribution.title,
    xLabel: CHART_LABELS.gradeDistribution.x,
    yLabel: CHART_LABELS.gradeDistribution.y,
    by: byYear ? ('year' as const) : ('all' as const),
    grades,
    groups: groupKeys.map((year) => {
      const rows = gradeRows.filter((r) => r.year === year);
      const scored = rows.filter((r) => r.grade !== null).reduce((s, r) => s + n(r.n), 0);
      const notScorable = rows.filter((r) => r.grade === null).reduce((s, r) => s + n(r.n), 0);
      return {
        key: String(year),
        total: scored,
        bars: grades.map((grade) => {
          const count = rows.filter((r) => r.grade === grade).reduce((s, r) => s + n(r.n), 0);
          return { grade, count, share: share(count, scored), filter: link({ year, grade }) };
        }),
        notScorable: { count: notScorable, filter: link({ year, scorable: false }) },
      };
    }),
    notScorable: { label: NOT_SCORABLE_ZH, count: evaluations - n(t.scorable), filter: link({ scorable: false }) },
  };

  // Score against execution: a grid of counts (execution band × score band) and the mean score per
  // execution band, with the least-squares line over every evaluation.
  const execBand = (b: number) => ({ execMin: b === 0 ? undefined : String(b * 10), execMax: b === EXEC_BANDS - 1 ? undefined : String(b * 10 + 10) });
  const scoreBand = (b: number) => ({ totalMin: b === 0 ? undefined : String(b * 10), totalMax: b === SCORE_BANDS - 1 ? undefined : String(b * 10 + 10) });
  const bandLabel = (b: number, last: number, unit: string) => (b === last ? `≥${b * 10}${unit}` : b === 0 ? `<10${unit}` : `${b * 10}–${b * 10 + 10}${unit}`);
  const sums = bandRows.reduce(
    (a, r) => ({ n: a.n + n(r.n), sx: a.sx.plus(Dec.of(r.sx)), sy: a.sy.plus(Dec.of(r.sy)), sxy: a.sxy.plus(Dec.of(r.sxy)), sxx: a.sxx.plus(Dec.of(r.sxx)) }),
    { n: 0, sx: Dec.ZERO, sy: Dec.ZERO, sxy: Dec.ZERO, sxx: Dec.ZERO },
  );
  const trend = trendOf(sums.n, sums.sx.toString(), sums.sy.toString(), sums.sxy.toString(), sums.sxx.toString());
  const scoreVsExecution = {
    title: CHART_LABELS.scoreVsExecution.title,
    xLabel: CHART_LABELS.scoreVsExecution.x,
    yLabel: CHART_LABELS.scoreVsExecution.y,
    xBands: Array.from({ length: EXEC_BANDS }, (_, b) => ({ band: b, label: bandLabel(b, EXEC_BANDS - 1, '%'), ...execBand(b) })),
    yBands: Array.from({ length: SCORE_BANDS }, (_, b) => ({ band: b, label: bandLabel(b, SCORE_BANDS - 1, '分'), ...scoreBand(b) })),
    cells: cellRows
      .sort((a, b) => a.xb - b.xb || a.yb - b.yb)
      .map((r) => ({ x: r.xb, y: r.yb, count: n(r.n), filter: link({ ...execBand(r.xb), ...scoreBand(r.yb), scorable: true }) })),
    bands: bandRows
      .sort((a, b) => a.xb - b.xb)
      .map((r) => ({ band: r.xb, label: bandLabel(r.xb, EXEC_BANDS - 1, '%'), count: n(r.n), meanTotal: meanOf(r.sy, n(r.n)), filter: link({ ...execBand(r.xb), scorable: true }) })),
    points: n(t.with_rate),
    ...(trend ? { trend } : {}),
    skipped: { count: evaluations - n(t.with_rate), label: '无执行率或不可评分' },
  };

  // Self-score against the re-score per unit, the largest mean over-scoring first.
  const reviewGroups = reviewRows
    .map((r) => {
      const count = n(r.n);
      const gap = Dec.of(r.sum_gap).div(Dec.fromInt(count), 2)!;
      return {
        key: r.name,
        orgId: r.org_id,
        count,
        meanSelf: meanOf(r.sum_self, count),
        meanReview: meanOf(r.sum_review, count),
        meanGap: gap.toString(),
        maxGap: Dec.of(r.max_gap).toString(),
        filter: link({ org: r.org_id, selfScored: true, reviewed: true }),
        g: gap,
      };
    })
    .sort((a, b) => b.g.cmp(a.g) || cmp(a.key, b.key))
    .map(({ g: _g, ...x }) => x);
  const selfVsReview = {
    title: CHART_LABELS.selfVsReview.title,
    xLabel: CHART_LABELS.selfVsReview.x,
    yLabel: CHART_LABELS.selfVsReview.y,
    gapLabel: CHART_LABELS.selfVsReview.gap,
    by: 'org' as const,
    groups: reviewGroups,
    reviewed: { count: n(t.reviewed), filter: link({ selfScored: true, reviewed: true }) },
    unreviewed: { count: n(t.with_self) - n(t.reviewed), filter: link({ selfScored: true, reviewed: false }) },
  };

  // Findings per family (catalogue order), counts by severity and the evaluations with them.
  const findingsByFamily = {
    title: CHART_LABELS.findingsByFamily.title,
    xLabel: CHART_LABELS.findingsByFamily.x,
    yLabel: CHART_LABELS.findingsByFamily.y,
    families: familyRows
      .sort((a, b) => familyRank(a.family) - familyRank(b.family) || cmp(a.family, b.family))
      .map((r) => {
        const family = r.family;
        const counts = { error: n(r.errors), warning: n(r.warnings), info: n(r.infos), total: n(r.errors) + n(r.warnings) + n(r.infos) };
        const bySeverity: Partial<Record<Severity, { evaluations: number; filter: Record<string, string> }>> = {};
        for (const [severity, with_] of [['error', r.with_errors], ['warning', r.with_warnings], ['info', r.with_infos]] as const) {
          if (n(with_) > 0) bySeverity[severity] = { evaluations: n(with_), filter: link({ family, severity }) };
        }
        return { family, label: familyLabel(family), counts, evaluations: n(r.evaluations), filter: link({ family }), bySeverity };
      }),
  };

  // Findings per unit, most findings per evaluation first.
  const unitFamilies = new Map<string, Record<string, number>>();
  for (const r of unitFamilyRows) {
    const m = unitFamilies.get(r.org_id) ?? {};
    m[r.family] = n(r.n);
    unitFamilies.set(r.org_id, m);
  }
  const units = unitRows
    .map((r) => {
      const counts = { error: n(r.errors), warning: n(r.warnings), info: n(r.infos), total: n(r.errors) + n(r.warnings) + n(r.infos) };
      const per = Dec.fromInt(counts.total).div(Dec.fromInt(n(r.n)), 2)!;
      return {
        key: r.name,
        orgId: r.org_id,
        evaluations: n(r.n),
        withFindings: n(r.with_findings),
        counts,
        byFamily: unitFamilies.get(r.org_id) ?? {},
        perEvaluation: per.toString(),
        filter: link({ org: r.org_id, hasFindings: true }),
        p: per,
      };
    })
    .sort((a, b) => b.p.cmp(a.p) || cmp(a.key, b.key))
    .map(({ p: _p, ...u }) => u);
  const findingsByUnit = {
    title: CHART_LABELS.findingsByUnit.title,
    xLabel: CHART_LABELS.findingsByUnit.x,
    yLabel: CHART_LABELS.findingsByUnit.y,
    by: 'org' as const,
    units,
  };

  // Year on year: mean total per unit and year, with the change between consecutive years.
  const byOrg = new Map<string, typeof yoyRows>();
  for (const r of yoyRows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  const yearOnYear = {
    title: CHART_LABELS.yearOnYear.title,
    xLabel: CHART_LABELS.yearOnYear.x,
    yLabel: CHART_LABELS.yearOnYear.y,
    by: 'org' as const,
    units: [...byOrg.entries()]
      .map(([orgId, rows]) => {
        const years = rows
          .sort((a, b) => a.year - b.year)
          .map((r) => ({ year: r.year, count: n(r.n), mean: Dec.of(r.sum).div(Dec.fromInt(n(r.n)), 2)!, filter: link({ org: orgId, year: r.year, scorable: true }) }));
        const changes = years.slice(1).map((y, i) => {
          const prev = years[i]!;
          const change = y.mean.minus(prev.mean);
          return {
            from: prev.year,
            to: y.year,
            change: change.toString(),
            ...(prev.mean.isZero() ? {} : { changePercent: change.times(Dec.HUNDRED).div(prev.mean, 2)!.toString() }),
          };
        });
        return { key: rows[0]!.name, orgId, years: years.map((y) => ({ ...y, mean: y.mean.toString() })), changes };
      })
      .sort((a, b) => cmp(a.key, b.key) || cmp(a.orgId, b.orgId)),
  };

  return {
    evaluations,
    scorable: n(t.scorable),
    filter: link({}),
    gradeDistribution,
    scoreVsExecution,
    selfVsReview,
    findingsByFamily,
    findingsByUnit,
    yearOnYear,
  };
}

/**
 * The execution curve of the year (预算执行进度): the monitoring documents in the same scope and filters,
 * their snapshots month by month against the time-proportional schedule and the checkpoints (core's
 * `executionCurve`). Each month's click-through opens the documents that had reported by its end; `filter`
 * opens every monitoring document of the year in scope.
 */
async function curve(deps: Deps, user: AuthUser, input: OverviewInput, year: number) {
  const scope = readScope(user);
  const f: EvaluationFilter = { year, org: input.department, sector: input.sector, level: input.level, stages: ['monitoring'] };
  const where = filterWhere(scope, f);
  const snaps = await sql<{ id: string; snapshot: MonitoringSnapshot }>`
    SELECT s.evaluation_id AS id, s.snapshot FROM monitoring_snapshots s
    JOIN evaluations e ON e.region = s.region AND e.id = s.evaluation_id
    WHERE ${where} ORDER BY s.evaluation_id, s.period LIMIT 60000`.execute(deps.db);
  const missing = [...new Set(snaps.rows.filter((r) => r.snapshot.budget === undefined).map((r) => r.id))].slice(0, 5000);
  const budgets: Record<string, string> = {};
  if (missing.length > 0) {
    const docs = await sql<{ id: string; document: EvaluationDocument }>`
      SELECT e.id, e.document FROM evaluations e WHERE e.region = ${scope.region} AND e.id IN (${sql.join(missing.map((id) => sql`${id}::uuid`))})`.execute(deps.db);
    for (const d of docs.rows) {
      const b = documentBudget(d.document);
      if (b) budgets[d.id] = b.toString();
    }
  }
  // Each document is its own project on the curve.
  const snapshots = snaps.rows.map((r) => ({ ...r.snapshot, project: r.id }));
  const c = executionCurve(snapshots, budgets, { year, ruleSet: defaultRuleSetFor('project') });
  return {
    title: c.title,
    xLabel: CHART_LABELS.executionCurve.x,
    yLabel: CHART_LABELS.executionCurve.y,
    labels: { actual: CHART_LABELS.executionCurve.actual, schedule: CHART_LABELS.executionCurve.schedule, checkpoint: CHART_LABELS.executionCurve.checkpoint },
    year,
    // The documents behind a month: those with a snapshot of the year by its end.
    points: c.points.map(({ ids, ...p }) => ({ ...p, projects: ids.length, filter: filterToQuery({ ...f, reportedBy: p.asOf }) })),
    missingBudget: c.missingBudget.length,
    filter: filterToQuery(f),
  };
}

export function analyticsRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/overview',
      tags: ['analytics'],
      summary: 'Grade distribution, score vs execution, self vs review, findings by family and by unit, year on year, execution curve — over the evaluations in scope',
      middleware: g.read,
      request: { query: Query },
      responses: {
        200: {
          description: 'the overview, aggregated in SQL; every figure with the list filter that reproduces it',
          content: {
            'application/json': {
              schema: z.object({
                evaluations: z.number().int(),
                scorable: z.number().int(),
                filter: Filter,
                gradeDistribution: Loose,
                scoreVsExecution: Loose,
                selfVsReview: Loose,
                findingsByFamily: Loose,
                findingsByUnit: Loose,
                yearOnYear: Loose,
                executionCurve: Loose.optional(),
              }),
            },
          },
        },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => json(c, await overview(deps, c.get('user'), c.req.valid('query'))),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/overview.xlsx',
      tags: ['analytics'],
      summary: 'The overview’s figures as an xlsx workbook: one sheet per chart, or only `chart`',
      middleware: g.read,
      request: { query: Query.extend({ chart: z.enum(CHART_KEYS).optional().openapi({ description: 'one chart only' }) }) },
      responses: {
        200: { description: 'the workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { chart, ...qy } = c.req.valid('query');
      const o = await overview(deps, user, qy);
      const department = qy.department
        ? (await deps.db.selectFrom('orgs').select('name').where('region', '=', user.region).where('id', '=', qy.department).executeTakeFirst())?.name
        : undefined;
      const scope = [
        qy.year !== undefined ? `${qy.year}年` : '全部年度',
        department ?? (qy.department ? '' : '全部部门'),
        qy.sector ? `行业：${qy.sector}` : '',
        qy.level === 'project' ? '项目支出' : qy.level === 'department' ? '部门整体支出' : '',
      ].filter(Boolean).join('，');
      const body = await overviewXlsx(o, { chart, scope, generatedAt: new Date().toISOString() });
      const name = `绩效分析${qy.year !== undefined ? `-${qy.year}` : ''}${chart ? `-${chart}` : ''}.xlsx`;
      return raw(c, body, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': contentDisposition(name),
        'Cache-Control': 'private, no-store',
      });
    },
  );

  return app;
}
