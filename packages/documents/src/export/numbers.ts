/**
 * @module Figures at the edges of the exporters: decimal text in, display text or spreadsheet numbers out.
 *
 * Every figure of the model is decimal text. Arithmetic uses the core's exact `Dec`; a figure becomes a
 * binary number only at the spreadsheet cell boundary, and only when that number prints back as the
 * same decimal (otherwise the cell keeps the text).
 */
import { Dec, placesIn } from '@jixiao/core';

/** Exact value of decimal text, or undefined for blanks and anything that is not a plain number. */
export function dec(text: string | undefined): Dec | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  return Dec.parse(t);
}

/** Money in a table: at least two decimals, more when the figure has more (never rounded away). */
export function moneyText(text: string | undefined): string {
  const d = dec(text);
  if (!d) return text?.trim() ?? '';
  return d.toFixed(Math.max(2, placesIn(d.toString())));
}

/** Number format of a money cell: `0.00`, or as many decimals as the figure has when it has more. */
export function moneyFormat(text: string): string {
  const d = dec(text);
  const places = d ? Math.max(2, placesIn(d.toString())) : 2;
  return `0.${'0'.repeat(places)}`;
}

/** A figure in running text: canonical, without trailing zeros ("155", "243.03"). */
export function plain(text: string | undefined): string {
  const d = dec(text);
  if (!d) return text?.trim() ?? '';
  return d.toString();
}

/**
 * The binary number a spreadsheet cell holds for this decimal text, or undefined when no double
 * prints back as exactly the same decimal (more than ~15 significant digits): such a cell keeps text.
 */
export function cellNumber(text: string | undefined): number | undefined {
  const d = dec(text);
  if (!d) return undefined;
  const n = Number(d.toString());
  if (!Number.isFinite(n)) return undefined;
  const back = Dec.parse(String(n));
  return back && back.eq(d) ? n : undefined;
}

/** `part ÷ whole` as a percentage rounded half-up to 2 decimals, or undefined when whole is zero or absent. */
export function percent(part: string | undefined, whole: string | undefined): Dec | undefined {
  const p = dec(part);
  const w = dec(whole);
  if (!p || !w || w.isZero()) return undefined;
  return p.times(Dec.HUNDRED).div(w, 2, 'half-up');
}

/** "156.79%" (two decimals, as the rule sets round rates). */
export function percentText(value: Dec): string {
  return `${value.toFixed(2)}%`;
}

/** Sum of the figures that are present; undefined when none is. */
export function sum(texts: ReadonlyArray<string | undefined>): Dec | undefined {
  let acc: Dec | undefined;
  for (const t of texts) {
    const d = dec(t);
    if (d) acc = acc ? acc.plus(d) : d;
  }
  return acc;
}

/** True when both are numbers and equal, or both are the same text. */
export function sameFigure(a: string | undefined, b: string | undefined): boolean {
  const x = dec(a);
  const y = dec(b);
  if (x && y) return x.eq(y);
  return (a?.trim() ?? '') === (b?.trim() ?? '');
}

/** Chinese numerals used in headings: 1 → 一, 12 → 十二, 20 → 二十. */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]!}十${ones === 0 ? '' : digits[ones]!}`;
}

/** Inverse of `chineseNumeral` for 1–99; undefined for anything else. */
export function parseChineseNumeral(text: string): number | undefined {
  const digits = '零一二三四五六七八九';
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  const [, a = '', ten = '', b = ''] = m;
  if (ten === '') return a !== '' && b === '' ? digits.indexOf(a) : undefined;
  return (a === '' ? 1 : digits.indexOf(a)) * 10 + (b === '' ? 0 : digits.indexOf(b));
}
