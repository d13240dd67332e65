/**
 * @module Text normalisation for target expressions: one linear pass over the characters.
 *
 * - full-width ASCII (０-９, ％, ＞, ＝, （ …) → ASCII; ideographic and other spaces → removed;
 * - operator spellings → one form each: ≧ ⩾ ≮ >= → `≥`, ≦ ⩽ ≯ <= → `≤`, ═ ﹦ ＝ == → `=`, ﹥ → `>`, ﹤ → `<`;
 * - dashes (– — ― ‒ ‐ − ﹣ －) → `-` (runs collapse to one), wave dashes (～ 〜) → `~`;
 * - HTML tags (`<p>`, `</td>`) are dropped and a few entities decoded (`&ge;`, `&nbsp;`, `&#8805;`);
 * - Word export debris `[bookmark: _GoBack]` is dropped;
 * - leading and trailing punctuation (。；，、: quotes) is trimmed.
 * Thousands separators are handled by the number reader, which knows where a number is.
 */

/** Longest lookahead for an HTML tag or entity, so the pass stays linear on hostile input. */
const MAX_TAG = 80;
const MAX_ENTITY = 10;

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  gt: '>',
  lt: '<',
  ge: '≥',
  le: '≤',
  amp: '&',
  quot: '"',
  apos: "'",
  percnt: '%',
  mdash: '-',
  ndash: '-',
  minus: '-',
  tilde: '~',
  equals: '=',
};

/** Characters mapped one to one (after the full-width block is folded). */
const CHAR_MAP: ReadonlyMap<string, string> = new Map([
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≮', '≥'], // "not less than"
  ['≦', '≤'],
  ['⩽', '≤'],
  ['≯', '≤'], // "not greater than"
  ['═', '='],
  ['﹦', '='],
  ['﹥', '>'],
  ['﹤', '<'],
  ['‐', '-'],
  ['‑', '-'],
  ['‒', '-'],
  ['–', '-'],
  ['—', '-'],
  ['―', '-'],
  ['−', '-'],
  ['﹘', '-'],
  ['﹣', '-'],
  ['〜', '~'],
  ['﹪', '%'],
  ['٪', '%'],
  ['〔', '('],
  ['〕', ')'],
]);

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0xfeff
  );
}

function isTagChar(code: number): boolean {
  // Letters, digits, and what attributes contain; no '<' (a new tag) and no '≤ ≥' (operators).
  return code >= 0x20 && code < 0x7f && code !== 0x3c;
}

/** Folds one character (full width → ASCII, operator and dash spellings); '' drops it. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (isSpace(code)) return '';
  return CHAR_MAP.get(ch) ?? ch;
}

/** Punctuation trimmed from both ends of a cell. */
const TRIM_CHARS = new Set([
  '。', '.', ',', '，', ';', '；', '、', ':', '：', '!', '?', '"', "'", '“', '”', '‘', '’', '「', '」', '『', '』',
  '《', '》', '【', '】', '*', '·', '…',
]);

/**
 * Normalises a target or actual cell for parsing. Linear in the input length; never throws.
 */
export function normalizeText(text: string): string {
  let out = '';
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text.charAt(i);
    // HTML tag: '<' followed by a letter, '/' or '!' and a '>' within MAX_TAG characters.
    if (ch === '<' && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      const tagStart =
        (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21;
      if (tagStart) {
        let j = i + 1;
        const limit = Math.min(n, i + MAX_TAG);
        while (j < limit && text.charCodeAt(j) !== 0x3e && isTagChar(text.charCodeAt(j))) j++;
        if (j < limit && text.charCodeAt(j) === 0x3e) {
          i = j + 1;
          continue;
        }
      }
    }
    // HTML entity: &name; or &#123; or &#x1F;
    if (ch === '&') {
      const semi = text.indexOf(';', i + 1);
      if (semi > i + 1 && semi - i <= MAX_ENTITY) {
        const body = text.slice(i + 1, semi);
        let decoded: string | undefined;
        if (body.charCodeAt(0) === 0x23) {
          const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
          const digits = hex ? body.slice(2) : body.slice(1);
          if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
            const cp = parseInt(digits, hex ? 16 : 10);
            if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) decoded = String.fromCodePoint(cp);
          }
        } else {
          decoded = ENTITIES[body];
        }
        if (decoded !== undefined) {
          out = appendFolded(out, decoded);
          i = semi + 1;
          continue;
        }
      }
    }
    // Word export debris: [bookmark: _GoBack]
    if (ch === '[' && text.startsWith('[bookmark', i)) {
      const close = text.indexOf(']', i + 1);
      if (close > 0 && close - i <= MAX_TAG) {
        i = close + 1;
        continue;
      }
    }
    out = appendFolded(out, ch);
    i++;
  }
  return trimPunctuation(out);
}

/** Appends one (possibly decoded) character, merging operator and dash spellings with the previous one. */
function appendFolded(out: string, raw: string): string {
  let result = out;
  for (const c of raw) {
    const f = foldChar(c);
    if (f === '') continue;
    const prev = result.length > 0 ? result.charAt(result.length - 1) : '';
    if (f === '=') {
      if (prev === '>' || prev === '≥') {
        result = result.slice(0, -1) + '≥';
        continue;
      }
      if (prev === '<' || prev === '≤') {
        result = result.slice(0, -1) + '≤';
        continue;
      }
      if (prev === '=') continue;
    }
    if (f === '>' && prev === '=') {
      result = result.slice(0, -1) + '≥';
      continue;
    }
    if (f === '<' && prev === '=') {
      result = result.slice(0, -1) + '≤';
      continue;
    }
    if (f === '-' && prev === '-') continue;
    result += f;
  }
  return result;
}

function trimPunctuation(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && TRIM_CHARS.has(s.charAt(start))) {
    // Keep a leading decimal point: ".5" is a number.
    if (s.charAt(start) === '.' && /[0-9]/.test(s.charAt(start + 1))) break;
    start++;
  }
  while (end > start && TRIM_CHARS.has(s.charAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
