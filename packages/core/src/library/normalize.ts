/**
 * @module Indicator-name normalisation (指标名称规范化) and the library key: a pure function with a
 * documented algorithm, so the server can store the same keys in SQL and any client can reproduce them.
 *
 * `normalizeIndicatorName(name)`, in order:
 * 1. Full-width forms U+FF01–U+FF5E become ASCII (U+FF10 ０ → 0, （ → (, ％ → %); U+3000 becomes a space.
 * 2. ASCII letters become lower case.
 * 3. Traditional characters in `TRADITIONAL_TO_SIMPLIFIED` become simplified, one by one.
 * 4. A leading enumeration is dropped: `1.` `1、` `1)` `(1)` `一、` `(一)` (after step 1, so `（一）` too).
 * 5. Weight labels are dropped: `(5分)`, `(10.5分)`.
 * 6. Everything but ASCII letters, digits and CJK ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) is removed:
 *    spaces, punctuation, brackets, symbols.
 * 7. One or two digits ending the name right after a CJK character are dropped (sequence numbers:
 *    `监督抽查批次2` → `监督抽查批次`); three or more digits are kept (a figure, not a number in a list).
 * 8. Synonyms (`SYNONYMS`) are replaced left to right, longest variant first, until nothing changes;
 *    then suffix rules (`SUFFIXES`, e.g. a final 数量 → 数) apply once.
 * The result is idempotent: normalising a normalised name returns it unchanged.
 */
import type { ParsedTarget } from '../targets/index.js';
import { parseTargetCached, unitInfo } from '../targets/index.js';
import { SUFFIXES, SYNONYMS, TRADITIONAL_TO_SIMPLIFIED } from './tables.js';

const ENUMERATION = /^(?:\d{1,3}[.、)]|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))/;
const WEIGHT_LABEL = /\(\d+(?:\.\d+)?分\)/g;
const SEQUENCE = /([\u3400-\u4dbf\u4e00-\u9fff])\d{1,2}$/;
const SYNONYM_RE = new RegExp([...SYNONYMS].sort((a, b) => b[0].length - a[0].length).map(([v]) => v).join('|'), 'g');
const SYNONYM_MAP = new Map(SYNONYMS);

function keep(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

function widthAndCase(name: string): string {
  let out = '';
  for (const ch of name) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    const s = String.fromCodePoint(c);
    out += TRADITIONAL_TO_SIMPLIFIED[s] ?? s;
  }
  return out;
}

function stripped(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (keep(text.charCodeAt(i))) out += text[i];
  return out;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function normalizeUncached(name: string): string {
  let s = widthAndCase(name).trim();
  s = s.replace(ENUMERATION, '');
  s = s.replace(WEIGHT_LABEL, '');
  s = stripped(s);
  s = s.replace(SEQUENCE, '$1');
  for (let guard = 0; guard < 4; guard++) {
    const next = s.replace(SYNONYM_RE, (v) => SYNONYM_MAP.get(v) ?? v);
    if (next === s) break;
    s = next;
  }
  for (const [variant, canonical] of SUFFIXES) {
    if (s.length > variant.length && s.endsWith(variant)) {
      s = s.slice(0, s.length - variant.length) + canonical;
      break;
    }
  }
  return s;
}

const CLEAN_ENUMERATION = /^(?:\d{1,3}[.、．)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*/;
const CLEAN_WEIGHT = /[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g;
const CJK_SPACE = /(?<=[\u3400-\u4dbf\u4e00-\u9fff])[\s\u3000]+|[\s\u3000]+(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;

/**
 * The name as it should be shown: as printed, without layout spaces next to Chinese characters, a
 * leading enumeration, weight labels or a trailing sequence number (steps 4, 5 and 7 of
 * normalisation, nothing else: characters, width and synonyms are kept).
 */
export function cleanIndicatorName(name: string): string {
  return name
    .trim()
    .replace(CJK_SPACE, '')
    .replace(CLEAN_ENUMERATION, '')
    .replace(CLEAN_WEIGHT, '')
    .replace(SEQUENCE, '$1')
    .trim();
}

/** The normalised form of an indicator name (see the module comment for the algorithm). Cached. */
export function normalizeIndicatorName(name: string): string {
  let hit = cache.get(name);
  if (hit === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = normalizeUncached(name);
    cache.set(name, hit);
  }
  return hit;
}

/**
 * The unit family of a target: values of one family compare after unit conversion.
 * - a percentage: `%`; a number: the comparison base of its unit from the targets unit table (批 and
 *   批次 are `批次`, 万元 and 元 are `元`, 天 and 小时 are `分钟`, 个工作日 is `工作日`); no unit: `#`
 * - a duration deadline: the base of its unit; a calendar deadline: `date`
 * - a qualitative target: `qualitative`; anything unreadable: `text`
 */
export function unitFamily(target: ParsedTarget): string {
  switch (target.kind) {
    case 'threshold':
    case 'exact':
    case 'range':
      if (target.percent) return '%';
      return target.unit === undefined ? '#' : unitInfo(target.unit).base;
    case 'deadline':
      return target.due.form === 'duration' ? unitInfo(target.due.unit).base : 'date';
    case 'qualitative':
      return 'qualitative';
    case 'unparsed':
      return 'text';
  }
}

/** The library key of an indicator: normalised name and unit family, `监督抽检批次|批次`. */
export function libraryKey(name: string, target: string | ParsedTarget | undefined): { key: string; normalized: string; family: string } {
  const normalized = normalizeIndicatorName(name);
  const parsed = typeof target === 'string' ? parseTargetCached(target) : target;
  const family = parsed === undefined ? 'text' : unitFamily(parsed);
  return { key: `${normalized}|${family}`, normalized, family };
}

/** Distinct character bigrams of a normalised name (a one-character name is its own bigram). */
export function nameBigrams(normalized: string): string[] {
  if (normalized.length < 2) return normalized.length === 1 ? [normalized] : [];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < normalized.length; i++) seen.add(normalized.slice(i, i + 2));
  return [...seen];
}
