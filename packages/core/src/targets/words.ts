/**
 * @module Word tables for target expressions: comparison words (以上, 不低于, 超过 …) with their
 * Chinese legal reading, approximation words (余, 近, 约 …), and qualitative phrases (逐步提高 …).
 *
 * Legal reading (rules §6): 以上, 以下, 以内, 不低于, 不高于, 不少于, 不超过, 至少, 至多, 达到 include
 * the number; 超过, 低于, 不满, 不足, 大于, 小于, 高于 exclude it.
 */
import type { Approx, Band, QualitativeFamily, ThresholdOp } from './types.js';

export type WordOp = ThresholdOp | 'eq';

/** Comparison words written before the number (不低于600批次). Matched longest first. */
export const PREFIX_OP_WORDS: ReadonlyMap<string, WordOp> = new Map<string, WordOp>([
  // inclusive lower bounds
  ['不低于', 'gte'],
  ['不少于', 'gte'],
  ['不小于', 'gte'],
  ['不短于', 'gte'],
  ['不得低于', 'gte'],
  ['不得少于', 'gte'],
  ['不应低于', 'gte'],
  ['大于等于', 'gte'],
  ['大于或等于', 'gte'],
  ['高于或等于', 'gte'],
  ['至少', 'gte'],
  ['最少', 'gte'],
  ['最低', 'gte'],
  ['达到', 'gte'],
  ['达', 'gte'],
  ['提高到', 'gte'],
  ['提高至', 'gte'],
  ['提升到', 'gte'],
  ['提升至', 'gte'],
  ['增加到', 'gte'],
  ['增加至', 'gte'],
  ['增长到', 'gte'],
  ['增长至', 'gte'],
  ['上升到', 'gte'],
  ['上升至', 'gte'],
  // exclusive lower bounds
  ['超过', 'gt'],
  ['超出', 'gt'],
  ['大于', 'gt'],
  ['高于', 'gt'],
  ['多于', 'gt'],
  ['超', 'gt'],
  ['逾', 'gt'],
  // inclusive upper bounds
  ['不高于', 'lte'],
  ['不超过', 'lte'],
  ['不超出', 'lte'],
  ['不多于', 'lte'],
  ['不大于', 'lte'],
  ['不长于', 'lte'],
  ['不得超过', 'lte'],
  ['不得高于', 'lte'],
  ['不应超过', 'lte'],
  ['小于等于', 'lte'],
  ['小于或等于', 'lte'],
  ['低于或等于', 'lte'],
  ['至多', 'lte'],
  ['最多', 'lte'],
  ['最高', 'lte'],
  ['控制在', 'lte'],
  ['降至', 'lte'],
  ['降到', 'lte'],
  ['降低到', 'lte'],
  ['降低至', 'lte'],
  ['减少到', 'lte'],
  ['减少至', 'lte'],
  ['压缩到', 'lte'],
  ['压缩至', 'lte'],
  ['缩短到', 'lte'],
  ['缩短至', 'lte'],
  // exclusive upper bounds
  ['低于', 'lt'],
  ['小于', 'lt'],
  ['少于', 'lt'],
  ['不满', 'lt'],
  ['不足', 'lt'],
  ['不到', 'lt'],
  ['未满', 'lt'],
  ['未达', 'lt'],
  // equality
  ['等于', 'eq'],
]);

/** In an actual, these words only connect a label to its value (合格率达97.5%, 满意度达到90%). */
export const ACTUAL_CONNECTOR_WORDS: ReadonlySet<string> = new Set(['达', '达到']);

/** Approximation words written before the number. */
export const PREFIX_APPROX_WORDS: ReadonlyMap<string, Approx> = new Map<string, Approx>([
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['大约', 'about'],
  ['大概', 'about'],
  ['约为', 'about'],
  ['约合', 'about'],
  ['约', 'about'],
]);

export type SuffixMeaning =
  | { readonly type: 'op'; readonly op: ThresholdOp }
  | { readonly type: 'within' }
  | { readonly type: 'before' }
  | { readonly type: 'approx'; readonly approx: Approx };

/** Words written after the quantity (600批次以上, 2个工作日内, 10万元左右). Matched longest first. */
export const SUFFIX_WORDS: ReadonlyMap<string, SuffixMeaning> = new Map<string, SuffixMeaning>([
  ['及以上', { type: 'op', op: 'gte' }],
  ['或以上', { type: 'op', op: 'gte' }],
  ['以上', { type: 'op', op: 'gte' }],
  ['及以下', { type: 'op', op: 'lte' }],
  ['或以下', { type: 'op', op: 'lte' }],
  ['以下', { type: 'op', op: 'lte' }],
  ['以内', { type: 'within' }],
  ['之内', { type: 'within' }],
  ['内', { type: 'within' }],
  ['之前', { type: 'before' }],
  ['以前', { type: 'before' }],
  ['前', { type: 'before' }],
  ['左右', { type: 'approx', approx: 'about' }],
  ['上下', { type: 'approx', approx: 'about' }],
]);

/** Verbs that make the number a change relative to a base (下降5%, 提高1—2个百分点). */
export const CHANGE_VERBS: readonly string[] = [
  '下降了', '下降', '降低了', '降低', '减少了', '减少', '提高了', '提高', '提升了', '提升', '增长了', '增长',
  '增加了', '增加', '上升了', '上升', '缩短了', '缩短', '压缩了', '压缩', '增幅', '降幅', '减幅', '同比', '环比',
];

/** Words after the expression that name a band: 为良, (优). */
export const BAND_CHARS: ReadonlySet<string> = new Set(['优', '良', '中', '差']);

/** Words after the quantity that only say it was done (年底前完成, 40家完成). */
export const COMPLETION_TAILS: readonly string[] = [
  '完成发放', '实施完毕', '前完成', '完成', '完工', '办结', '到位', '完毕', '结束', '发放', '实现', '达标',
];

/** Matches the longest word of `words` that ends at `end` in `s`. */
export function matchWordEndingAt<T>(
  words: ReadonlyMap<string, T>,
  maxLen: number,
  s: string,
  end: number,
): { word: string; meaning: T } | undefined {
  for (let len = Math.min(maxLen, end); len >= 1; len--) {
    const w = s.slice(end - len, end);
    const meaning = words.get(w);
    if (meaning !== undefined) return { word: w, meaning };
  }
  return undefined;
}

/** Matches the longest word of `words` that starts at `i` in `s`. */
export function matchWordAt<T>(
  words: ReadonlyMap<string, T>,
  maxLen: number,
  s: string,
  i: number,
): { word: string; meaning: T } | undefined {
  for (let len = Math.min(maxLen, s.length - i); len >= 1; len--) {
    const w = s.slice(i, i + len);
    const meaning = words.get(w);
    if (meaning !== undefined) return { word: w, meaning };
  }
  return undefined;
}

export const MAX_PREFIX_OP_LEN = 5;
export const MAX_APPROX_LEN = 2;
export const MAX_SUFFIX_LEN = 3;

// ---------------------------------------------------------------------------------------------
// Qualitative phrases (定性表述)

/** Exact phrases, after normalisation. The family says what the phrase claims. */
const QUALITATIVE_EXACT: ReadonlyMap<string, QualitativeFamily> = new Map<string, QualitativeFamily>([
  ['逐步提高', 'improve'],
  ['逐步提升', 'improve'],
  ['不断提升', 'improve'],
  ['不断提高', 'improve'],
  ['持续提升', 'improve'],
  ['持续提高', 'improve'],
  ['稳步提升', 'improve'],
  ['稳步提高', 'improve'],
  ['持续向好', 'improve'],
  ['稳定向好', 'improve'],
  ['总体向好', 'improve'],
  ['逐步改善', 'improve'],
  ['持续改善', 'improve'],
  ['不断改善', 'improve'],
  ['明显改善', 'improve'],
  ['不断增强', 'improve'],
  ['逐步增强', 'improve'],
  ['不断完善', 'improve'],
  ['逐步完善', 'improve'],
  ['有所提高', 'improve'],
  ['有所提升', 'improve'],
  ['稳中有升', 'improve'],
  ['提高', 'improve'],
  ['提升', 'improve'],
  ['改善', 'improve'],
  ['增强', 'improve'],
  ['逐步降低', 'reduce'],
  ['逐步下降', 'reduce'],
  ['不断降低', 'reduce'],
  ['逐年下降', 'reduce'],
  ['逐步减少', 'reduce'],
  ['明显减少', 'reduce'],
  ['有效遏制', 'reduce'],
  ['降低', 'reduce'],
  ['下降', 'reduce'],
  ['减少', 'reduce'],
  ['保持稳定', 'stable'],
  ['持续稳定', 'stable'],
  ['基本稳定', 'stable'],
  ['稳定', 'stable'],
  ['平稳', 'stable'],
  ['长期', 'long-term'],
  ['长期有效', 'long-term'],
  ['长期坚持', 'long-term'],
  ['长效', 'long-term'],
  ['持续', 'long-term'],
  ['可持续', 'long-term'],
  ['效果明显', 'effective'],
  ['效果显著', 'effective'],
  ['成效明显', 'effective'],
  ['成效显著', 'effective'],
  ['明显', 'effective'],
  ['显著', 'effective'],
  ['有效', 'effective'],
  ['良好效果', 'effective'],
  ['效果良好', 'effective'],
  ['较好', 'effective'],
  ['达成预期指标', 'achieved'],
  ['达成预期目标', 'achieved'],
  ['达成年度指标', 'achieved'],
  ['达成年度目标', 'achieved'],
  ['达到预期', 'achieved'],
  ['达到预期目标', 'achieved'],
  ['达到预期效果', 'achieved'],
  ['达到预期指标', 'achieved'],
  ['达到目标', 'achieved'],
  ['达到要求', 'achieved'],
  ['达到', 'achieved'],
  ['达成', 'achieved'],
  ['达标', 'achieved'],
  ['完成', 'achieved'],
  ['全部完成', 'achieved'],
  ['圆满完成', 'achieved'],
  ['能圆满完成', 'achieved'],
  ['能圆满完成计划', 'achieved'],
  ['按期完成', 'achieved'],
  ['按时完成', 'achieved'],
  ['如期完成', 'achieved'],
  ['按计划完成', 'achieved'],
  ['完成年度任务', 'achieved'],
  ['实现', 'achieved'],
  ['符合要求', 'achieved'],
  ['满足要求', 'achieved'],
  ['符合', 'achieved'],
  ['合格', 'achieved'],
  ['通过', 'achieved'],
  ['全覆盖', 'achieved'],
  ['是', 'achieved'],
  ['有', 'achieved'],
  ['及时', 'achieved'],
  ['部分完成', 'partly'],
  ['部分达成', 'partly'],
  ['部分达到', 'partly'],
  ['部分实现', 'partly'],
  ['基本完成', 'partly'],
  ['基本达成', 'partly'],
  ['基本达到', 'partly'],
  ['基本实现', 'partly'],
  ['部分达成并具有一定效果', 'partly'],
  ['未完成', 'not-achieved'],
  ['未达成', 'not-achieved'],
  ['未达到', 'not-achieved'],
  ['未实现', 'not-achieved'],
  ['没有完成', 'not-achieved'],
  ['未达标', 'not-achieved'],
  ['不达标', 'not-achieved'],
  ['不合格', 'not-achieved'],
  ['未达成且效果较差', 'not-achieved'],
  ['否', 'not-achieved'],
  ['无', 'none'],
  ['没有', 'none'],
  ['未发生', 'none'],
]);

const GRADE_WORDS: ReadonlyMap<string, Band> = new Map<string, Band>([
  ['优', '优'],
  ['优秀', '优'],
  ['良', '良'],
  ['良好', '良'],
  ['中', '中'],
  ['中等', '中'],
  ['一般', '中'],
  ['及格', '中'],
  ['差', '差'],
  ['较差', '差'],
]);

/** Words stripped from the front of a phrase before matching (已逐步提高 → 逐步提高). */
const LEADING_FILLERS: readonly string[] = ['已经', '已', '均已', '均', '都', '得到', '实现了'];
/** Labels before a grade: 完成质量为良, 评价等级：优. */
const GRADE_LABEL_END = /(?:为|是|:|等级|等次|评级|评价|质量)$/;

export interface QualitativeReading {
  readonly level: string;
  readonly family: QualitativeFamily;
  readonly band?: Band;
}

/** Longest phrase the keyword rules look at; longer text is prose, not a target. */
const MAX_QUALITATIVE_LEN = 40;

/** Keyword rules, tried in order on text with no digits. Each is an anchored or plain-literal test. */
const KEYWORD_RULES: readonly (readonly [RegExp, QualitativeFamily])[] = [
  [/^(?:未|没有|没|尚未|不能|未能)(?:完成|达成|达到|实现|达标)/, 'not-achieved'],
  [/^(?:部分|基本)(?:完成|达成|达到|实现|达标)/, 'partly'],
  [/^(?:达到|符合|满足|达成)\S{0,30}(?:要求|标准|目标|条件|规定|指标|效果|预期)$/, 'achieved'],
  [/^(?:能|已|均|按计划|按要求|按期|按时|如期|全面|圆满|顺利|全部)*(?:完成|实现|达成|达标)/, 'achieved'],
  [/长期|长效|持久/, 'long-term'],
  [/(?:降低|下降|减少|遏制|减轻|压减|杜绝)/, 'reduce'],
  [/(?:提高|提升|改善|增强|完善|向好|增长|上升|扩大|加强|优化|深化|推进|推动|促进|发展)/, 'improve'],
  [/(?:稳定|平稳|保持)/, 'stable'],
  [/(?:有效|显著|明显|良好|较好|成效|效果)/, 'effective'],
];

/** Cleans a phrase for matching: trailing 。 and fillers removed (text is already normalised). */
function cleanPhrase(s: string): string {
  let t = s;
  for (const f of LEADING_FILLERS) {
    if (t.length > f.length && t.startsWith(f)) {
      t = t.slice(f.length);
      break;
    }
  }
  return t;
}

/**
 * Reads a qualitative phrase. `s` is normalised text with no Arabic digits. Returns undefined when
 * the text is not a recognised qualitative statement.
 */
export function readQualitative(s: string): QualitativeReading | undefined {
  if (s.length === 0 || s.length > MAX_QUALITATIVE_LEN) return undefined;
  const exact = QUALITATIVE_EXACT.get(s);
  if (exact !== undefined) return { level: s, family: exact };
  const grade = readGrade(s);
  if (grade !== undefined) return { level: grade, family: 'grade', band: grade };
  const cleaned = cleanPhrase(s);
  const again = QUALITATIVE_EXACT.get(cleaned);
  if (again !== undefined) return { level: cleaned, family: again };
  if (/[,;、，。；]/.test(cleaned)) return undefined; // a list or a sentence: prose, not a target
  for (const [re, family] of KEYWORD_RULES) {
    if (re.test(cleaned)) return { level: cleaned, family };
  }
  return undefined;
}

/** 优 / 良好 / 完成质量为良 / 等级:优 → the band. */
export function readGrade(s: string): Band | undefined {
  const direct = GRADE_WORDS.get(s);
  if (direct !== undefined) return direct;
  for (const [word, band] of GRADE_WORDS) {
    if (s.length > word.length && s.endsWith(word) && GRADE_LABEL_END.test(s.slice(0, s.length - word.length))) {
      return band;
    }
  }
  return undefined;
}
