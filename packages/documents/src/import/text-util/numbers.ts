/**
 * @module Reading printed figures: "155", "1,457.50", "４７５３．６６万元", "10分", "100%", "/" (absent).
 * Results are decimal strings as printed (thousands separators removed, nothing rounded), never floats.
 */
import { toHalfWidth } from './normalise.js';

export type FigureUnit = '万元' | '元' | '亿元' | '%' | '分' | '人' | '个';

export interface Figure {
  /** Decimal string, e.g. "243.03", "-0.57". */
  value: string;
  /** Unit glued to the number, if any. */
  unit?: FigureUnit;
}

const FIGURE_RE = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(万元|亿元|元|万|%|％|分|人|个)?$/;

/**
 * Parses a whole cell as one figure; undefined when the cell is not exactly a number (with an
 * optional unit). Full-width digits, spaces and a trailing colon-free label are tolerated.
 */
export function parseFigure(text: string): Figure | undefined {
  const s = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
  if (s.length === 0 || s.length > 40) return undefined;
  const m = FIGURE_RE.exec(s);
  if (!m) return undefined;
  let digits = m[2]!.replace(/,/g, '');
  if (digits.startsWith('.')) digits = `0${digits}`;
  const value = `${m[1] === '-' ? '-' : ''}${digits}`;
  const u = m[3];
  const unit: FigureUnit | undefined = u === undefined ? undefined : u === '万' ? '万元' : u === '％' ? '%' : (u as FigureUnit);
  return unit ? { value, unit } : { value };
}

/** A decimal string for a number read from a spreadsheet cell, free of binary-float noise. */
export function decimalFromNumber(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (Number.isSafeInteger(n)) return String(n);
  // Beyond 2^53 a double no longer holds every integer: show it as Excel does, to 15 significant digits.
  // 15 significant digits is what Excel itself shows; it removes 0.1 + 0.2 style noise.
  const s = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(s)) return s;
  const [mant, expText] = s.split(/e/i) as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const [ip, fp = ''] = mant.replace('-', '').split('.') as [string, string?];
  const digits = ip + fp;
  const point = ip.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + out;
}

/** "100%" / "95.03" / "92.63％" → a PercentString ("100%"), or undefined. */
export function parsePercent(text: string): string | undefined {
  const f = parseFigure(text);
  if (!f) return undefined;
  if (f.unit === '%') return `${f.value}%`;
  if (f.unit === undefined) return f.value;
  return undefined;
}

/** "10分" / "10" → "10"; undefined when the cell is not a score. */
export function parseScore(text: string): string | undefined {
  const f = parseFigure(text);
  if (!f) return undefined;
  if (f.unit === undefined || f.unit === '分') return f.value;
  return undefined;
}

/** Finds "label：amount" inside a cell: "其中：  一般公共预算：9846.08" → { label, figure }. */
export function splitLabelFigure(text: string): { label: string; figure: Figure | undefined } {
  if (text.length > 200) return { label: text, figure: undefined };
  const m = /^(.*?)[：:]\s*([-+]?[\d０-９][\d０-９,，.．\s]*(?:万元|亿元|元|万)?)\s*$/u.exec(text.trim());
  if (m) {
    const figure = parseFigure(m[2]!.replace(/，/g, ','));
    if (figure) return { label: m[1]!, figure };
  }
  return { label: text.replace(/[：:]\s*$/u, ''), figure: undefined };
}
