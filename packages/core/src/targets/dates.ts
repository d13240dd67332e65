/**
 * @module Calendar deadlines and dates: 年底前, 9月前, 12月31日前, 2021年内完成, 上半年, 三季度末,
 * 2021年1-12月, 在9月完成, 9月20日. A small hand-written scanner; every step is anchored.
 */
import type { DateDue } from './types.js';

export interface DateRead {
  readonly due: DateDue;
  readonly from?: DateDue;
  /** 前 / 之前 / 以内 / 止 / 年内: "no later than"; otherwise the text names when it happened. */
  readonly bounded: boolean;
  /** Words before the date that were accepted as a label (项目实施期). */
  readonly subject?: string;
}

const CN_MONTH: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9], ['十', 10],
  ['十一', 11], ['十二', 12], ['正', 1], ['腊', 12],
]);

const CN_DAY_DIGITS: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);

const QUARTER: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['1', 1], ['2', 2], ['3', 3], ['4', 4],
]);

const PREFIXES = ['截止到', '截至', '截止', '于', '在', '到', '至'];
const BOUND_MARKERS = ['之前', '以前', '以内', '之内', '为止', '截止', '前', '内', '止'];
const DONE_WORDS = ['完成发放', '实施完毕', '完成', '完工', '办结', '到位', '完毕', '结束', '发放', '实施', '开展'];

class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  eat(word: string): boolean {
    if (this.s.startsWith(word, this.i)) {
      this.i += word.length;
      return true;
    }
    return false;
  }
  eatAny(words: readonly string[]): string | undefined {
    for (const w of words) if (this.eat(w)) return w;
    return undefined;
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
}

function readYear(c: Cursor): { year?: number; ok: boolean } {
  const m = /^(\d{4})年/.exec(c.s.slice(c.i, c.i + 5));
  if (m?.[1] !== undefined) {
    const y = Number(m[1]);
    if (y < 1949 || y > 2200) return { ok: false };
    c.i += 5;
    return { year: y, ok: true };
  }
  if (c.eatAny(['本年度', '本年', '当年', '今年'])) return { ok: true };
  return { ok: false };
}

function readMonthNumber(c: Cursor): number | undefined {
  const s = c.s;
  const m = /^(\d{1,2})月/.exec(s.slice(c.i, c.i + 3));
  if (m?.[1] !== undefined) {
    const v = Number(m[1]);
    if (v < 1 || v > 12) return undefined;
    c.i += m[1].length + 1;
    return v;
  }
  for (const len of [2, 1]) {
    const w = s.slice(c.i, c.i + len);
    const v = CN_MONTH.get(w);
    if (v !== undefined && s.charAt(c.i + len) === '月') {
      c.i += len + 1;
      return v;
    }
  }
  return undefined;
}

function readDayNumber(c: Cursor): number | undefined {
  const s = c.s;
  const m = /^(\d{1,2})[日号]/.exec(s.slice(c.i, c.i + 3));
  if (m?.[1] !== undefined) {
    const v = Number(m[1]);
    if (v < 1 || v > 31) return undefined;
    c.i += m[1].length + 1;
    return v;
  }
  // 二十, 二十一, 三十一, 十五, 九
  const cm = /^([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/.exec(s.slice(c.i, c.i + 5));
  if (cm?.[1] !== undefined) {
    const w = cm[1];
    let v: number;
    const ten = w.indexOf('十');
    if (ten < 0) v = CN_DAY_DIGITS.get(w) ?? 0;
    else {
      const tens = ten === 0 ? 1 : (CN_DAY_DIGITS.get(w.charAt(0)) ?? 0);
      const ones = w.length > ten + 1 ? (CN_DAY_DIGITS.get(w.charAt(ten + 1)) ?? 0) : 0;
      v = tens * 10 + ones;
    }
    if (v < 1 || v > 31) return undefined;
    c.i += w.length + 1;
    return v;
  }
  return undefined;
}

/** One point: [year] (年底 | 年内 | 上半年 | 第三季度末 | 9月[20日|底|上旬]) or a bare year. */
function readPoint(c: Cursor, allowBareYear: boolean): { due: DateDue; bounded: boolean } | undefined {
  const start = c.i;
  const y = readYear(c);
  const year = y.year;
  const at = (d: Omit<DateDue, 'year'>): DateDue => (year === undefined ? d : { ...d, year });
  // Without a written year the period words carry their own 年: 年底, 年内.
  const yr = y.ok ? '' : '年';
  if (c.eat(`${yr}底`) || c.eat(`${yr}末`) || c.eat(`${yr}终`)) {
    return { due: at({ form: 'date', month: 12, period: 'year-end' }), bounded: false };
  }
  if (c.eat(`${yr}度内`) || c.eat(`${yr}内`)) {
    return { due: at({ form: 'date', month: 12, period: 'year' }), bounded: true };
  }
  if (!y.ok && c.eat('全年')) return { due: at({ form: 'date', month: 12, period: 'year' }), bounded: false };
  if (c.eat('上半年')) return { due: at({ form: 'date', month: 6, period: 'half-year' }), bounded: false };
  if (c.eat('下半年')) return { due: at({ form: 'date', month: 12, period: 'half-year' }), bounded: false };
  const beforeQuarter = c.i;
  c.eat('第');
  const q = QUARTER.get(c.s.charAt(c.i));
  if (q !== undefined && (c.s.startsWith('季度', c.i + 1) || c.s.startsWith('个季度', c.i + 1))) {
    c.i += 1;
    c.eat('个');
    c.eat('季度');
    c.eatAny(['末', '底']);
    return { due: at({ form: 'date', month: q * 3, period: 'quarter' }), bounded: false };
  }
  c.i = beforeQuarter;
  const month = readMonthNumber(c);
  if (month !== undefined) {
    c.eat('份');
    const day = readDayNumber(c);
    if (day !== undefined) return { due: at({ form: 'date', month, day, period: 'day' }), bounded: false };
    if (c.eat('上旬') || c.eat('初')) return { due: at({ form: 'date', month, day: 10, period: 'day' }), bounded: false };
    if (c.eat('中旬')) return { due: at({ form: 'date', month, day: 20, period: 'day' }), bounded: false };
    c.eatAny(['下旬', '底', '末']);
    return { due: at({ form: 'date', month, period: 'month' }), bounded: false };
  }
  if (y.ok && allowBareYear) {
    c.eat('度');
    return { due: at({ form: 'date', month: 12, period: 'year' }), bounded: false };
  }
  c.i = start;
  return undefined;
}

/**
 * Reads a whole cell as a date or calendar deadline, or returns undefined. `s` is normalised.
 * Accepts an optional label before a 4-digit year or a month (项目实施期2021年1-12月).
 */
export function readDate(text: string): DateRead | undefined {
  // Every date form names a year, a month or a quarter; most cells name none and leave here.
  if (!text.includes('年') && !text.includes('月') && !text.includes('季')) return undefined;
  const s = expandMonthRange(text);
  const direct = readDateAt(s, 0);
  if (direct !== undefined) return direct;
  // A short label before the first digit: 项目实施期2021年1-12月, 时间:9月20日.
  const firstDigit = s.search(/[0-9]/);
  if (firstDigit > 0 && firstDigit <= 24) {
    const label = s.slice(0, firstDigit);
    if (/^[\u4e00-\u9fff]+:?$/.test(label) && !/[以不超低高于达至]/.test(label.slice(-1))) {
      const r = readDateAt(s, firstDigit);
      if (r !== undefined) return { ...r, subject: label.replace(/[:为是]$/, '') };
    }
  }
  return undefined;
}

function readDateAt(s: string, start: number): DateRead | undefined {
  const c = new Cursor(s);
  c.i = start;
  c.eatAny(PREFIXES);
  const first = readPoint(c, true);
  if (first === undefined) return undefined;
  let due = first.due;
  let from: DateDue | undefined;
  let bounded = first.bounded;
  // A period: 1-12月, 1月至12月, 2021年1月-2021年12月.
  const save = c.i;
  if (c.eatAny(['-', '~', '至', '到']) !== undefined) {
    const second = readPoint(c, false);
    if (second !== undefined) {
      from = first.due;
      due = second.due.year === undefined && first.due.year !== undefined ? { ...second.due, year: first.due.year } : second.due;
      bounded = false;
    } else {
      c.i = save;
    }
  }
  if (c.eatAny(BOUND_MARKERS) !== undefined) bounded = true;
  c.eatAny(DONE_WORDS);
  if (!c.done()) return undefined;
  return from === undefined ? { due, bounded } : { due, from, bounded };
}

/**
 * `2021年1-12月` and `1-12月`: the month range written with one 月. Rewritten to `1月-12月` before
 * reading so the scanner above stays simple.
 */
function expandMonthRange(s: string): string {
  return s.replace(/^(\D{0,24}?(?:\d{4}年)?)(\d{1,2})([-~至到])(\d{1,2})月/, '$1$2月$3$4月');
}
