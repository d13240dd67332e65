/**
 * @module Undo and redo for the editor: a bounded stack of whole documents (cheap: edits share
 * unchanged parts). Keystrokes in one cell coalesce into one step, so 撤销 undoes the cell, not a letter.
 */

export interface UndoState<T> {
  past: T[];
  present: T;
  future: T[];
  /** The coalescing key of the last change; a change with the same key replaces it. */
  lastKey: string | undefined;
}

export const UNDO_LIMIT = 100;

export function initialUndo<T>(present: T): UndoState<T> {
  return { past: [], present, future: [], lastKey: undefined };
}

/** Records `next`; with the same `key` as the previous change it joins that step. */
export function record<T>(s: UndoState<T>, next: T, key?: string): UndoState<T> {
  if (next === s.present) return s;
  if (key !== undefined && key === s.lastKey) return { ...s, present: next, future: [] };
  const past = [...s.past, s.present];
  if (past.length > UNDO_LIMIT) past.shift();
  return { past, present: next, future: [], lastKey: key };
}

/** Replaces the present without an undo step (a reload from the server). */
export function reset<T>(present: T): UndoState<T> {
  return initialUndo(present);
}

export function undo<T>(s: UndoState<T>): UndoState<T> {
  const prev = s.past[s.past.length - 1];
  if (prev === undefined) return s;
  return { past: s.past.slice(0, -1), present: prev, future: [s.present, ...s.future], lastKey: undefined };
}

export function redo<T>(s: UndoState<T>): UndoState<T> {
  const [next, ...rest] = s.future;
  if (next === undefined) return s;
  return { past: [...s.past, s.present], present: next, future: rest, lastKey: undefined };
}
