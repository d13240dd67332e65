/**
 * @module The expression scanner: reads one normalised cell such as `满意度95%以上`, `M≥90%以上`,
 * `80%≤M<90%为良`, `7个工作日到1.5个工作日内`, `≥3000余次` or `4.4万人次` in a single left-to-right
 * pass (plus one right-to-left pass over the few characters before the number). No regular
 * expression here can backtrack: the only ones used test one character class or a short literal.
 *
 *   cell     := [subject] [connector] [op-symbol [variable] | op-words] [approx] quantity tail
 *   quantity := [百分之] number {余|多|万|亿} [% | unit [/unit]]
 *   tail     := [op-symbol variable [op-symbol quantity]]     (80%≤M<90%, 90%≤M)
 *             | [range-sep quantity]                          (90%-95%, 7个工作日到1.5个工作日)
 *               {suffix-word} [为 band] [completion-word] [note]
 */
import { Dec } from '../decimal/decimal.js';
import { bigUnitValue, isCnNumeralChar, isDigit, readArabic, readChinese } from './numerals.js';
import type { Approx, Band } from './types.js';
import { matchKnownUnit, unitInfo } from './units.js';
import {
  ACTUAL_CONNECTOR_WORDS,
  BAND_CHARS,
  CHANGE_VERBS,
  COMPLETION_TAILS,
  MAX_APPROX_LEN,
  MAX_PREFIX_OP_LEN,
  MAX_SUFFIX_LEN,
  PREFIX_APPROX_WORDS,
  PREFIX_OP_WORDS,
  SUFFIX_WORDS,
  matchWordAt,
  matchWordEndingAt,
} from './words.js';
import type { WordOp } from './words.js';

export type ScanMode = 'target' | 'actual';

export interface Quantity {
  readonly value: Dec;
  readonly unit?: string;
  readonly percent: boolean;
  readonly approx?: Approx;
}

export interface ScannedSingle {
  readonly shape: 'single';
  readonly q: Quantity;
  /** The comparison, merged from the words and symbols written; absent when none was written. */
  readonly op?: WordOp;
  /** 内 / 以内 / 之内 was written after the quantity. */
  readonly within: boolean;
  /** 前 / 之前 / 以前 was written after the quantity. */
  readonly before: boolean;
  readonly subject?: string;
  readonly variable?: string;
  readonly band?: Band;
  readonly note?: string;
}

export interface ScannedRange {
  readonly shape: 'range';
  /** The two ends in the order written. */
  readonly first: Quantity;
  readonly second: Quantity;
  /** Inclusive flags of the lower and upper ends (after ordering). */
  readonly lowInclusive: boolean;
  readonly highInclusive: boolean;
  /** Written from high to low with a separator (7个工作日到1.5个工作日). */
  readonly reversed: boolean;
  readonly within: boolean;
  readonly subject?: string;
  readonly variable?: string;
  readonly band?: Band;
  readonly note?: string;
}

export type Scanned = ScannedSingle | ScannedRange;
export type ScanResult = { readonly ok: true; readonly value: Scanned } | { readonly ok: false; readonly reason: string };

const SYMBOL_OPS: ReadonlyMap<string, WordOp> = new Map<string, WordOp>([
  ['≥', 'gte'],
  ['>', 'gt'],
  ['≤', 'lte'],
  ['<', 'lt'],
  ['=', 'eq'],
]);

const RANGE_SEPS: ReadonlySet<string> = new Set(['-', '~', '至', '到']);

/** Characters after which a Chinese numeral run is really a number (两次, 一千余份, 十二个). */
function looksLikeNumberEnd(s: string, i: number): boolean {
  if (i >= s.length) return true;
  const c = s.charAt(i);
  if (c === '余' || c === '多' || c === '%' || c === '元' || SYMBOL_OPS.has(c) || RANGE_SEPS.has(c)) return true;
  if (matchKnownUnit(s, i) !== undefined) return true;
  return matchWordAt(SUFFIX_WORDS, MAX_SUFFIX_LEN, s, i) !== undefined;
}

function endsWithOperatorOrApprox(s: string, end: number): boolean {
  return (
    SYMBOL_OPS.has(s.charAt(end - 1)) ||
    matchWordEndingAt(PREFIX_OP_WORDS, MAX_PREFIX_OP_LEN, s, end) !== undefined ||
    matchWordEndingAt(PREFIX_APPROX_WORDS, MAX_APPROX_LEN, s, end) !== undefined
  );
}

/** Index where the (first) number starts, or -1. Arabic digits win over Chinese numerals. */
export function findNumberStart(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charAt(i))) return i > 0 && s.charAt(i - 1) === '.' ? i - 1 : i;
  }
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('百分之', i)) {
      const r = readChinese(s, i + 3, true);
      if (r !== undefined) return i + 3;
    }
    const c = s.charAt(i);
    if (!isCnNumeralChar(c) || (i > 0 && isCnNumeralChar(s.charAt(i - 1)))) continue;
    const r = readChinese(s, i, true);
    if (r === undefined || !looksLikeNumberEnd(s, r.end)) continue;
    // A numeral that ends the cell after other words is an ordinal or a name (第一, 一物一证),
    // unless a comparison or approximation word stands right before it (不少于两).
    if (r.end === s.length && i > 0 && !endsWithOperatorOrApprox(s, i)) continue;
    return i;
  }
  return -1;
}

function isAsciiLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isHan(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

const OP_TEXT: Readonly<Record<WordOp, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

function direction(op: WordOp): 'up' | 'down' | 'eq' {
  return op === 'gte' || op === 'gt' ? 'up' : op === 'eq' ? 'eq' : 'down';
}

/** Merges two comparisons read for the same number (≥…以上, 压缩至…以内); undefined on contradiction. */
function mergeOps(a: WordOp | undefined, b: WordOp | undefined): WordOp | undefined | 'conflict' {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (direction(a) !== direction(b)) return 'conflict';
  if (a === 'eq') return 'eq';
  // The exclusive reading is the stricter one: 超过600以上 reads as 超过.
  if (a === 'gt' || b === 'gt') return 'gt';
  if (a === 'lt' || b === 'lt') return 'lt';
  return a;
}

function flip(op: WordOp): WordOp {
  switch (op) {
    case 'gte':
      return 'lte';
    case 'gt':
      return 'lt';
    case 'lte':
      return 'gte';
    case 'lt':
      return 'gt';
    case 'eq':
      return 'eq';
  }
}

interface Head {
  readonly op?: WordOp;
  readonly opText?: string;
  readonly approx?: Approx;
  readonly percentWord: boolean;
  readonly negative: boolean;
  readonly variable?: string;
  readonly subject?: string;
}

const SUBJECT_TRAILERS = ['均为', '共计', '合计', '累计', '总计', '为', '是', ':', '均', '应', '需', '要', '共', '计'];
const MAX_SUBJECT = 24;

/** Reads what was written before the number, from its end backwards. */
function readHead(head: string, mode: ScanMode): Head | { fail: string } {
  let end = head.length;
  let percentWord = false;
  let negative = false;
  let approx: Approx | undefined;
  let op: WordOp | undefined;
  let opText: string | undefined;
  let variable: string | undefined;
  if (head.endsWith('百分之')) {
    percentWord = true;
    end -= 3;
  }
  if (end > 0 && (head.charAt(end - 1) === '-' || head.charAt(end - 1) === '+')) {
    negative = head.charAt(end - 1) === '-';
    end--;
  }
  const ap = matchWordEndingAt(PREFIX_APPROX_WORDS, MAX_APPROX_LEN, head, end);
  if (ap !== undefined) {
    approx = ap.meaning;
    end -= ap.word.length;
  }
  const sym = end > 0 ? SYMBOL_OPS.get(head.charAt(end - 1)) : undefined;
  if (sym !== undefined) {
    op = sym;
    opText = head.charAt(end - 1);
    end--;
    if (end > 0 && SYMBOL_OPS.has(head.charAt(end - 1))) {
      return { fail: `比较符重复「${head.slice(end - 1, end + 1)}」` };
    }
    if (end > 0 && isAsciiLetter(head.charAt(end - 1)) && (end === 1 || !isAsciiLetter(head.charAt(end - 2)))) {
      variable = head.charAt(end - 1);
      end--;
    }
  } else {
    for (let k = 0; k < 3; k++) {
      const w = matchWordEndingAt(PREFIX_OP_WORDS, MAX_PREFIX_OP_LEN, head, end);
      if (w === undefined) break;
      end -= w.word.length;
      if (mode === 'actual' && ACTUAL_CONNECTOR_WORDS.has(w.word)) continue;
      const merged = mergeOps(w.meaning, op);
      if (merged === 'conflict') return { fail: `比较词矛盾：「${w.word}」与「${opText ?? ''}」` };
      op = merged;
      opText = opText === undefined ? w.word : w.word + opText;
    }
  }
  let subject = head.slice(0, end);
  if (subject.length > 0) {
    // 共计 / 为 / 达 … connect a label to its number; alone they are not a subject.
    for (const t of SUBJECT_TRAILERS) {
      if (subject.endsWith(t)) {
        subject = subject.slice(0, subject.length - t.length);
        break;
      }
    }
    if (op === undefined) {
      for (const v of CHANGE_VERBS) {
        if (subject.endsWith(v)) {
          return { fail: `「${v}」后的数值是相对变化幅度，需要基数才能判断，不是可直接比较的指标值` };
        }
      }
    }
    if (subject.length > MAX_SUBJECT) return { fail: `数值前的文字过长「${subject}」` };
    for (const c of subject) {
      if (!isHan(c) && !isAsciiLetter(c) && c !== '(' && c !== ')') {
        return { fail: `数值前有无法识别的文字「${head.slice(0, end)}」` };
      }
    }
  }
  return {
    percentWord,
    negative,
    ...(op === undefined ? {} : { op }),
    ...(opText === undefined ? {} : { opText }),
    ...(approx === undefined ? {} : { approx }),
    ...(variable === undefined ? {} : { variable }),
    ...(subject.length === 0 ? {} : { subject }),
  };
}

/** Reads a unit at `i`: the longest known one (with a bracketed qualifier), else a short unknown run. */
function readUnit(s: string, i: number, denominator = false): { unit: string; end: number } | undefined {
  const known = matchKnownUnit(s, i);
  if (known !== undefined) {
    let j = i + known.length;
    if (s.charAt(j) === '(') {
      const close = s.indexOf(')', j);
      if (close > j + 1 && close - j <= 5) {
        const inner = s.slice(j + 1, close);
        if ([...inner].every(isHan)) j = close + 1;
      }
    }
    return { unit: s.slice(i, j), end: j };
  }
  let j = i;
  while (j < s.length && j - i < 6) {
    const c = s.charAt(j);
    if (!(isHan(c) || isAsciiLetter(c) || c === '²' || c === '³' || c === '℃' || c === '°' || c === '‰')) break;
    // Numerals end a unit (5000元一年), except 万 in a denominator (个/万人).
    if (isCnNumeralChar(c) && !(denominator && (c === '万' || c === '百' || c === '千'))) break;
    if (c === '余' || c === '多' || c === '为' || c === '及' || c === '或' || RANGE_SEPS.has(c)) break;
    if (matchWordAt(SUFFIX_WORDS, MAX_SUFFIX_LEN, s, j) !== undefined) break;
    if (COMPLETION_TAILS.some((w) => s.startsWith(w, j))) break;
    j++;
  }
  if (j === i) return undefined;
  return { unit: s.slice(i, j), end: j };
}

type QuantityRead = { readonly q: Quantity; readonly end: number } | { readonly fail: string } | undefined;

/** Reads `[approx] [百分之] number {余|多|万|亿} [% | unit[/unit]]` at `i`. */
function readQuantity(s: string, start: number, headApprox: Approx | undefined, percentWord: boolean, negative: boolean): QuantityRead {
  let i = start;
  let approx = headApprox;
  let percent = percentWord;
  const ap = matchWordAt(PREFIX_APPROX_WORDS, MAX_APPROX_LEN, s, i);
  if (ap !== undefined && approx === undefined) {
    approx = ap.meaning;
    i += ap.word.length;
  }
  if (s.startsWith('百分之', i)) {
    percent = true;
    i += 3;
  }
  const c0 = s.charAt(i);
  const arabic = isDigit(c0) || (c0 === '.' && isDigit(s.charAt(i + 1)));
  const num = arabic ? readArabic(s, i) : readChinese(s, i, true);
  if (num === 'too-long') return { fail: '数字过长，无法作为指标值' };
  if (num === undefined) return undefined;
  let value = negative ? num.value.neg() : num.value;
  i = num.end;
  let unit: string | undefined;
  for (let k = 0; k < 3; k++) {
    const c = s.charAt(i);
    if (c === '余' || c === '多') {
      approx = 'more-than';
      i++;
      continue;
    }
    // A known unit spelled here wins over a multiplier: 千克, 千米, 千元, 万元, 亿元.
    if (matchKnownUnit(s, i) !== undefined) break;
    const big = bigUnitValue(c) ?? (c === '千' && arabic ? 1000n : undefined);
    if (big === undefined) break;
    let j = i + 1;
    let more = false;
    if (s.charAt(j) === '余' || s.charAt(j) === '多') {
      more = true;
      j++;
    }
    if (more) approx = 'more-than';
    if (s.charAt(j) === '元') {
      // 万 / 亿 before 元 belong to the money unit: 近10万元 is 10 万元.
      unit = `${c === '萬' ? '万' : c === '億' ? '亿' : c}元`;
      i = j + 1;
      break;
    }
    value = value.times(Dec.fromUnits(big, 0));
    i = j;
  }
  if (unit === undefined) {
    if (s.charAt(i) === '%') {
      percent = true;
      i++;
      if (s.charAt(i) === '%') return { fail: '百分号重复「%%」' };
    }
    if (!percent) {
      const u = readUnit(s, i);
      if (u !== undefined) {
        unit = u.unit;
        i = u.end;
      }
    }
  }
  if (unit !== undefined && s.charAt(i) === '/') {
    const u2 = readUnit(s, i + 1, true);
    if (u2 === undefined) return { fail: `「${unit}/」后缺少单位` };
    unit = `${unit}/${u2.unit}`;
    i = u2.end;
  }
  if (percent) unit = '%';
  const q: Quantity = {
    value,
    percent,
    ...(unit === undefined ? {} : { unit }),
    ...(approx === undefined ? {} : { approx }),
  };
  return { q, end: i };
}

/** Gives both ends of a range the same unit; fails when they differ. */
function reconcile(a: Quantity, b: Quantity): { a: Quantity; b: Quantity } | { fail: string } {
  let x = a;
  let y = b;
  if (x.unit === undefined && y.unit !== undefined) x = { ...x, unit: y.unit, percent: y.percent };
  if (y.unit === undefined && x.unit !== undefined) y = { ...y, unit: x.unit, percent: x.percent };
  if (x.unit !== undefined && y.unit !== undefined && x.unit !== y.unit) {
    const ix = unitInfo(x.unit);
    const iy = unitInfo(y.unit);
    if (ix.base !== iy.base || !ix.factor.eq(iy.factor)) {
      return { fail: `范围两端单位不同（「${x.unit}」与「${y.unit}」）` };
    }
  }
  return { a: x, b: y };
}

/**
 * Scans a normalised cell that contains a number. Returns what was written, or a Chinese reason.
 */
export function scanExpression(s: string, mode: ScanMode): ScanResult {
  const numStart = findNumberStart(s);
  if (numStart < 0) return { ok: false, reason: '没有数值' };
  const head = readHead(s.slice(0, numStart), mode);
  if ('fail' in head) return { ok: false, reason: head.fail };
  const first = readQuantity(s, numStart, head.approx, head.percentWord, head.negative);
  if (first === undefined) return { ok: false, reason: `无法识别的数值「${s.slice(numStart, numStart + 12)}」` };
  if ('fail' in first) return { ok: false, reason: first.fail };
  let i = first.end;
  const n = s.length;

  let op: WordOp | undefined = head.op;
  let opText = head.opText ?? '';
  let variable = head.variable;
  let second: Quantity | undefined;
  let rangeOps: [WordOp, WordOp] | undefined;

  const c = s.charAt(i);
  const sym = SYMBOL_OPS.get(c);
  if (sym !== undefined) {
    // 80%≤M<90% (a band range) or 90%≤M (the variable on the right).
    const v = s.charAt(i + 1);
    if (!isAsciiLetter(v) || isAsciiLetter(s.charAt(i + 2))) {
      return { ok: false, reason: `数值后的比较符「${c}」后面缺少变量（如 80%≤M<90%）` };
    }
    if (op !== undefined) return { ok: false, reason: `比较符过多「${opText}…${c}」` };
    variable = v;
    i += 2;
    const sym2 = SYMBOL_OPS.get(s.charAt(i));
    if (sym2 === undefined) {
      op = flip(sym);
      opText = OP_TEXT[op];
    } else {
      const r2 = readQuantity(s, i + 1, undefined, false, false);
      if (r2 === undefined || 'fail' in r2) {
        return { ok: false, reason: r2 === undefined ? `比较符「${s.charAt(i)}」后缺少数值` : r2.fail };
      }
      second = r2.q;
      rangeOps = [sym, sym2];
      i = r2.end;
    }
  } else if (RANGE_SEPS.has(c)) {
    const r2 = readQuantity(s, i + 1, undefined, false, false);
    if (r2 !== undefined && 'fail' in r2) return { ok: false, reason: r2.fail };
    if (r2 !== undefined) {
      if (op !== undefined) return { ok: false, reason: `范围前不能再写比较符「${opText}」` };
      second = r2.q;
      i = r2.end;
    } else if (c === '-' || c === '~') {
      return { ok: false, reason: `「${c}」后缺少数值` };
    }
    // 至 / 到 not followed by a number belong to the words after (100%到位).
  }

  // Suffix words: 以上, 以下, 以内, 内, 前, 左右 …
  let within = false;
  let before = false;
  let approxSuffix: Approx | undefined;
  for (let k = 0; k < 4 && i < n; k++) {
    const w = matchWordAt(SUFFIX_WORDS, MAX_SUFFIX_LEN, s, i);
    if (w === undefined) break;
    i += w.word.length;
    const m = w.meaning;
    if (m.type === 'approx') approxSuffix = m.approx;
    else if (m.type === 'within') within = true;
    else if (m.type === 'before') before = true;
    else {
      if (second !== undefined) return { ok: false, reason: `范围后不能再写「${w.word}」` };
      const merged = mergeOps(op, m.op);
      if (merged === 'conflict') return { ok: false, reason: `比较方向矛盾：「${opText}」与「${w.word}」` };
      op = merged;
      opText += w.word;
    }
  }
  if (second !== undefined && (s.startsWith('之间', i) || s.startsWith('范围内', i))) i += s.startsWith('之间', i) ? 2 : 3;

  // Tail: 为良, (优), 完成, or a short noun (40家企业).
  let band: Band | undefined;
  if (s.charAt(i) === '为' && BAND_CHARS.has(s.charAt(i + 1)) && i + 2 === n) {
    band = s.charAt(i + 1) as Band;
    i = n;
  } else if (s.charAt(i) === '(' && BAND_CHARS.has(s.charAt(i + 1)) && s.charAt(i + 2) === ')' && i + 3 === n) {
    band = s.charAt(i + 1) as Band;
    i = n;
  }
  for (const w of COMPLETION_TAILS) {
    if (i < n && s.startsWith(w, i) && i + w.length === n) {
      i = n;
      break;
    }
  }
  let note: string | undefined;
  if (i < n) {
    const rest = s.slice(i);
    const shortNoun = rest.length <= 4 && [...rest].every((ch) => isHan(ch) && !isCnNumeralChar(ch));
    if (!shortNoun) return { ok: false, reason: `数值后有无法识别的文字「${rest}」` };
    note = rest;
  }

  const q = approxSuffix === undefined || first.q.approx !== undefined ? first.q : { ...first.q, approx: approxSuffix };
  const common = {
    ...(head.subject === undefined ? {} : { subject: head.subject }),
    ...(variable === undefined ? {} : { variable }),
    ...(band === undefined ? {} : { band }),
    ...(note === undefined ? {} : { note }),
  };

  if (second !== undefined) {
    if (before) return { ok: false, reason: '「前」只能用于日期或时长' };
    const rec = reconcile(q, second);
    if ('fail' in rec) return { ok: false, reason: rec.fail };
    let lowInclusive = true;
    let highInclusive = true;
    let reversed = false;
    if (rangeOps !== undefined) {
      const [o1, o2] = rangeOps;
      if (o1 === 'eq' || o2 === 'eq' || direction(o1) !== direction(o2)) {
        return { ok: false, reason: `范围的两个比较符方向不一致「${OP_TEXT[o1]}」「${OP_TEXT[o2]}」` };
      }
      if (direction(o1) === 'down') {
        // 80%≤M<90%: low o1 M o2 high
        lowInclusive = o1 === 'lte';
        highInclusive = o2 === 'lte';
        if (rec.a.value.gt(rec.b.value)) return { ok: false, reason: '范围下限大于上限' };
      } else {
        // 90%>M≥80%: high o1 M o2 low
        highInclusive = o1 === 'gte';
        lowInclusive = o2 === 'gte';
        if (rec.a.value.lt(rec.b.value)) return { ok: false, reason: '范围下限大于上限' };
        reversed = true;
      }
    } else if (rec.a.value.gt(rec.b.value)) {
      reversed = true;
    }
    return {
      ok: true,
      value: { shape: 'range', first: rec.a, second: rec.b, lowInclusive, highInclusive, reversed, within, ...common },
    };
  }

  if (within) {
    const merged = mergeOps(op, 'lte');
    if (merged === 'conflict') return { ok: false, reason: `比较方向矛盾：「${opText}」与「以内」` };
  }
  if (before && op !== undefined && direction(op) !== 'down') {
    return { ok: false, reason: `比较方向矛盾：「${opText}」与「前」` };
  }
  return {
    ok: true,
    value: { shape: 'single', q, within, before, ...(op === undefined ? {} : { op }), ...common },
  };
}
