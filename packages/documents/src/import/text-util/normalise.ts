/**
 * @module Text normalisation. Two different jobs, kept apart:
 * - `cleanText`: what is stored — the cell as typed, minus layout debris (Word bookmarks, zero-width
 *   characters, trailing blanks and full-width padding spaces).
 * - `matchKey`: what is compared — half-width, simplified, no whitespace, no line breaks, so that
 *   `年度\n指标值`, `年度指標值` and `年度 指标值` all match the header word 年度指标值.
 */
import { SIMPLIFIED, TRADITIONAL } from './t2s-data.js';

const T2S = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) T2S.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);

const TRADITIONAL_SET = new Set(TRADITIONAL);

/** Full-width ASCII (U+FF01–U+FF5E) → half-width; the ideographic space U+3000 → a space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Traditional → simplified, character by character, for the table vocabulary. */
export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += T2S.get(ch) ?? ch;
  return out;
}

export function hasTraditional(s: string): boolean {
  for (const ch of s) if (TRADITIONAL_SET.has(ch)) return true;
  return false;
}

export function hasFullWidthAlnum(s: string): boolean {
  return /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(s);
}

const BOOKMARK = /\[bookmark: [^\]]*\]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * The text to store: bookmarks and zero-width characters removed, line ends unified, each line's
 * trailing blanks removed, leading and trailing blank lines and padding removed. Inner text stays.
 */
const NEEDS_CLEANING = /^[\s\u3000]|[\s\u3000]$|[\n\r\u00A0\u00AD\u200B-\u200D\u2060\uFEFF]|\[bookmark: /u;

export function cleanText(s: string): string {
  if (s.length === 0 || !NEEDS_CLEANING.test(s)) return s;
  const t = s.replace(BOOKMARK, '').replace(ZERO_WIDTH, '').replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' ');
  // trimEnd() rather than /\s+$/: the regex is quadratic on long runs of blanks.
  const lines = t.split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0) return '';
  lines[0] = lines[0]!.trimStart();
  return lines.join('\n');
}

/** Joins a wrapped label: "经济效\n益指标" → "经济效益指标"; spaces inside a line are kept. */
export function joinWrapped(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('');
}

/**
 * Memoises a pure text → value function. The cache is dropped when it grows past `max` entries, so
 * memory stays bounded however many files a process imports.
 */
export function memoText<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    if (s.length > 200) return fn(s);
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache = new Map();
    cache.set(s, v);
    return v;
  };
}

/** The comparison key: half-width, simplified, lower-case ASCII, no whitespace at all. */
export const matchKey = memoText((s: string): string =>
  toSimplified(toHalfWidth(s.replace(BOOKMARK, '').replace(ZERO_WIDTH, '')))
    .replace(/\s+/g, '')
    .toLowerCase(),
);

/** True when the text is blank, or a placeholder meaning "nothing": "/", "—", "-", "无". */
export function isBlankValue(s: string): boolean {
  const k = matchKey(s);
  return k === '' || /^[/\\\-—–一_＿·.…]+$/.test(k) || k === 'null' || k === 'n/a';
}
