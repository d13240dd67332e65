/**
 * @module Number reading for target expressions: Arabic digits (with thousands separators) and
 * Chinese numerals (两次, 一千余份, 十二个, 三点五, 二〇二一, 壹佰), exactly, as `Dec`.
 */
import { Dec } from '../decimal/decimal.js';

const CN_DIGITS: ReadonlyMap<string, bigint> = new Map([
  ['零', 0n],
  ['〇', 0n],
  ['一', 1n],
  ['壹', 1n],
  ['二', 2n],
  ['贰', 2n],
  ['两', 2n],
  ['三', 3n],
  ['叁', 3n],
  ['四', 4n],
  ['肆', 4n],
  ['五', 5n],
  ['伍', 5n],
  ['六', 6n],
  ['陆', 6n],
  ['七', 7n],
  ['柒', 7n],
  ['八', 8n],
  ['捌', 8n],
  ['九', 9n],
  ['玖', 9n],
]);

/** 十 / 百 / 千: multiply the digit before them inside a 万-section. */
const CN_SMALL_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['十', 10n],
  ['拾', 10n],
  ['百', 100n],
  ['佰', 100n],
  ['千', 1000n],
  ['仟', 1000n],
]);

/** 万 / 亿: close a section. */
const CN_BIG_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['万', 10_000n],
  ['萬', 10_000n],
  ['亿', 100_000_000n],
  ['億', 100_000_000n],
]);

/** Longest Chinese numeral run accepted; longer runs are not numbers people write in a cell. */
const MAX_CN_RUN = 24;
/** Longest run of Arabic digits accepted (Dec.parse accepts 60). */
const MAX_DIGITS = 40;

export function isCnNumeralChar(ch: string): boolean {
  return CN_DIGITS.has(ch) || CN_SMALL_UNITS.has(ch) || CN_BIG_UNITS.has(ch);
}

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

export function isBigUnit(ch: string): boolean {
  return CN_BIG_UNITS.has(ch);
}

export function bigUnitValue(ch: string): bigint | undefined {
  return CN_BIG_UNITS.get(ch);
}

export interface NumberRead {
  readonly value: Dec;
  /** Index just after the number. */
  readonly end: number;
  /** True when the text said 百分之 (a percentage written in words). */
  readonly percent: boolean;
  /** True when the number was written in Chinese numerals. */
  readonly chinese: boolean;
}

/**
 * Reads an Arabic number at `i`: digits, optional `,ddd` groups, optional fraction. Returns the
 * number or a reason when digits are present but malformed (too long).
 */
export function readArabic(s: string, i: number): NumberRead | 'too-long' | undefined {
  let j = i;
  let digits = '';
  while (j < s.length && isDigit(s.charAt(j))) {
    digits += s.charAt(j);
    j++;
  }
  // Thousands separators: ",ddd" groups after 1–3 leading digits, each followed by a non-digit.
  if (digits.length >= 1 && digits.length <= 3 && s.charAt(j) === ',') {
    let k = j;
    let grouped = digits;
    while (
      s.charAt(k) === ',' &&
      isDigit(s.charAt(k + 1)) &&
      isDigit(s.charAt(k + 2)) &&
      isDigit(s.charAt(k + 3)) &&
      !isDigit(s.charAt(k + 4))
    ) {
      grouped += s.slice(k + 1, k + 4);
      k += 4;
    }
    if (k > j) {
      digits = grouped;
      j = k;
    }
  }
  let frac = '';
  if (s.charAt(j) === '.' && isDigit(s.charAt(j + 1))) {
    j++;
    while (j < s.length && isDigit(s.charAt(j))) {
      frac += s.charAt(j);
      j++;
    }
  }
  if (digits.length === 0 && frac.length === 0) return undefined;
  if (digits.length + frac.length > MAX_DIGITS) return 'too-long';
  const value = Dec.parse(frac.length > 0 ? `${digits.length > 0 ? digits : '0'}.${frac}` : digits);
  if (value === undefined) return 'too-long';
  return { value, end: j, percent: false, chinese: false };
}

/**
 * Reads a Chinese numeral at `i`. With `stopBeforeMoney`, a final 万 / 亿 directly followed by 元
 * is left for the unit (一千万元 → 1000 万元, not 10000000 元).
 */
export function readChinese(s: string, i: number, stopBeforeMoney: boolean): NumberRead | undefined {
  let j = i;
  while (j < s.length && j - i < MAX_CN_RUN + 1 && (isCnNumeralChar(s.charAt(j)) || s.charAt(j) === '点')) j++;
  // A decimal point must be followed by a digit; otherwise it is not part of the number.
  while (j > i && s.charAt(j - 1) === '点') j--;
  if (stopBeforeMoney && j - i >= 2 && CN_BIG_UNITS.has(s.charAt(j - 1)) && s.charAt(j) === '元') j--;
  if (j === i || j - i > MAX_CN_RUN) return undefined;
  const run = s.slice(i, j);
  const dot = run.indexOf('点');
  const intRun = dot >= 0 ? run.slice(0, dot) : run;
  const fracRun = dot >= 0 ? run.slice(dot + 1) : '';
  if (intRun.length === 0) return undefined;
  const int = cnInteger(intRun);
  if (int === undefined) return undefined;
  let fracDigits = '';
  for (const ch of fracRun) {
    const d = CN_DIGITS.get(ch);
    if (d === undefined) return undefined;
    fracDigits += d.toString();
  }
  const value =
    fracDigits.length > 0 ? Dec.fromUnits(int * 10n ** BigInt(fracDigits.length) + BigInt(fracDigits), fracDigits.length) : Dec.fromUnits(int, 0);
  return { value, end: j, percent: false, chinese: true };
}

/** Integer value of a Chinese numeral run without a decimal point; undefined when malformed. */
function cnInteger(run: string): bigint | undefined {
  let hasUnit = false;
  for (const ch of run) if (!CN_DIGITS.has(ch)) hasUnit = true;
  if (!hasUnit) {
    // 两 → 2; 二〇二一 → 2021 (digit by digit, only with a written zero: 二三 is "two or three").
    if (run.length > 1 && !run.includes('〇') && !run.includes('零')) return undefined;
    let v = 0n;
    for (const ch of run) v = v * 10n + (CN_DIGITS.get(ch) ?? 0n);
    return v;
  }
  let total = 0n; // completed 亿 part
  let section = 0n; // value below the last 亿, including completed 万 sections
  let small = 0n; // value inside the current 万-section
  let digit = -1n; // pending digit, -1 when none
  let lastUnit = 0n; // unit applied just before the pending digit (for 一百五 = 150)
  let digitAfterUnit = false;
  let prev = '';
  for (const ch of run) {
    const d = CN_DIGITS.get(ch);
    if (d !== undefined) {
      if (digit >= 0n && d !== 0n && CN_DIGITS.get(prev) !== 0n) return undefined; // 二三: not a number
      digit = d;
      digitAfterUnit = d !== 0n && (CN_SMALL_UNITS.has(prev) || CN_BIG_UNITS.has(prev));
      if (d === 0n) lastUnit = 0n;
      prev = ch;
      continue;
    }
    const u = CN_SMALL_UNITS.get(ch);
    if (u !== undefined) {
      // 十二 = 12 and 一千零十 = 1010: a 十 with no digit before it counts one ten.
      small += (digit > 0n ? digit : 1n) * u;
      digit = -1n;
      lastUnit = u;
      digitAfterUnit = false;
      prev = ch;
      continue;
    }
    const big = CN_BIG_UNITS.get(ch);
    if (big === undefined) return undefined;
    const head = small + (digit > 0n ? digit : 0n);
    if (big === 100_000_000n) {
      total = (total + section + head) * big;
      section = 0n;
    } else {
      section = (section + (head === 0n && section === 0n ? 1n : head)) * big;
    }
    small = 0n;
    digit = -1n;
    lastUnit = big;
    digitAfterUnit = false;
    prev = ch;
  }
  let tail = digit > 0n ? digit : 0n;
  // Colloquial shortening: 一百五 = 150, 三千五 = 3500, 一万二 = 12000 (not after 十: 十五 = 15).
  if (digitAfterUnit && lastUnit >= 100n) tail = (tail * lastUnit) / 10n;
  return total + section + small + tail;
}
