/** @module Shared state of the table converter: the page context, column maps and the reading state. */
import type { ExpenseRow, FundingTable, MoneyUnit } from '@jixiao/core';
import type { Row } from '../model.js';
import type { Draft } from './draft.js';
import type { FundingRole, IndicatorRole } from './vocabulary.js';

export interface PageContext {
  format: 'xlsx' | 'docx' | 'text';
  fileName?: string;
}

export interface IndicatorCols {
  roles: Map<IndicatorRole, number>;
  width: number;
  where: string;
}

export interface FundingCols {
  roles: Map<FundingRole, number>;
  width: number;
  firstAmount: number;
}

/** What the rows that follow a header row are read as. */
export type State =
  | { kind: 'none' }
  | { kind: 'kv' }
  | { kind: 'indicators'; cols: IndicatorCols }
  | { kind: 'funding'; cols: FundingCols; table: FundingTable }
  | { kind: 'nature'; columns: Array<{ col: number; table: FundingTable }>; width: number }
  | { kind: 'arrival'; table: FundingTable }
  | { kind: 'goals'; expected: number; actual: number; width: number }
  | { kind: 'staffing'; cols: Map<'authorized' | 'actual' | 'rate' | 'retired', number>; width: number }
  | { kind: 'expense'; columns: Array<{ col: number; key: string }>; width: number }
  | { kind: 'buildings'; width: number };

/** Caption found in the paragraphs just before a table: its title and the unit line "（单位：万元）". */
export interface Caption {
  title?: { text: string; where: string };
  unit?: MoneyUnit;
}

/** The rows of the expense-control table seen last, to find the parent of the next one. */
export interface ExpenseParents {
  top?: ExpenseRow;
  numbered?: ExpenseRow;
  last?: ExpenseRow;
  special?: ExpenseRow;
}

/** What the part readers (money, department) may see and change of the converter. */
export interface ConverterContext {
  readonly draft: Draft;
  readonly format: PageContext['format'];
  state: State;
  caption: Caption;
  expenseParents: ExpenseParents;
  /** The current draft, or a new one when the current already holds a 自评表. */
  fresh(): Draft;
  /** Reads a row again from scratch (after a part decided the row is not its own). */
  reread(row: Row): void;
}
