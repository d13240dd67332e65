/** @module Small pure helpers on rows and cells shared by the table converters. */
import type { MoneyUnit } from '@jixiao/core';
import type { Cell, Row } from '../model.js';
import { matchKey } from '../text-util/normalise.js';
import type { PageContext } from './state.js';

/** A cell holding a bare figure ("155", "1,457.50", "10分", "100%"). */
export const NUM_CELL = /^[-+]?[\d０-９][\d０-９,，.．]*\s*(万元|元|万|%|％|分)?$/u;

/** The non-empty cells of a row, a horizontal merge counted once. */
export function nonEmptyTexts(row: Row): Cell[] {
  const out: Cell[] = [];
  let prev: string | undefined;
  for (const c of row.cells) {
    if (c.text === '') continue;
    if (c.merged === 'left' && c.text === prev) continue;
    out.push(c);
    prev = c.text;
  }
  return out;
}

/**
 * How far a text row is shifted against its header: rows of a text export may lack the leading cells
 * of vertical merges (negative: align right) or carry empty trailing cells (ignored).
 */
export function alignOffset(row: Row, width: number, format: PageContext['format']): number {
  if (format !== 'text') return 0;
  let n = row.cells.length;
  while (n > width && row.cells[n - 1]!.text === '') n--;
  return n - width;
}

/**
 * "2020" where 分值 and 得分 ran together: the split into two numbers with 0 < 分值 ≤ 100 and
 * 得分 ≤ 分值, without leading zeros; undefined unless exactly one split fits.
 */
export function splitGluedScores(text: string): [string, string] | undefined {
  if (!/^\d{2,6}$/.test(text)) return undefined;
  const fits: Array<[string, string]> = [];
  for (let i = 1; i < text.length; i++) {
    const a = text.slice(0, i);
    const b = text.slice(i);
    if ((a.length > 1 && a.startsWith('0')) || (b.length > 1 && b.startsWith('0'))) continue;
    const w = Number(a);
    const sc = Number(b);
    if (w > 0 && w <= 100 && sc <= w) fits.push([a, b]);
  }
  return fits.length === 1 ? fits[0] : undefined;
}

/** The money unit a header or caption names: 万元 or 元. */
export function unitIn(text: string): MoneyUnit | undefined {
  const k = matchKey(text);
  if (/万元/.test(k)) return '万元';
  if (/(\(|（|单位[:：]?)元|元\)|元）|^元$/.test(k)) return '元';
  return undefined;
}
