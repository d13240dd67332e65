/**
 * @module CSV text → rows of cells (the thin reader of the payments importer): RFC 4180 quoting,
 * the delimiter (comma, tab, semicolon, full-width comma) chosen by the first lines, line numbers of the
 * text kept in `where`. Bounded by the import limits. Knows nothing about payments.
 */
import { importError } from '../messages.js';
import type { Cell, Row } from '../model.js';
import { cleanText } from '../text-util/normalise.js';
import type { ImportError, ImportLimits } from '../types.js';

export type CsvRead = { ok: true; rows: Row[]; delimiter: string } | { ok: false; error: ImportError };

const CANDIDATES = [',', '\t', ';', '，'] as const;

/** The delimiter that splits the first non-empty lines into the most, and most consistent, fields. */
export function guessDelimiter(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const max = Math.max(0, ...counts);
    if (max === 0) continue;
    const consistent = counts.filter((c) => c === max).length;
    const score = max * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Parses CSV text into rows; blank lines give no row. Line numbers are those of the text as given. */
export function readCsv(input: string, limits: ImportLimits): CsvRead {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.length > limits.maxTextChars) {
    return { ok: false, error: importError('too-many-cells', { where: '文本', limit: limits.maxTextChars, what: '字符数' }) };
  }
  const delimiter = guessDelimiter(text);
  const rows: Row[] = [];
  let cells = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        continue;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        continue;
      }
      if (ch === '\n') {
        i++;
        line++;
        break;
      }
      field += ch;
      if (ch !== ' ') atFieldStart = false;
    }
    fields.push(field);
    if (fields.every((f) => f.trim() === '')) continue;
    cells += fields.length;
    if (rows.length >= limits.maxRows) return { ok: false, error: importError('too-many-cells', { where: '文本', limit: limits.maxRows, what: '行数' }) };
    if (cells > limits.maxCells) return { ok: false, error: importError('too-many-cells', { where: '文本', limit: limits.maxCells, what: '单元格数' }) };
    const where = `第${startLine}行`;
    rows.push({ where, cells: fields.map((f, k): Cell => ({ text: cleanText(f), where: `${where} 第${k + 1}列` })) });
  }
  return { ok: true, rows, delimiter };
}
