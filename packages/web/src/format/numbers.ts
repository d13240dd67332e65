/**
 * @module Numbers as people read them in Chinese finance tables: money in 万元 with two decimals and
 * thousands separators, rates with a % sign, and what people type (full-width digits, commas, units)
 * read back into the decimal strings of the interchange format. Arithmetic goes through the core's `Dec`.
 */
import { Dec } from '@jixiao/core';

/** Groups the integer part of a plain decimal string by thousands: "1234567.5" → "1,234,567.5". */
export function groupThousands(text: string): string {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [int = '', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A money amount with two decimals and grouping ("243.03", "1,550.00"); '' for nothing, the text itself when it is not a number. */
export function formatMoney(value: string | Dec | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  const d = typeof value === 'string' ? Dec.parse(value) : value;
  if (!d) return String(value);
  return groupThousands(d.toFixed(2));
}

/** A score with at most two decimals, trailing zeros kept off: "19.333" → "19.33", "20" → "20". */
export function formatScore(value: string | Dec | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  const d = typeof value === 'string' ? Dec.parse(value) : value;
  if (!d) return String(value);
  return d.round(2).normalize().toString();
}

/** A percentage from a number already in percent ("156.79") or a rate text ("95.03%"): "156.79%". */
export function formatPercent(value: string | Dec | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value.replace(/%$/, '') : value;
  const d = typeof text === 'string' ? Dec.parse(text) : text;
  if (!d) return String(value);
  return `${d.toFixed(2)}%`;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0C]/g;

/**
 * What a person typed into a number cell, as a decimal string: `''` for blank, `undefined` when it
 * is not a number. Accepts full-width digits, thousands separators, spaces, a leading + and a
 * trailing unit (万元, 元, 分, %).
 */
export function readDecimal(input: string): string | undefined {
  let s = input.replace(FULL_WIDTH, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0xff0e) return '.';
    if (code === 0xff0d) return '-';
    if (code === 0xff0c) return ',';
    return String.fromCharCode(code - 0xff10 + 48);
  });
  s = s.replace(/[\s\u3000]/g, '').replace(/(万元|元|分|%)$/, '');
  if (s === '') return '';
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(/^\+/, '');
  if (/^-?\d+\.$/.test(s)) s = s.slice(0, -1);
  if (/^-?\.\d+$/.test(s)) s = s.replace('.', '0.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  // Drop leading zeros ("007" → "7") but keep "0.5".
  return s.replace(/^(-?)0+(?=\d)/, '$1');
}

/** The sum of decimal strings (blanks and non-numbers skipped), exactly. */
export function sumDecimals(values: ReadonlyArray<string | undefined>): Dec {
  let total = Dec.ZERO;
  for (const v of values) {
    const d = v === undefined ? undefined : Dec.parse(v);
    if (d) total = total.plus(d);
  }
  return total;
}
