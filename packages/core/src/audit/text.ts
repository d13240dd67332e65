/**
 * @module Text helpers of the audit: normalised names, character-bigram similarity, and the figures
 * (number + unit + subject) written in report prose.
 *
 * Similarity is deliberately simple: sets of adjacent character pairs (bigrams) of normalised names,
 * compared by Dice coefficient (names against names) or by overlap coefficient (a short prose subject
 * against an indicator name). Results are cached per distinct string, so a province-scale run pays
 * for each name once.
 */
import { Dec } from '../decimal/index.js';
import { normaliseIndicatorName } from '../model/categories.js';
import { halfUnitOf } from '../scoring/tolerance.js';

const CACHE_LIMIT = 20_000;

/** A string → value cache that starts over when it grows past its limit (no clock, no eviction order needed). */
class TextCache<V> {
  private map = new Map<string, V>();
  get(key: string, make: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    if (this.map.size >= CACHE_LIMIT) this.map = new Map();
    const value = make(key);
    this.map.set(key, value);
    return value;
  }
}

const PUNCTUATION = /[\s\u3000“”"'‘’「」『』、，,。．；;：:（）()【】[\]《》<>！!？?·…—\-_/\\]+/g;

const nameCache = new TextCache<string>();
const bigramCache = new TextCache<readonly string[]>();

/** Name without layout, weight labels and punctuation: "企业开办 首套印章（5分）" → "企业开办首套印章". */
export function normName(name: string): string {
  return nameCache.get(name, (n) => normaliseIndicatorName(n).replace(PUNCTUATION, ''));
}

/** Distinct adjacent character pairs of a normalised string; a one-character string is its own bigram. */
export function bigrams(normalised: string): readonly string[] {
  return bigramCache.get(normalised, (s) => {
    if (s.length < 2) return s.length === 1 ? [s] : [];
    const seen = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) seen.add(s.slice(i, i + 2));
    return [...seen];
  });
}

function intersection(a: readonly string[], b: readonly string[]): number {
  if (a.length > b.length) return intersection(b, a);
  if (b.length > 16) {
    const set = new Set(b);
    let n = 0;
    for (const x of a) if (set.has(x)) n++;
    return n;
  }
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/** Dice coefficient of the bigram sets of two normalised strings, in [0, 1]. */
export function dice(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  return (2 * intersection(x, y)) / (x.length + y.length);
}

/** Shared bigrams and the overlap coefficient (shared ÷ size of the smaller set). */
export function overlap(a: string, b: string): { shared: number; score: number } {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return { shared: 0, score: 0 };
  const shared = intersection(x, y);
  return { shared, score: shared / Math.min(x.length, y.length) };
}

// ---------------------------------------------------------------------------------------------
// Figures in prose

/** A number written in running text with its unit and the words before it in the same clause. */
export interface ProseFigure {
  value: Dec;
  /** Unit as written (`万元`, `批次`, `%` for both % and ％, `分` …). */
  unit: string;
  percent: boolean;
  /** 余 / 多 / 近 / 约 / 超: the number is not exact. */
  approx: boolean;
  /** Written as a bound (≥90%, 不低于, 90%以上): a target, not a measurement. */
  bound: boolean;
  /** In a sentence that declares targets or plans (数量指标：…, 绩效目标, 计划…): not a result. */
  planned: boolean;
  /** The clause text before the number (after the last clause delimiter), normalised. */
  subject: string;
  /** Raw clause text before the number, as written. */
  subjectRaw: string;
  /** The figure as written, e.g. "86.97分". */
  text: string;
  /** Rounding slack of the written number: half a unit of its last place, times 万 / 亿 when written. */
  slack: Dec;
  /** Offset of the number in the scanned text. */
  index: number;
}

/** Units the prose scanner reads, longest first so that 个工作日 wins over 个. */
const UNITS = [
  '个工作日', '平方米', '工作日', '万人次', '人次', '户次', '家次', '台次', '件次', '批次', '条次', '场次', '台件',
  '万元', '亿元', '小时', '公斤', '公里', '元', '分', '个', '次', '家', '户', '件', '份', '台', '套', '条', '篇', '项',
  '场', '期', '所', '人', '名', '起', '宗', '张', '批', '吨', '米', '天', '㎡', '%', '％',
];

const FIGURE_RE = new RegExp(
  `(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?(余|多)?(万|亿)?(${UNITS.map(escape).join('|')})(?![/／])`,
  'g',
);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DELIMITERS = new Set([...'，,。；;！!？?：:（）()\n\t【】「」']);
const APPROX_BEFORE = ['近', '约', '超', '逾', '将近', '超过', '大约'];
const BOUND_BEFORE = ['≥', '≧', '>', '＞', '≤', '≦', '<', '＜', '不低于', '不少于', '不超过', '不高于', '不大于', '不小于', '至少', '至多', '控制在'];
const BOUND_AFTER = ['以上', '以下', '以内', '之内', '左右'];
const PLAN_WORDS = /指标[：:]|目标|计划|预计|力争|拟/;
const SENTENCE_STOPS = new Set([...'。；;\n']);
const MAX_SUBJECT = 40;
const TEN_THOUSAND = Dec.fromInt(10_000);
const HUNDRED_MILLION = Dec.fromInt(100_000_000);

/** Every figure written in `text`, in order. Years, dates and ordinals are not figures (no unit is read for them). */
export function scanFigures(text: string): ProseFigure[] {
  const out: ProseFigure[] = [];
  if (text.length === 0) return out;
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(text); m !== null; m = FIGURE_RE.exec(text)) {
    const digits = m[1]!;
    let value = Dec.parse(digits);
    if (!value) continue;
    let unit = m[4]!;
    const multiplier = m[3];
    let slack = halfUnitOf(digits.replace(/,/g, ''));
    if (multiplier === '万') {
      if (unit === '元') unit = '万元';
      else {
        value = value.times(TEN_THOUSAND);
        slack = slack.times(TEN_THOUSAND);
      }
    } else if (multiplier === '亿') {
      if (unit === '元') unit = '亿元';
      else {
        value = value.times(HUNDRED_MILLION);
        slack = slack.times(HUNDRED_MILLION);
      }
    }
    const percent = unit === '%' || unit === '％';
    if (percent) unit = '%';
    let start = m.index;
    while (start > 0 && m.index - start < MAX_SUBJECT && !DELIMITERS.has(text[start - 1]!)) start--;
    const subjectRaw = text.slice(start, m.index);
    const approx = m[2] !== undefined || APPROX_BEFORE.some((w) => subjectRaw.endsWith(w));
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const bound = BOUND_BEFORE.some((w) => subjectRaw.trimEnd().endsWith(w)) || BOUND_AFTER.some((w) => after.startsWith(w));
    let sentenceStart = start;
    while (sentenceStart > 0 && m.index - sentenceStart < 120 && !SENTENCE_STOPS.has(text[sentenceStart - 1]!)) sentenceStart--;
    const planned = PLAN_WORDS.test(text.slice(sentenceStart, m.index));
    out.push({ value, unit, percent, approx, bound, planned, subject: normName(subjectRaw), subjectRaw, text: m[0], slack, index: m.index });
  }
  return out;
}

const figureCache = new TextCache<readonly ProseFigure[]>();

/** `scanFigures` behind a cache (prose repeats across documents of a data set rarely, but the seeds are re-audited often in tests). */
export function figuresIn(text: string): readonly ProseFigure[] {
  return figureCache.get(text, scanFigures);
}
