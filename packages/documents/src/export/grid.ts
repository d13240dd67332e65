/**
 * @module A renderer-neutral table: cells, merges and column widths, drawn by the xlsx, docx and HTML writers.
 *
 * The 自评表 is laid out once, here, as a grid; each writer only translates it. That is what keeps the
 * spreadsheet, the Word attachment and the PDF fallback identical cell for cell.
 */

/** What a cell is; the writers map each role to fonts, alignment and number formats. */
export type CellRole =
  /** Column or block heading (年初预算数, 一级指标 …): bold, centred. */
  | 'header'
  /** Row label (年度资金总额, 项目名称 …) and indicator section names: centred. */
  | 'label'
  /** Free text (names, targets, goals, reasons): left, wrapped. */
  | 'text'
  /** A short value shown centred (targets, actuals, rates as printed). */
  | 'value'
  /** Money in the document's unit: a number with two (or more) decimals. */
  | 'money'
  /** Weights and scores: a number shown as printed. */
  | 'score';

export interface Cell {
  /** Text as shown in Word and HTML; for numeric cells the display text of `value`. */
  text: string;
  role: CellRole;
  /** Decimal text of a numeric cell (money, score); the spreadsheet writes it as a number. */
  value?: string;
  /** A 说明 note attached to the cell (a spreadsheet comment; a footnote-like line elsewhere). */
  note?: string;
  /** Indentation level of a row label (expense rows under their parent). */
  indent?: number;
  /** Bold text (totals). */
  bold?: boolean;
  /** Background colour as ARGB hex (`FFFF0000`); the spreadsheet fills the cell, other writers may ignore it. */
  fill?: string;
}

/** A merged rectangle, 0-based and inclusive. The top-left cell holds the content. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Column {
  /** Width in characters of the default font (the spreadsheet unit); the docx writer scales it. */
  width: number;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  /** Title printed above the table (first row of the sheet; a centred paragraph in Word). */
  title: string;
  columns: Column[];
  /** Every row has `columns.length` entries; `undefined` is an empty or covered cell. */
  rows: Array<Array<Cell | undefined>>;
  merges: Merge[];
  /** Row indices (0-based, within `rows`) to repeat at the top of each printed page, if any. */
  repeatRows?: { first: number; last: number };
  /** Landscape (wide tables) or portrait. */
  orientation: 'landscape' | 'portrait';
}

/** Builds a grid row by row, with merges expressed as spans. */
export class GridBuilder {
  readonly rows: Array<Array<Cell | undefined>> = [];
  readonly merges: Merge[] = [];

  constructor(readonly width: number) {}

  /** Starts a new empty row and returns its index. */
  row(): number {
    this.rows.push(new Array<Cell | undefined>(this.width).fill(undefined));
    return this.rows.length - 1;
  }

  /** Puts a cell at (row, col), spanning `colSpan` columns and `rowSpan` rows. */
  put(row: number, col: number, cell: Cell | undefined, colSpan = 1, rowSpan = 1): void {
    if (col < 0 || col + colSpan > this.width || colSpan < 1 || rowSpan < 1) {
      throw new RangeError(`cell (${row}, ${col}) span ${colSpan}×${rowSpan} outside a grid of width ${this.width}`);
    }
    if (row < 0 || row + rowSpan > this.rows.length) {
      throw new RangeError(`cell (${row}, ${col}) spans rows that do not exist yet (${this.rows.length} rows)`);
    }
    this.rows[row]![col] = cell;
    if (colSpan > 1 || rowSpan > 1) {
      this.merges.push({ top: row, left: col, bottom: row + rowSpan - 1, right: col + colSpan - 1 });
    }
  }
}

export function text(value: string, role: CellRole = 'text', extra?: Partial<Cell>): Cell {
  return { text: value, role, ...extra };
}

/** The merge whose top-left corner is (row, col), if any. */
export function mergeAt(grid: Grid, row: number, col: number): Merge | undefined {
  return grid.merges.find((m) => m.top === row && m.left === col);
}

/** For each (row, col): true when the position is covered by a merge but is not its top-left corner. */
export function coveredMask(grid: Grid): boolean[][] {
  const mask = grid.rows.map((r) => r.map(() => false));
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) mask[r]![c] = true;
      }
    }
  }
  return mask;
}
