import { describe, expect, it } from 'vitest';
import { initialUndo, record, redo, undo, UNDO_LIMIT } from './undo.js';

describe('undo stack', () => {
  it('coalesces changes with the same key and undoes them together', () => {
    let s = initialUndo('');
    s = record(s, 'a', 'cell:1');
    s = record(s, 'ab', 'cell:1');
    s = record(s, 'abc', 'cell:1');
    s = record(s, 'abcX', 'cell:2');
    expect(s.past).toEqual(['', 'abc']);
    s = undo(s);
    expect(s.present).toBe('abc');
    s = undo(s);
    expect(s.present).toBe('');
    expect(undo(s)).toBe(s);
    s = redo(s);
    expect(s.present).toBe('abc');
    s = record(s, 'new');
    expect(s.future).toEqual([]);
    expect(redo(s)).toBe(s);
  });

  it('keeps a bounded history and ignores no-op changes', () => {
    let s = initialUndo(0);
    for (let i = 1; i <= UNDO_LIMIT + 10; i++) s = record(s, i);
    expect(s.past.length).toBe(UNDO_LIMIT);
    expect(record(s, s.present)).toBe(s);
  });
});
