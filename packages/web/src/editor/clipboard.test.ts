import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './clipboard.js';

describe('parseTsv', () => {
  it('reads rows and cells as Excel writes them', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('one')).toEqual([['one']]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('reads quoted cells with line breaks, tabs and quotes', () => {
    expect(parseTsv('"第一行\n第二行"\tx\n"say ""hi"""\t"a\tb"')).toEqual([
      ['第一行\n第二行', 'x'],
      ['say "hi"', 'a\tb'],
    ]);
  });

  it('keeps a stray quote literally', () => {
    expect(parseTsv('"abc\tdef')).toEqual([['"abc', 'def']]);
    expect(parseTsv('5"\tx')).toEqual([['5"', 'x']]);
  });

  it('round-trips through toTsv', () => {
    const block = [
      ['产出', '≥600批次', 'a\nb'],
      ['"q"', '', '\t'],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});
