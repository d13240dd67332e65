/**
 * @module The indicator tree laid out as the official 自评表 prints it: one line per leaf, with the
 * 一级 and 二级 indicator cells merged down over their leaves (rowSpan), as in Excel.
 */
import type { IndicatorNode } from '@jixiao/core';

export interface SheetCell {
  text: string;
  rowSpan: number;
  /** JSON path of the node the cell shows. */
  path: string;
}

export interface SheetRow {
  /** 一级, 二级, 三级 cells; undefined where a merged cell above covers it. */
  levels: Array<SheetCell | undefined>;
  /** The node the rest of the line is about (a leaf, or a section with no children). */
  node: IndicatorNode;
  path: string;
}

function leafCount(n: IndicatorNode): number {
  const kids = n.children ?? [];
  return kids.length === 0 ? 1 : kids.reduce((s, k) => s + leafCount(k), 0);
}

/**
 * Lays out `roots` with `columns` indicator levels (3 in the national table). Deeper nodes are
 * named in the last level column as "上级 › 下级".
 */
export function sheetRows(roots: readonly IndicatorNode[], columns = 3): SheetRow[] {
  const rows: SheetRow[] = [];
  const visit = (n: IndicatorNode, path: string, depth: number, pending: Array<SheetCell | undefined>, prefix: string) => {
    const kids = n.children ?? [];
    if (depth < columns - 1 && kids.length > 0) {
      const cell: SheetCell = { text: n.name, rowSpan: leafCount(n), path };
      kids.forEach((k, i) => {
        // Merged cells above show on the first line of their span only.
        const levels = i === 0 ? [...pending] : new Array<SheetCell | undefined>(columns).fill(undefined);
        levels[depth] = i === 0 ? cell : undefined;
        visit(k, `${path}.children[${i}]`, depth + 1, levels, '');
      });
      return;
    }
    if (kids.length > 0) {
      kids.forEach((k, i) => {
        const levels = i === 0 ? [...pending] : new Array<SheetCell | undefined>(columns).fill(undefined);
        visit(k, `${path}.children[${i}]`, depth + 1, levels, `${prefix}${n.name} › `);
      });
      return;
    }
    const levels = [...pending];
    const col = Math.min(depth, columns - 1);
    levels[col] = { text: `${prefix}${n.name}`, rowSpan: 1, path };
    // A section with no children at a shallow level leaves the deeper level cells empty.
    for (let d = col + 1; d < columns; d++) levels[d] = { text: '', rowSpan: 1, path };
    rows.push({ levels, node: n, path });
  };
  roots.forEach((r, i) => visit(r, `$.indicators[${i}]`, 0, new Array<SheetCell | undefined>(columns).fill(undefined), ''));
  return rows;
}
