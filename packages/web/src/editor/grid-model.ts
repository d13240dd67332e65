/**
 * @module The indicator grid's columns and what typing or pasting into a cell does to the document:
 * text as typed, weights read as decimals (full-width digits, separators and units accepted), blanks
 * removing the field. Pure, so the spreadsheet behaviour is tested without a browser.
 */
import type { IndicatorNode } from '@jixiao/core';
import { readDecimal } from '../format/numbers.js';
import type { GridColumnKey } from './paths.js';
import type { FlatRow } from './tree.js';
import { idsOf, insertAfter, newIndicatorId, updateAt } from './tree.js';

export interface GridColumn {
  key: GridColumnKey;
  title: string;
  /** Typed into directly (the others open a dialog on Enter). */
  typed: boolean;
  /** A decimal cell. */
  numeric: boolean;
  width: number;
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { key: 'name', title: '指标名称', typed: true, numeric: false, width: 200 },
  { key: 'target', title: '年度指标值', typed: true, numeric: false, width: 150 },
  { key: 'actual', title: '实际完成值', typed: true, numeric: false, width: 130 },
  { key: 'weight', title: '分值', typed: true, numeric: true, width: 56 },
  { key: 'score', title: '得分', typed: false, numeric: true, width: 96 },
  { key: 'reason', title: '偏差原因分析及改进措施', typed: true, numeric: false, width: 180 },
  { key: 'evidence', title: '佐证材料', typed: false, numeric: false, width: 70 },
];

export const COLUMN_INDEX: Readonly<Record<GridColumnKey, number>> = Object.fromEntries(GRID_COLUMNS.map((c, i) => [c.key, i])) as Record<GridColumnKey, number>;

/**
 * A goal declaration (绩效目标申报) has no actuals, scores or deviations yet: its grid shows the
 * indicator, its target (指标值) and its weight, as the 申报表 does.
 */
export const GOAL_COLUMNS: readonly GridColumn[] = GRID_COLUMNS.filter((c) => c.key === 'name' || c.key === 'target' || c.key === 'weight').map((c) =>
  c.key === 'target' ? { ...c, title: '指标值', width: 220 } : c.key === 'name' ? { ...c, width: 260 } : c,
);

/** Index of each shown column by key (absent: not shown). */
export function columnIndex(columns: readonly GridColumn[]): Partial<Record<GridColumnKey, number>> {
  return Object.fromEntries(columns.map((c, i) => [c.key, i])) as Partial<Record<GridColumnKey, number>>;
}

/**
 * The text of a rectangle of cells as Excel reads it from the clipboard (tab-separated, one line per
 * row): rows `rowFrom`..`rowTo` and shown columns `colFrom`..`colTo`, inclusive; `scoreOf(row)` gives the
 * score column's text (computed, so not in the node).
 */
export function copyBlock(
  rows: readonly FlatRow[],
  columns: readonly GridColumn[],
  range: { rowFrom: number; rowTo: number; colFrom: number; colTo: number },
  scoreOf: (rowIndex: number) => string | undefined,
): string[][] {
  const out: string[][] = [];
  const r0 = Math.max(0, Math.min(range.rowFrom, range.rowTo));
  const r1 = Math.min(rows.length - 1, Math.max(range.rowFrom, range.rowTo));
  const c0 = Math.max(0, Math.min(range.colFrom, range.colTo));
  const c1 = Math.min(columns.length - 1, Math.max(range.colFrom, range.colTo));
  for (let r = r0; r <= r1; r++) {
    const row = rows[r]!;
    const line: string[] = [];
    for (let c = c0; c <= c1; c++) {
      const key = columns[c]!.key;
      line.push(key === 'evidence' ? String(row.node.evidence?.length ?? 0) : cellText(row, key, key === 'score' ? scoreOf(r) : undefined));
    }
    out.push(line);
  }
  return out;
}

/** The text a cell shows and copies. */
export function cellText(row: FlatRow, column: GridColumnKey, score?: string): string {
  const n = row.node;
  switch (column) {
    case 'name':
      return n.name;
    case 'target':
      return n.target ?? '';
    case 'actual':
      return n.actual ?? '';
    case 'weight':
      return (row.leaf ? n.weight : (n.declaredWeight ?? n.weight)) ?? '';
    case 'score':
      return score ?? '';
    case 'reason':
      return n.deviationReason ?? '';
    case 'evidence':
      return (n.evidence ?? []).map((e) => e.name).join('、');
  }
}

export type SetResult = { ok: true; node: IndicatorNode } | { ok: false; message: string };

function setOptional<K extends keyof IndicatorNode>(node: IndicatorNode, key: K, value: IndicatorNode[K] | undefined): IndicatorNode {
  const copy = { ...node };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value;
  return copy;
}

/** What typing `text` into a typed cell makes of the node; refused for a weight that is not a number. */
export function setCell(node: IndicatorNode, leaf: boolean, column: GridColumnKey, text: string): SetResult {
  switch (column) {
    case 'name':
      return { ok: true, node: { ...node, name: text } };
    case 'target':
      return { ok: true, node: setOptional(node, 'target', text) };
    case 'actual':
      return { ok: true, node: setOptional(node, 'actual', text) };
    case 'reason':
      return { ok: true, node: setOptional(node, 'deviationReason', text) };
    case 'weight': {
      const d = readDecimal(text);
      if (d === undefined) return { ok: false, message: `“${text}”不是数字，分值请填写数字，如 20 或 7.5` };
      if (d.startsWith('-')) return { ok: false, message: '分值不能为负数' };
      if (leaf) return { ok: true, node: setOptional(node, 'weight', d) };
      // A section's weight is the one printed in its label (产出指标(50分)).
      return { ok: true, node: setOptional(setOptional(node, 'declaredWeight', d), 'weight', undefined) };
    }
    case 'score':
    case 'evidence':
      return { ok: false, message: '该列不能直接输入' };
  }
}

/** Why a cell may not be typed into (a target carried over from approved goals), or undefined. */
export type CellLock = (node: IndicatorNode, column: GridColumnKey) => string | undefined;

export interface PasteOutcome {
  roots: IndicatorNode[];
  /** Cells refused, with why. */
  errors: Array<{ row: number; column: GridColumnKey; message: string }>;
  /** Rows added below the last one to hold the rest of the block. */
  added: number;
  /** The block's extent in rows of the (new) flat list: first and last row, first and last column. */
  extent: { rowFrom: number; rowTo: number; colFrom: number; colTo: number };
}

/**
 * Pastes a block of cells at (`rowIndex`, `colIndex`), filling to the right through the typed
 * columns (the score and evidence columns are skipped) and downward through the rows that are
 * siblings of the first one. When the next row is not a sibling (a section heading, another group)
 * or the grid ends, new sibling rows are inserted for the rest of the block, so a list pasted under
 * 数量指标 never overwrites 质量指标.
 */
export function pasteBlock(
  roots: readonly IndicatorNode[],
  rows: readonly FlatRow[],
  rowIndex: number,
  colIndex: number,
  block: readonly (readonly string[])[],
  flattenFn: (roots: readonly IndicatorNode[]) => FlatRow[],
  columns: readonly GridColumn[] = GRID_COLUMNS,
  locked?: CellLock,
): PasteOutcome {
  const shown = columnIndex(columns);
  const targets: GridColumnKey[] = columns.slice(colIndex)
    .filter((c) => c.typed)
    .map((c) => c.key);
  let current = [...roots];
  let flat = [...rows];
  const errors: PasteOutcome['errors'] = [];
  let added = 0;
  let colTo = colIndex;
  const first = flat[rowIndex];
  if (!first) return { roots: current, errors, added, extent: { rowFrom: rowIndex, rowTo: rowIndex, colFrom: colIndex, colTo } };
  const parentKey = first.idx.slice(0, -1).join('.');
  let prev: FlatRow | undefined;
  let rowTo = rowIndex;
  for (let r = 0; r < block.length; r++) {
    let row: FlatRow | undefined;
    if (r === 0) row = first;
    else if (prev) {
      // The row after `prev` and its subtree.
      const prevAt = flat.findIndex((x) => x.key === prev!.key);
      let next = prevAt + 1;
      while (next < flat.length && flat[next]!.key.startsWith(`${prev.key}.`)) next++;
      const candidate = flat[next];
      if (candidate && candidate.idx.slice(0, -1).join('.') === parentKey && candidate.idx.length === first.idx.length) row = candidate;
      else {
        const fresh: IndicatorNode = { id: newIndicatorId(idsOf(current)), name: '' };
        const ins = insertAfter(current, prev.idx, fresh);
        current = ins.roots;
        flat = flattenFn(current);
        row = flat.find((x) => x.key === ins.idx.join('.'));
        added++;
      }
    }
    if (!row) break;
    const at = flat.findIndex((x) => x.key === row!.key);
    rowTo = at;
    const cells = block[r]!;
    let node = row.node;
    for (let c = 0; c < cells.length && c < targets.length; c++) {
      const key = targets[c]!;
      const refusal = locked?.(node, key);
      if (refusal !== undefined) {
        errors.push({ row: at, column: key, message: refusal });
        continue;
      }
      const result = setCell(node, row.leaf, key, (cells[c] ?? '').trim());
      if (result.ok) node = result.node;
      else errors.push({ row: at, column: key, message: result.message });
      colTo = Math.max(colTo, shown[key] ?? colTo);
    }
    if (node !== row.node) {
      current = updateAt(current, row.idx, () => node);
      flat = flattenFn(current);
    }
    prev = flat[at];
  }
  return { roots: current, errors, added, extent: { rowFrom: rowIndex, rowTo, colFrom: colIndex, colTo } };
}
