/**
 * @module The intermediate form every reader produces and every converter consumes: pages of blocks,
 * where a block is a paragraph of prose or a table of rows of cells, each with the place it came from.
 * Readers (xlsx, docx, text) only fill this in; they know nothing about evaluation documents.
 */
import type { ImportNote } from './types.js';

export interface Cell {
  /** Cleaned text (see `cleanText`); lines of a multi-paragraph cell are joined with "\n". */
  text: string;
  /** Where the cell is: `Sheet1!C7`, `第12行`, `表2 第3行 第4列`. */
  where: string;
  /** A merged-cell continuation: the text repeats the merge's first cell (xlsx, docx). */
  merged?: 'left' | 'up';
  /** The cell held a formula; `text` is the cached result saved in the file. */
  formula?: boolean;
  /** A number stored as text (xlsx). */
  numberAsText?: boolean;
  /** A numeric cell (xlsx): its decimal text, free of float noise. */
  numeric?: string;
  /** A numeric cell whose integer part has more than 15 digits (precision lost when it was typed). */
  imprecise?: boolean;
  /** Leading blanks of the first line as printed (indentation in text exports), in characters. */
  indent?: number;
}

export interface Row {
  cells: Cell[];
  /** Where the row is: `Sheet1!7`, `第12行`, `表2 第3行`. */
  where: string;
}

export interface Table {
  rows: Row[];
  where: string;
  /** Sheet name or `表N`. */
  name: string;
}

export type Block =
  | { kind: 'paragraph'; text: string; where: string; /** Word outline level (0 = 标题 1) when the style says so. */ outline?: number }
  | { kind: 'table'; table: Table };

/** One independent unit of input: a worksheet, or a whole Word or text document. */
export interface Page {
  name: string;
  blocks: Block[];
  /** Notes the reader made (cached formulas, rows skipped at the bottom of a sheet, ...). */
  notes: ImportNote[];
}

export function cellText(row: Row, i: number): string {
  return row.cells[i]?.text ?? '';
}
