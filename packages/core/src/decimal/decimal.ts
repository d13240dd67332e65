/**
 * @module Exact decimal numbers (定点小数) for money, rates and scores.
 *
 * A value is an integer number of units at a decimal scale: 243.03 is 24303 units at scale 2.
 * Addition, subtraction and multiplication are exact; division and rounding take an explicit scale
 * and rounding mode, because the rule set, not the arithmetic, decides how figures are rounded.
 *
 * The units are held as a JavaScript safe integer while they fit (|units| < 2^53, which covers every
 * budget and score in practice) and as a BigInt beyond that. Every operation checks that an integer
 * result is still safe before keeping it as a number, so both paths are exact; only the speed differs.
 *
 * Why not big.js or decimal.js: scoring runs on province-scale data (hundreds of thousands of
 * indicators), and this fixed-point value measured several times faster than either library on the
 * scoring loop (see the closing notes and `npm run bench`). The public surface stays small so it can
 * be swapped if that ever stops being true. Tests check it against big.js as an oracle.
 */

/** Rounding modes a rule set may name. `half-up` is 四舍五入 (ties away from zero). */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 64; i++, p *= 10n) POW10.push(p);
/** Powers of ten that are exact doubles and safe integers: 10^0 … 10^15. */
const POW10_NUM: number[] = [];
for (let i = 0, p = 1; i <= 15; i++, p *= 10) POW10_NUM.push(p);

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** Bound under which q·den and num − q·den stay exact in a division of safe integers. */
const DIV_SAFE = 2 ** 52;

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Largest scale accepted from text; longer fractions are almost certainly garbage input. */
const MAX_PARSE_DIGITS = 60;

/** Makes a value from its parts; set once the class is defined (the constructor stays private). */
let make: (small: number, big: bigint | undefined, scale: number) => Dec;

export class Dec {
  static {
    make = (small, big, scale) => new Dec(small, big, scale);
  }

  /** Units when small: a safe integer, meaningful only when `big` is undefined. */
  private readonly small: number;
  /** Units when they do not fit a safe integer. */
  private readonly big: bigint | undefined;
  /** Number of decimal places, >= 0. */
  readonly scale: number;

  private constructor(small: number, big: bigint | undefined, scale: number) {
    this.small = small;
    this.big = big;
    this.scale = scale;
  }

  /** Integer units; the value is units × 10^-scale. */
  get units(): bigint {
    return this.big ?? BigInt(this.small);
  }

  static readonly ZERO = new Dec(0, undefined, 0);
  static readonly ONE = new Dec(1, undefined, 0);
  static readonly HUNDRED = new Dec(100, undefined, 0);

  /** Builds a value from integer units at a scale: `Dec.fromUnits(24303n, 2)` is 243.03. */
  static fromUnits(units: bigint, scale: number): Dec {
    if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`invalid scale ${scale}`);
    return ofBig(units, scale);
  }

  /** An integer. */
  static fromInt(n: number | bigint): Dec {
    if (typeof n === 'bigint') return ofBig(n, 0);
    if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
    return new Dec(n === 0 ? 0 : n, undefined, 0);
  }

  /**
   * Parses plain decimal text: `-12.5`, `+3`, `.5`, `7.`, `1,234.56` (thousands separators),
   * `1.2e3`. Returns undefined for anything else; never throws.
   */
  static parse(text: string): Dec | undefined {
    const fast = parsePlain(text);
    if (fast !== undefined) return fast;
    let s = text.trim();
    if (s.includes(',')) {
      if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return undefined;
      s = s.replace(/,/g, '');
    }
    if (s.length === 0 || s.length > MAX_PARSE_DIGITS + 8) return undefined;
    const m = DECIMAL_RE.exec(s);
    if (!m) return undefined;
    const intPart = m[2] ?? '';
    const fracPart = m[3] ?? '';
    if (intPart.length === 0 && fracPart.length === 0) return undefined;
    const digits = intPart + fracPart;
    let scale = fracPart.length;
    let units = BigInt(digits.length === 0 ? '0' : digits);
    if (m[4] !== undefined) {
      const exp = Number(m[4]);
      if (!Number.isFinite(exp) || Math.abs(exp) > MAX_PARSE_DIGITS) return undefined;
      scale -= exp;
      if (scale < 0) {
        units *= pow10(-scale);
        scale = 0;
      }
    }
    if (scale > MAX_PARSE_DIGITS) return undefined;
    if (m[1] === '-') units = -units;
    return ofBig(units, scale);
  }

  /** Like parse, but throws on invalid text; for literals in code and tests. */
  static of(value: string | number | bigint | Dec): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === 'bigint') return ofBig(value, 0);
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) return new Dec(value === 0 ? 0 : value, undefined, 0);
      if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
      // Shortest round-trip text of the binary number, e.g. 0.1 → "0.1".
      const parsed = Dec.parse(String(value));
      if (!parsed) throw new RangeError(`cannot represent ${value}`);
      return parsed;
    }
    const parsed = Dec.parse(value);
    if (!parsed) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
    return parsed;
  }

  plus(other: Dec): Dec {
    if (this.big === undefined && other.big === undefined) {
      const r = addSmall(this.small, this.scale, other.small, other.scale, 1);
      if (r !== undefined) return r;
    }
    const [a, b, s] = alignBig(this, other);
    return ofBig(a + b, s);
  }

  minus(other: Dec): Dec {
    if (this.big === undefined && other.big === undefined) {
      const r = addSmall(this.small, this.scale, other.small, other.scale, -1);
      if (r !== undefined) return r;
    }
    const [a, b, s] = alignBig(this, other);
    return ofBig(a - b, s);
  }

  times(other: Dec): Dec {
    const scale = this.scale + other.scale;
    if (this.big === undefined && other.big === undefined) {
      const p = this.small * other.small;
      // An integer product above 2^53 − 1 comes out as a double ≥ 2^53, so this test is exact.
      if (Number.isSafeInteger(p)) return new Dec(p === 0 ? 0 : p, undefined, scale);
    }
    return ofBig(this.units * other.units, scale);
  }

  /**
   * Quotient rounded to `scale` places. Returns undefined when dividing by zero: callers must
   * decide what a zero denominator means (an execution rate of a zero budget is not 0%).
   */
  div(other: Dec, scale: number, mode: RoundingMode = 'half-up'): Dec | undefined {
    if (other.isZero()) return undefined;
    // value = (a·10^-sa) / (b·10^-sb); we want q·10^-scale, so q = a·10^(scale+sb-sa) / b.
    const shift = scale + other.scale - this.scale;
    if (this.big === undefined && other.big === undefined && Math.abs(shift) <= 15) {
      let num = this.small;
      let den = other.small;
      if (shift >= 0) num *= POW10_NUM[shift]!;
      else den *= POW10_NUM[-shift]!;
      if (Math.abs(num) < DIV_SAFE && Math.abs(den) < DIV_SAFE) return new Dec(divRoundSmall(num, den, mode), undefined, scale);
    }
    let num = this.units;
    let den = other.units;
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    return ofBig(divRoundBig(num, den, mode), scale);
  }

  /** Rounds to `scale` places; a value already at that scale or below is returned unchanged. */
  round(scale: number, mode: RoundingMode = 'half-up'): Dec {
    if (this.scale <= scale) return this;
    const k = this.scale - scale;
    if (this.big === undefined && k <= 15) return new Dec(divRoundSmall(this.small, POW10_NUM[k]!, mode), undefined, scale);
    return ofBig(divRoundBig(this.units, pow10(k), mode), scale);
  }

  /** Same value with trailing zeros removed from the fraction (98.40 → 98.4). */
  normalize(): Dec {
    if (this.scale === 0) return this;
    if (this.big === undefined) {
      if (this.small % 10 !== 0) return this;
      let u = this.small;
      let s = this.scale;
      while (s > 0 && u % 10 === 0) {
        u /= 10;
        s--;
      }
      return new Dec(u === 0 ? 0 : u, undefined, s);
    }
    if (this.big % 10n !== 0n) return this;
    let u = this.big;
    let s = this.scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return ofBig(u, s);
  }

  cmp(other: Dec): -1 | 0 | 1 {
    if (this.big === undefined && other.big === undefined) {
      const d = this.scale - other.scale;
      if (d === 0) return this.small < other.small ? -1 : this.small > other.small ? 1 : 0;
      if (Math.abs(d) <= 15) {
        const a = d < 0 ? this.small * POW10_NUM[-d]! : this.small;
        const b = d > 0 ? other.small * POW10_NUM[d]! : other.small;
        if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a < b ? -1 : a > b ? 1 : 0;
      }
    }
    const [a, b] = alignBig(this, other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: Dec): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: Dec): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: Dec): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: Dec): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: Dec): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.big === undefined ? this.small === 0 : this.big === 0n;
  }
  isNegative(): boolean {
    return this.big === undefined ? this.small < 0 : this.big < 0n;
  }

  neg(): Dec {
    if (this.big === undefined) return new Dec(this.small === 0 ? 0 : -this.small, undefined, this.scale);
    return ofBig(-this.big, this.scale);
  }
  abs(): Dec {
    return this.isNegative() ? this.neg() : this;
  }

  static min(a: Dec, b: Dec): Dec {
    return a.lte(b) ? a : b;
  }
  static max(a: Dec, b: Dec): Dec {
    return a.gte(b) ? a : b;
  }

  static sum(values: Iterable<Dec>): Dec {
    let acc = Dec.ZERO;
    for (const v of values) acc = acc.plus(v);
    return acc;
  }

  /** Canonical text without trailing zeros: "98.4", "-0.05", "100". */
  toString(): string {
    return formatUnits(this.normalize());
  }

  /** Text with exactly `places` decimals, rounded by `mode` (default half-up): "98.40". */
  toFixed(places: number, mode: RoundingMode = 'half-up'): string {
    const r = this.round(places, mode);
    if (r.scale === places) return formatUnits(r);
    return formatUnits(ofBig(r.units * pow10(places - r.scale), places));
  }

  /** A binary number for charts and sorting only; never for arithmetic a user sees. */
  toNumber(): number {
    return Number(this.toString());
  }

  toJSON(): string {
    return this.toString();
  }

  /** @internal Units as a safe integer, or undefined when they are held as a BigInt. */
  smallUnits(): number | undefined {
    return this.big === undefined ? this.small : undefined;
  }
}

/** A value from BigInt units, kept as a number when it fits. */
function ofBig(units: bigint, scale: number): Dec {
  if (units >= -9007199254740991n && units <= 9007199254740991n) {
    const n = Number(units);
    return make(n === 0 ? 0 : n, undefined, scale);
  }
  return make(0, units, scale);
}

/** A value from safe-integer units. */
function ofSmall(units: number, scale: number): Dec {
  return make(units === 0 ? 0 : units, undefined, scale);
}

/** a ± b on safe integers, or undefined when an intermediate would not be safe. */
function addSmall(a: number, sa: number, b: number, sb: number, sign: 1 | -1): Dec | undefined {
  let scale = sa;
  if (sa !== sb) {
    const d = sa - sb;
    if (Math.abs(d) > 15) return undefined;
    if (d > 0) b *= POW10_NUM[d]!;
    else {
      a *= POW10_NUM[-d]!;
      scale = sb;
    }
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return undefined;
  }
  const r = sign === 1 ? a + b : a - b;
  return Number.isSafeInteger(r) ? ofSmall(r, scale) : undefined;
}

function alignBig(x: Dec, y: Dec): [bigint, bigint, number] {
  const a = x.units;
  const b = y.units;
  if (x.scale === y.scale) return [a, b, x.scale];
  if (x.scale > y.scale) return [a, b * pow10(x.scale - y.scale), x.scale];
  return [a * pow10(y.scale - x.scale), b, y.scale];
}

/**
 * Plain digits with at most one point ("243.03", "-5", "100"): one pass over the characters, no
 * regular expression. Anything else returns undefined and takes the general path.
 */
function parsePlain(text: string): Dec | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
    if (n === 1) return undefined;
  }
  let point = -1;
  let units = 0;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 46 /* . */) {
      if (point >= 0 || j === i || j === n - 1) return undefined;
      point = j;
    } else if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
    } else {
      return undefined;
    }
  }
  // At most 15 digits here, so units is an exact safe integer.
  return ofSmall(negative ? -units : units, point < 0 ? 0 : n - point - 1);
}

function formatUnits(d: Dec): string {
  const small = d.smallUnits();
  const neg = small !== undefined ? small < 0 : d.units < 0n;
  const digits = small !== undefined ? String(Math.abs(small)) : (neg ? -d.units : d.units).toString();
  if (d.scale === 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(d.scale + 1, '0');
  const cut = padded.length - d.scale;
  return `${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** num / den rounded by mode, on integers with |num|, |den| < 2^52 so every step below is exact. */
function divRoundSmall(num: number, den: number, mode: RoundingMode): number {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  let q = Math.trunc(num / den);
  let r = num - q * den;
  // The floating quotient can be off by one near an integer: correct so that 0 ≤ |r| < den with r's sign num's.
  if (num >= 0) {
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
  } else if (r > 0) {
    q += 1;
    r -= den;
  } else if (-r >= den) {
    q -= 1;
    r += den;
  }
  if (r === 0) return q === 0 ? 0 : q;
  const sign = num < 0 ? -1 : 1;
  let out = q;
  switch (mode) {
    case 'down':
      break;
    case 'up':
      out = q + sign;
      break;
    case 'half-up':
      if (Math.abs(r) * 2 >= den) out = q + sign;
      break;
    case 'half-even': {
      const twice = Math.abs(r) * 2;
      if (twice > den || (twice === den && q % 2 !== 0)) out = q + sign;
      break;
    }
  }
  return out === 0 ? 0 : out;
}

/** Integer division num / den rounded by mode; den is non-zero. */
function divRoundBig(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates toward zero
  const r = num % den;
  if (r === 0n) return q;
  const sign = num < 0n ? -1n : 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + sign;
    case 'half-up': {
      const twice = (r < 0n ? -r : r) * 2n;
      return twice >= den ? q + sign : q;
    }
    case 'half-even': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice > den) return q + sign;
      if (twice < den) return q;
      return q % 2n === 0n ? q : q + sign;
    }
  }
}

/** Number of decimal places written in a decimal text ("95.03%" → 2, "100" → 0). */
export function placesIn(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m?.[1]?.length ?? 0;
}
