/**
 * @module Checks across years (跨年度): this year's targets against last year's actuals and targets
 * of the same indicator (matched by normalised name), and large changes in money, using the earlier
 * documents given in `options.history` and the indicators' own 上年完成值.
 *
 * The thresholds are defaults of the audit, not of any rule set (no official text fixes them):
 * a target changing by 50% or more, money by 30% or more, is worth a reviewer's look.
 */
import { Dec } from '../../decimal/index.js';
import type { EvaluationDocument, IndicatorNode } from '../../model/index.js';
import { isLeaf, walkIndicators } from '../../model/index.js';
import { mainFundingTable } from '../../scoring/index.js';
import { directionOf, parseActualCached, parseTargetCached, resolveTarget, unitInfo } from '../../targets/index.js';
import type { ParsedActual, ParsedTarget } from '../../targets/index.js';
import type { AuditContext, NodeInfo } from '../context.js';
import { dec } from '../context.js';
import { columnZh, LABEL_ZH, MONEY_WHAT_ZH } from '../messages.js';
import { normName } from '../text.js';
import { key } from './arithmetic.js';

/** Default thresholds of the checks across years, as fractions of last year's figure. */
export const HISTORY_THRESHOLDS = {
  /** A target that changed by this share or more (up or down) is reported. */
  targetChange: '0.5',
  /** Money (funding totals, 三公经费) that changed by this share or more is reported. */
  moneyChange: '0.3',
} as const;

export function checkHistory(ctx: AuditContext): void {
  checkOwnLastYear(ctx);
  const previous = pickPrevious(ctx);
  if (!previous) return;
  checkIndicators(ctx, previous);
  checkMoney(ctx, previous);
}

/** The latest earlier document of the same organisation and project; others are reported as ignored. */
function pickPrevious(ctx: AuditContext): EvaluationDocument | undefined {
  const { doc } = ctx;
  let best: EvaluationDocument | undefined;
  ctx.history.forEach((h, i) => {
    const reason =
      normName(h.header.organisation) !== normName(doc.header.organisation)
        ? 'other-organisation'
        : !sameObject(doc, h)
          ? 'other-project'
          : h.header.year >= doc.header.year
            ? 'not-earlier'
            : undefined;
    if (reason) {
      ctx.add('HIST-IGNORED', '$', `${LABEL_ZH.history}[${i}]`, { year: String(h.header.year) }, { title: h.header.title, reason });
      return;
    }
    if (!best || h.header.year > best.header.year) best = h;
  });
  return best;
}

/** Same object of evaluation: the whole department, or the same project (by normalised name). */
function sameObject(a: EvaluationDocument, b: EvaluationDocument): boolean {
  if (a.header.level !== b.header.level) return false;
  if (a.header.level === 'department') return true;
  const x = a.header.projectName;
  const y = b.header.projectName;
  return x !== undefined && y !== undefined && normName(x) === normName(y);
}

interface Comparable {
  value: Dec;
  key: string;
}

function comparableTarget(t: ParsedTarget): Comparable | undefined {
  if (t.kind !== 'threshold' && t.kind !== 'exact') return undefined;
  return keyed(t.value, t.unit, t.percent);
}

function comparableActual(a: ParsedActual): Comparable | undefined {
  if (a.kind !== 'measure') return undefined;
  return keyed(a.value, a.unit, a.percent);
}

function keyed(value: Dec, unit: string | undefined, percent: boolean): Comparable | undefined {
  if (percent) return { value, key: '%' };
  if (unit === undefined) return { value, key: '' };
  const info = unitInfo(unit);
  return { value: value.times(info.factor), key: info.base };
}

/** A more-is-better target below last year's actual, or a less-is-better one above it. */
function belowLast(ctx: AuditContext, n: NodeInfo, lastActual: ParsedActual, year: number, path: string): void {
  const parsed = ctx.target(n);
  if (!parsed) return;
  const hint = ctx.hint(n);
  const t = resolveTarget(parsed, { ...(hint ? { hint } : {}), ...(n.node.direction ? { direction: n.node.direction } : {}) });
  if (t.kind !== 'threshold') return;
  const target = comparableTarget(t);
  const last = comparableActual(lastActual);
  if (!target || !last || target.key !== last.key) return;
  const direction = directionOf(t);
  const worse = direction === 'higher-better' ? target.value.lt(last.value) : direction === 'lower-better' ? target.value.gt(last.value) : false;
  if (!worse) return;
  ctx.add('HIST-TARGET-BELOW-LAST', path, ctx.location(n.index), { target: n.node.target ?? '', lastActual: lastActual.text }, { year: String(year) });
}

/** The indicator's own 上年完成值 column. */
function checkOwnLastYear(ctx: AuditContext): void {
  for (const n of ctx.nodes) {
    if (!n.leaf || !n.node.lastYearActual || !n.node.target) continue;
    belowLast(ctx, n, parseActualCached(n.node.lastYearActual), ctx.doc.header.year - 1, `${n.path}.target`);
  }
}

function checkIndicators(ctx: AuditContext, previous: EvaluationDocument): void {
  const last = new Map<string, IndicatorNode>();
  for (const v of walkIndicators(previous.indicators)) {
    if (isLeaf(v.node)) {
      const name = normName(v.node.name);
      if (!last.has(name)) last.set(name, v.node);
    }
  }
  const threshold = Dec.of(HISTORY_THRESHOLDS.targetChange);
  for (const n of ctx.nodes) {
    if (n.tree !== 0 || !n.leaf || !n.node.target) continue;
    const before = last.get(ctx.norm(n));
    if (!before) continue;
    if (before.actual && !n.node.lastYearActual) belowLast(ctx, n, parseActualCached(before.actual), previous.header.year, `${n.path}.target`);
    if (!before.target || n.node.explanation || n.node.note) continue;
    const now = ctx.target(n);
    const then = parseTargetCached(before.target);
    const a = now ? comparableTarget(now) : undefined;
    const b = comparableTarget(then);
    if (!a || !b || a.key !== b.key || b.value.isZero()) continue;
    const change = a.value.minus(b.value).div(b.value, 4)!;
    if (change.abs().lt(threshold)) continue;
    ctx.add('HIST-TARGET-CHANGE', `${n.path}.target`, ctx.location(n.index), {
      target: n.node.target,
      lastTarget: before.target,
      change: change.times(Dec.HUNDRED).round(2).toString(),
    }, { year: String(previous.header.year) });
  }
}

function checkMoney(ctx: AuditContext, previous: EvaluationDocument): void {
  const { doc } = ctx;
  const threshold = Dec.of(HISTORY_THRESHOLDS.moneyChange);
  const report = (what: string, path: string, location: string, current: Dec, before: Dec) => {
    if (before.isZero()) return;
    const change = current.minus(before).div(before, 4)!;
    if (change.abs().lt(threshold)) return;
    ctx.add('HIST-MONEY-CHANGE', path, location, {
      current: current.toString(),
      previous: before.toString(),
      change: change.times(Dec.HUNDRED).round(2).toString(),
    }, { year: String(previous.header.year), what: MONEY_WHAT_ZH[what] ?? what });
  };
  const table = mainFundingTable(doc);
  const before = mainFundingTable(previous)?.rows.find((r) => r.role === 'total');
  if (table && before && before.amounts) {
    const ti = doc.funding!.tables.indexOf(table);
    const ri = table.rows.findIndex((r) => r.role === 'total');
    const total = table.rows[ri];
    if (total && table.unit === mainFundingTable(previous)!.unit) {
      for (const col of ['annualBudget', 'executed'] as const) {
        const now = dec(total.amounts[col]);
        const then = dec(before.amounts[col]);
        if (now && then) report(col, `$.funding.tables[${ti}].rows[${ri}].amounts.${col}`, `${table.title ?? LABEL_ZH.fundingTable} › ${total.label} › ${columnZh(col)}`, now, then);
      }
    }
  }
  const latestThreePublic = (d: EvaluationDocument): { value: Dec; path: string; label: string } | undefined => {
    const ec = d.department?.expenseControl;
    if (!ec) return undefined;
    const ri = ec.rows.findIndex((r) => r.kind === 'three-public-total');
    if (ri < 0) return undefined;
    const finals = ec.columns.filter((c) => c.stage === 'final' && c.year !== undefined).sort((a, b) => b.year! - a.year!);
    for (const c of finals) {
      const value = dec(ec.rows[ri]!.values[c.key]);
      if (value) return { value, path: `$.department.expenseControl.rows[${ri}].values${key(c.key)}`, label: `${LABEL_ZH.expenseControl} › ${ec.rows[ri]!.label.trim()} › ${c.label}` };
    }
    return undefined;
  };
  const nowThree = latestThreePublic(doc);
  const thenThree = latestThreePublic(previous);
  if (nowThree && thenThree && doc.department?.expenseControl?.unit === previous.department?.expenseControl?.unit) {
    report('threePublic', nowThree.path, nowThree.label, nowThree.value, thenThree.value);
  }
}
