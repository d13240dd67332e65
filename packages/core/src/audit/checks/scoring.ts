/**
 * @module Scoring checks (评分): printed against rule-computed scores (from the score report), full
 * marks for a missed target, deductions without a reason, targets set too low, items that could not
 * be computed or have no score at all, and the total and grade.
 */
import { Dec } from '../../decimal/index.js';
import { gradeFor, gradeMatches } from '../../scoring/index.js';
import { directionOf, resolveTarget, unitInfo } from '../../targets/index.js';
import type { MeasureActual, ThresholdTarget } from '../../targets/index.js';
import type { AuditContext, NodeInfo } from '../context.js';
import { LABEL_ZH } from '../messages.js';
import { countUnscored, printedSum } from './arithmetic.js';

export function checkScoring(ctx: AuditContext): void {
  const goalsStage = ctx.doc.header.stage === 'goals';
  for (const n of ctx.nodes) {
    checkItem(ctx, n, goalsStage);
    if (n.leaf) checkTargetTooLow(ctx, n);
  }
  checkTotal(ctx);
}

function checkItem(ctx: AuditContext, n: NodeInfo, goalsStage: boolean): void {
  const item = n.item;
  const location = () => ctx.location(n.index);
  // A framework section that carries only a declared weight: no indicators, no score (seed 003's 投入 / 过程).
  if (n.leaf && n.weight === undefined && n.declared !== undefined && n.printed === undefined && !goalsStage) {
    ctx.add('SCORE-MISSING', n.path, location(), { weight: n.declared.toString() });
    return;
  }
  if (!item || item.method === 'sum' || item.weight === undefined) return;
  const weight = item.weight;
  const printed = item.printed;
  if (printed === undefined) {
    if (item.computed === undefined && item.effective === undefined && !goalsStage) {
      ctx.add('SCORE-MISSING', n.path, location(), { weight: weight.toString() });
    }
    return;
  }
  if (item.computed !== undefined) {
    if (item.differs) {
      // Only an indicator with a target can miss it; rate- and survey-based scores are plain differences.
      const targeted = item.method === 'quantitative' || item.method === 'qualitative' || item.method === 'grading-bands';
      const missed = targeted && (item.status === 'partly-met' || item.status === 'not-met' || (item.status === 'outside-band' && printed.gt(item.computed)));
      if (missed && printed.gte(weight) && item.computed.lt(weight)) {
        ctx.add('SCORE-MISSED-FULL', `${n.path}.printedScore`, location(), {
          printed: printed.toString(),
          weight: weight.toString(),
          computed: item.computed.toString(),
          ...(item.ratio ? { ratio: item.ratio.toString() } : {}),
        }, { target: n.node.target ?? '', actual: n.node.actual ?? '' });
      } else {
        ctx.add('SCORE-ITEM-DIFFERS', `${n.path}.printedScore`, location(), {
          printed: printed.toString(),
          computed: item.computed.toString(),
          weight: weight.toString(),
        }, { explanation: item.explanation.text });
      }
    }
  } else {
    ctx.add('SCORE-UNCOMPUTED', `${n.path}.printedScore`, location(), { printed: printed.toString(), weight: weight.toString() }, { explanation: item.explanation.text });
  }
  if (printed.lt(weight) && !hasReason(n)) {
    ctx.add('SCORE-NO-REASON', `${n.path}.deviationReason`, location(), {
      printed: printed.toString(),
      weight: weight.toString(),
      deducted: weight.minus(printed).toString(),
    });
  }
}

function hasReason(n: NodeInfo): boolean {
  const r = n.node.deviationReason ?? n.node.override?.reason ?? n.node.review?.reason;
  return r !== undefined && r.trim() !== '' && !/^[/／\\—\-无]$/.test(r.trim());
}

/** Actual ≥ factor × target (more is better) or ≤ factor × target (less is better): the target was set too low. */
function checkTargetTooLow(ctx: AuditContext, n: NodeInfo): void {
  const parsed = ctx.target(n);
  if (!parsed || parsed.kind !== 'threshold' || !mayBeFar(ctx, parsed, n.node.actual)) return;
  const actual = ctx.actual(n);
  if (!actual || actual.kind !== 'measure' || actual.approx !== undefined) return;
  const hint = ctx.hint(n);
  const target = resolveTarget(parsed, { ...(hint ? { hint } : {}), ...(n.node.direction ? { direction: n.node.direction } : {}) });
  if (target.kind !== 'threshold' || target.value.isZero() || target.value.isNegative()) return;
  const aligned = align(target, actual);
  if (!aligned) return;
  const [tv, av] = aligned;
  const direction = directionOf(target);
  const q = ctx.rs.quantitative;
  const ratio = av.div(tv, 2, 'half-up');
  if (!ratio) return;
  const tooLow =
    direction === 'higher-better' ? av.gte(tv.times(ctx.tooLowFactor)) : direction === 'lower-better' ? av.lte(tv.times(ctx.tooHighFactor)) : false;
  if (!tooLow) return;
  ctx.add('SCORE-TARGET-TOO-LOW', n.path, ctx.location(n.index), {
    target: n.node.target ?? '',
    actual: n.node.actual ?? '',
    ratio: ratio.toString(),
    factor: direction === 'higher-better' ? q.targetTooLowFactor : q.targetTooHighFactor,
  }, { direction });
}

const LEADING_NUMBER = /^\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/;

/**
 * A cheap look before parsing the actual: when it is a plain number in the target's own unit, it is
 * clearly neither ≥ factor × target nor ≤ factor × target, the check is decided without the parser.
 */
function mayBeFar(ctx: AuditContext, t: ThresholdTarget, actualText: string | undefined): boolean {
  if (actualText === undefined) return false;
  const m = LEADING_NUMBER.exec(actualText);
  if (!m) return true;
  const unit = t.percent ? '%' : t.unit;
  if (unit === undefined || m[2] !== unit) return true;
  const value = Dec.parse(m[1]!);
  if (!value) return true;
  const low = t.value.times(ctx.tooHighFactor);
  const high = t.value.times(ctx.tooLowFactor);
  return value.lte(low) || value.gte(high);
}

/** Target and actual values in the same unit, or undefined when they are not comparable. */
function align(t: ThresholdTarget, a: MeasureActual): [Dec, Dec] | undefined {
  if (t.percent || a.percent) return t.percent && a.percent ? [t.value, a.value] : undefined;
  if (t.unit === undefined || a.unit === undefined) return t.unit === a.unit ? [t.value, a.value] : undefined;
  if (t.unit === a.unit) return [t.value, a.value];
  const ut = unitInfo(t.unit);
  const ua = unitInfo(a.unit);
  if (ut.base !== ua.base) return undefined;
  return [t.value.times(ut.factor), a.value.times(ua.factor)];
}

function checkTotal(ctx: AuditContext): void {
  const { doc, report } = ctx;
  const hasWeights = ctx.nodes.some((n) => n.tree === 0 && (n.weight !== undefined || n.declared !== undefined));
  if (!hasWeights) return;
  const printedText = doc.meta.printedTotal;
  const unscored = countUnscored(ctx, 0);
  if (printedText !== undefined && report.printedTotal) {
    if (unscored > 0) {
      const { sum } = printedSum(ctx, 0, true);
      ctx.add('SCORE-TOTAL-UNVERIFIED', '$.meta.printedTotal', LABEL_ZH.total, {
        printedTotal: report.printedTotal.toString(),
        unscored: String(unscored),
        sum: (sum ?? Dec.ZERO).toString(),
      });
    } else if (report.totalDiffers) {
      ctx.add('SCORE-TOTAL', '$.meta.printedTotal', LABEL_ZH.total, {
        printedTotal: report.printedTotal.toString(),
        computedTotal: report.total.toString(),
        difference: report.total.minus(report.printedTotal).toString(),
      });
    }
  }
  if (doc.meta.printedGrade !== undefined && report.gradeDiffers && unscored === 0) {
    // When the printed grade already contradicts the printed total, ARITH-GRADE says so.
    const printedScore = doc.meta.printedTotal ?? doc.meta.statedSelfScore;
    const byPrinted = printedScore !== undefined ? Dec.parse(printedScore) : undefined;
    if (byPrinted && !gradeMatches(doc.meta.printedGrade, gradeFor(byPrinted, ctx.rs), ctx.rs)) return;
    ctx.add('SCORE-GRADE', '$.meta.printedGrade', LABEL_ZH.grade, { computedTotal: report.total.toString(), grade: report.grade, printedGrade: doc.meta.printedGrade });
  }
}
