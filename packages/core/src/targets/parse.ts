/**
 * @module parseTarget and parseActual: read a 年度指标值 or 实际完成值 cell into a tagged union.
 * Both never throw; anything not understood comes back as `unparsed` with a Chinese reason.
 */
import { readDate } from './dates.js';
import { normalizeText } from './normalize.js';
import { scanExpression } from './scan.js';
import type { Quantity, Scanned, ScannedRange, ScannedSingle } from './scan.js';
import type {
  DeadlineActual,
  DeadlineTarget,
  DurationDue,
  ParsedActual,
  ParsedTarget,
  ThresholdOp,
  UnparsedActual,
  UnparsedTarget,
} from './types.js';
import { isTimeUnit, matchKnownUnit, unitCategory } from './units.js';
import { readQualitative } from './words.js';

/** Raw cells longer than this are not looked at (a pasted paragraph, or hostile input). */
export const MAX_RAW_LENGTH = 2000;
/** Normalised cells longer than this are not target expressions. */
export const MAX_EXPRESSION_LENGTH = 120;

/** Cells that mean "not applicable / not filled in". */
const NOT_APPLICABLE: ReadonlySet<string> = new Set(['/', '-', '~', '\\', 'N/A', 'n/a', 'NA', '不适用', '未填写', '暂无']);

/** Subjects that make a bare duration more-is-better (使用年限3年 is a lifetime, not a time limit). */
const LIFETIME_SUBJECT = /(?:年限|寿命|使用期|有效期|保质期|保修期|存续期|持续时间)$/;

type Prepared = { readonly ok: true; readonly s: string } | { readonly ok: false; readonly reason: string };

function prepare(text: unknown, what: string): Prepared {
  if (typeof text !== 'string') return { ok: false, reason: `${what}不是文字` };
  if (text.length > MAX_RAW_LENGTH) {
    return { ok: false, reason: `文字过长（${text.length}字），不是${what}表达式` };
  }
  const s = normalizeText(text);
  if (s.length === 0) return { ok: false, reason: `${what}为空` };
  if (s.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, reason: `文字过长（${s.length}字），${what}表达式一般不超过${MAX_EXPRESSION_LENGTH}字` };
  }
  if (NOT_APPLICABLE.has(s)) return { ok: false, reason: `「${s}」表示不适用或未填写，没有${what}` };
  return { ok: true, s };
}

function unparsedTarget(reason: string, text: unknown): UnparsedTarget {
  return { kind: 'unparsed', reason: reason.length > 0 ? reason : '无法识别', text: typeof text === 'string' ? text : '' };
}

function unparsedActual(reason: string, text: unknown): UnparsedActual {
  return { kind: 'unparsed', reason: reason.length > 0 ? reason : '无法识别', text: typeof text === 'string' ? text : '' };
}

/** Direction of a target written without an operator, read from its unit and subject (README, rule R6). */
export function impliedOp(unit: string | undefined, subject: string | undefined): ThresholdOp {
  const category = unitCategory(unit);
  if (category === 'cost') return 'lte';
  if (category === 'time' || category === 'workday') {
    return subject !== undefined && LIFETIME_SUBJECT.test(subject) ? 'gte' : 'lte';
  }
  return 'gte';
}

function duration(q: Quantity): DurationDue {
  return { form: 'duration', value: q.value, unit: q.unit ?? '' };
}

function singleToTarget(sc: ScannedSingle, text: string): ParsedTarget {
  const q = sc.q;
  const time = isTimeUnit(q.unit);
  const optional = {
    ...(q.unit === undefined ? {} : { unit: q.unit }),
    ...(sc.subject === undefined ? {} : { subject: sc.subject }),
    ...(sc.note === undefined ? {} : { note: sc.note }),
  };
  if (sc.op === 'eq') {
    if (sc.within || sc.before) return unparsedTarget('「=」与「以内」「前」不能同时使用', text);
    return { kind: 'exact', value: q.value, percent: q.percent, implied: false, ...optional, ...approxOf(q), text };
  }
  if (sc.before && !time) return unparsedTarget(`「前」只能用于日期或时长，「${q.unit ?? '无单位'}」不是时间单位`, text);
  if ((sc.within || sc.before) && time) {
    const t: DeadlineTarget = {
      kind: 'deadline',
      op: 'lte',
      due: duration(q),
      ...(sc.subject === undefined ? {} : { subject: sc.subject }),
      text,
    };
    return t;
  }
  const op: ThresholdOp | undefined = sc.within ? (sc.op === 'lt' ? 'lt' : 'lte') : sc.op;
  return {
    kind: 'threshold',
    op: op ?? impliedOp(q.unit, sc.subject),
    value: q.value,
    percent: q.percent,
    implied: op === undefined,
    ...optional,
    ...approxOf(q),
    ...(sc.variable === undefined ? {} : { variable: sc.variable }),
    ...(sc.band === undefined ? {} : { band: sc.band }),
    text,
  };
}

function approxOf(q: Quantity): { approx?: Quantity['approx'] } {
  return q.approx === undefined ? {} : { approx: q.approx };
}

function rangeToTarget(sc: ScannedRange, text: string): ParsedTarget {
  const unit = sc.second.unit ?? sc.first.unit;
  const time = isTimeUnit(unit);
  const [low, high] = sc.reversed ? [sc.second, sc.first] : [sc.first, sc.second];
  if (sc.within && time) {
    // 7个工作日到1.5个工作日内: reduced from 7 to within 1.5 (rule R9). 2到3天内: within 3.
    return {
      kind: 'deadline',
      op: 'lte',
      due: duration(sc.reversed ? sc.second : high),
      ...(sc.reversed ? { baseline: duration(sc.first) } : {}),
      ...(sc.subject === undefined ? {} : { subject: sc.subject }),
      text,
    };
  }
  if (sc.within && sc.reversed) {
    // 10%到5%以内: reduced to within 5%.
    return {
      kind: 'threshold',
      op: 'lte',
      value: sc.second.value,
      percent: sc.second.percent,
      implied: false,
      ...(unit === undefined ? {} : { unit }),
      ...(sc.subject === undefined ? {} : { subject: sc.subject }),
      text,
    };
  }
  return {
    kind: 'range',
    low: low.value,
    high: high.value,
    lowInclusive: sc.lowInclusive,
    highInclusive: sc.highInclusive,
    percent: low.percent || high.percent,
    ...(unit === undefined ? {} : { unit }),
    ...(sc.subject === undefined ? {} : { subject: sc.subject }),
    ...(sc.variable === undefined ? {} : { variable: sc.variable }),
    ...(sc.band === undefined ? {} : { band: sc.band }),
    ...(sc.note === undefined ? {} : { note: sc.note }),
    text,
  };
}

function scannedToTarget(sc: Scanned, text: string): ParsedTarget {
  return sc.shape === 'single' ? singleToTarget(sc, text) : rangeToTarget(sc, text);
}

function hasNumber(s: string): boolean {
  return /[0-9]/.test(s);
}

function parseTargetUnsafe(text: string): ParsedTarget {
  const p = prepare(text, '指标值');
  if (!p.ok) return unparsedTarget(p.reason, text);
  const s = p.s;
  const digits = hasNumber(s);
  if (!digits) {
    const q = readQualitative(s);
    if (q !== undefined) return { kind: 'qualitative', ...q, text };
  }
  const date = readDate(s);
  if (date !== undefined) {
    return {
      kind: 'deadline',
      op: 'lte',
      due: date.due,
      ...(date.from === undefined ? {} : { from: date.from }),
      ...(date.subject === undefined ? {} : { subject: date.subject }),
      text,
    };
  }
  const sc = scanExpression(s, 'target');
  if (sc.ok) return scannedToTarget(sc.value, text);
  if (!digits) {
    if (sc.reason === '没有数值') {
      return unparsedTarget(noNumberReason(s), text);
    }
  }
  return unparsedTarget(sc.reason, text);
}

function noNumberReason(s: string): string {
  if (matchKnownUnit(s, 0) === s) return `只有单位「${s}」，没有数值`;
  if (!/[\u3400-\u9fffA-Za-z]/.test(s)) return `只有符号「${s}」，没有数值`;
  return `「${s.length > 20 ? `${s.slice(0, 20)}…` : s}」没有数值，也不是常见的定性表述（如逐步提高、持续向好、达成预期指标）`;
}

/**
 * Parses a target expression (年度指标值). Never throws.
 *
 * `600批次以上` → threshold ≥ 600 批次; `80%≤M<90%` → range [80, 90) %; `2个工作日内` → deadline
 * ≤ 2 个工作日; `年底前` → deadline 12月底; `逐步提高` → qualitative; see README for every rule.
 */
export function parseTarget(text: string): ParsedTarget {
  try {
    return parseTargetUnsafe(text);
  } catch {
    return unparsedTarget('解析指标值时出现意外错误', text);
  }
}

function parseActualUnsafe(text: string): ParsedActual {
  const p = prepare(text, '实际完成值');
  if (!p.ok) return unparsedActual(p.reason, text);
  const s = p.s;
  const digits = hasNumber(s);
  if (!digits) {
    const q = readQualitative(s);
    if (q !== undefined) return { kind: 'qualitative', ...q, text };
  }
  const date = readDate(s);
  if (date !== undefined) {
    const d: DeadlineActual = {
      kind: 'deadline',
      op: date.bounded ? 'lte' : 'on',
      due: date.due,
      ...(date.from === undefined ? {} : { from: date.from }),
      text,
    };
    return d;
  }
  const sc = scanExpression(s, 'actual');
  if (!sc.ok) {
    if (!digits && sc.reason === '没有数值') return unparsedActual(noNumberReason(s), text);
    return unparsedActual(sc.reason, text);
  }
  const v = sc.value;
  if (v.shape === 'range') return { kind: 'expression', parsed: scannedToTarget(v, text), text };
  const time = isTimeUnit(v.q.unit);
  if ((v.within || v.before) && time && (v.op === undefined || v.op === 'lte' || v.op === 'lt')) {
    // 2个工作日内 as an actual: a time statement, compared with a deadline target (rule A4).
    return { kind: 'deadline', op: 'lte', due: duration(v.q), text };
  }
  if (v.op !== undefined && v.op !== 'eq') return { kind: 'expression', parsed: scannedToTarget(v, text), text };
  if (v.within || v.before) return { kind: 'expression', parsed: scannedToTarget(v, text), text };
  // `=100%` is read as the value itself (rule A2).
  return {
    kind: 'measure',
    value: v.q.value,
    percent: v.q.percent,
    ...(v.q.unit === undefined ? {} : { unit: v.q.unit }),
    ...(v.q.approx === undefined ? {} : { approx: v.q.approx }),
    ...(v.subject === undefined ? {} : { subject: v.subject }),
    ...(v.note === undefined ? {} : { note: v.note }),
    text,
  };
}

/**
 * Parses an actual value (实际完成值). Never throws. A measurement (`644批次`), a qualitative
 * statement (`逐步提高`, `完成`), a time statement (`9月20日`, `2个工作日内`), an expression when an
 * operator was written (`≧70%`: the actual was wrongly written as a target), or unparsed.
 */
export function parseActual(text: string): ParsedActual {
  try {
    return parseActualUnsafe(text);
  } catch {
    return unparsedActual('解析实际完成值时出现意外错误', text);
  }
}
