/**
 * @module Text → pages of paragraphs and tables (the thin reader of the text importer).
 *
 * It recognises how tables survive a copy or a text export:
 * - one cell per line, each cell starting with a tab, continuation lines without one, one empty line
 *   between rows (Word's text export, the seeds);
 * - one row per line, cells separated by tabs (Excel, web pages, the HTML flattener) or by pipes;
 * - one row per line, cells separated by runs of spaces, found by a line made of header words.
 * Everything else is prose, one paragraph per line. Nothing here knows what the tables mean.
 */
import { importError } from '../messages.js';
import type { Block, Cell, Page, Row, Table } from '../model.js';
import { cleanText } from '../text-util/normalise.js';
import { headerWordCoverage } from '../recognise/vocabulary.js';
import type { ImportError, ImportLimits } from '../types.js';
import { decodeEntities, htmlToText, looksLikeHtml } from './html.js';

type LineKind = 'empty' | 'cell' | 'tabrow' | 'piperow' | 'sep' | 'text';

export type TextRead = { ok: true; page: Page } | { ok: false; error: ImportError };

const HEADING_RE = /^[\s\u3000]*(附件|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])/;

function classify(line: string): LineKind {
  if (line.length === 0) return 'empty';
  if (line.includes('\t')) {
    if (/^[\s|+:=\-—–_]*$/.test(line) && /[-—=_]{3}/.test(line)) return 'sep';
    return /^\t[^\t]*$/.test(line) ? 'cell' : 'tabrow';
  }
  if (/^[\s|+:=\-—–_]*$/.test(line) && /[-—=_]{3}/.test(line) && line.trim().length > 0) return 'sep';
  if ((line.match(/\|/g)?.length ?? 0) >= 2) return 'piperow';
  return 'text';
}

/** Strips HTML paragraph markup that some exports leave inside cells (`<p>…</p> <p>…</p>`). */
function cellMarkup(s: string): string {
  if (!/<\/?(p|br)\b/i.test(s)) return s;
  return decodeEntities(
    s
      .replace(/<\/p>\s*<p\b[^>]*>/gi, '\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?p\b[^>]*>/gi, ''),
  );
}

function leadingBlanks(s: string): number {
  const m = /^[ \u3000]*/.exec(s);
  return m ? m[0].length : 0;
}

function makeCell(raw: string, where: string): Cell {
  const cell: Cell = { text: cleanText(cellMarkup(raw)), where };
  const indent = leadingBlanks(raw);
  if (indent > 0 && cell.text.length > 0) cell.indent = indent;
  return cell;
}

class Budget {
  cells = 0;
  constructor(private readonly limits: ImportLimits) {}
  add(n: number): ImportError | undefined {
    this.cells += n;
    if (this.cells > this.limits.maxCells) {
      return importError('too-many-cells', { where: '文本', limit: this.limits.maxCells, what: '单元格数' });
    }
    return undefined;
  }
}

/** Reads text into one page. Line numbers in `where` are 1-based lines of the text as given. */
export function readText(input: string, limits: ImportLimits): TextRead {
  let text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) text = htmlToText(text);
  const lines = text.split('\n');
  if (lines.length > limits.maxRows * 20) {
    return { ok: false, error: importError('too-many-cells', { where: '文本', limit: limits.maxRows * 20, what: '行数' }) };
  }
  const kinds = lines.map(classify);
  const blocks: Block[] = [];
  const budget = new Budget(limits);
  let tableNo = 0;
  const n = lines.length;
  let i = 0;
  const pushTable = (rows: Row[], firstLine: number): ImportError | undefined => {
    if (rows.length === 0) return undefined;
    if (rows.length > limits.maxRows) {
      return importError('too-many-cells', { where: `第${firstLine}行起的表格`, limit: limits.maxRows, what: '行数' });
    }
    const err = budget.add(rows.reduce((a, r) => a + r.cells.length, 0));
    if (err) return err;
    tableNo++;
    const table: Table = { rows, where: `第${firstLine}行`, name: `表${tableNo}` };
    blocks.push({ kind: 'table', table });
    return undefined;
  };
  while (i < n) {
    const kind = kinds[i]!;
    if (kind === 'cell') {
      const r = readCellPerLine(lines, kinds, i);
      const err = pushTable(r.rows, i + 1);
      if (err) return { ok: false, error: err };
      i = r.next;
      continue;
    }
    if (kind === 'tabrow' || kind === 'piperow') {
      const r = readRowPerLine(lines, kinds, i, kind === 'piperow' ? '|' : '\t');
      if (r.rows.length === 1 && r.rows[0]!.cells.filter((c) => c.text !== '').length <= 1) {
        const t = cleanText(r.rows[0]!.cells.map((c) => c.text).join(''));
        if (t) blocks.push({ kind: 'paragraph', text: t, where: `第${i + 1}行` });
      } else {
        const err = pushTable(r.rows, i + 1);
        if (err) return { ok: false, error: err };
      }
      i = r.next;
      continue;
    }
    if (kind === 'text') {
      const split = spaceSplit(lines[i]!);
      if (split && headerWordCoverage(split) >= 3) {
        const r = readSpaceSeparated(lines, kinds, i);
        const err = pushTable(r.rows, i + 1);
        if (err) return { ok: false, error: err };
        i = r.next;
        continue;
      }
      const t = cleanText(cellMarkup(lines[i]!)).replace(/^#{1,6}\s+/u, '');
      if (t) blocks.push({ kind: 'paragraph', text: t, where: `第${i + 1}行` });
    }
    i++;
  }
  return { ok: true, page: { name: '文本', blocks, notes: [] } };
}

/**
 * One cell per line (the seeds). A run of non-cell lines between two cells belongs to the table when
 * the table resumes after it without two empty lines in a row, a heading or a long stretch of text:
 * its text lines continue the current cell, inner empty lines are empty paragraphs of the cell, and an
 * empty line right before the next cell ends the row.
 */
function readCellPerLine(lines: string[], kinds: LineKind[], start: number): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let buf: string[] | undefined;
  let bufLine = 0;
  const flushCell = (): void => {
    if (buf !== undefined) cells.push(makeCell(buf.join('\n'), `第${bufLine}行`));
    buf = undefined;
  };
  const flushRow = (): void => {
    flushCell();
    if (cells.length > 0) rows.push({ cells, where: cells[0]!.where });
    cells = [];
  };
  const n = lines.length;
  let j = start;
  while (j < n) {
    if (kinds[j] === 'cell') {
      flushCell();
      buf = [lines[j]!.slice(1)];
      bufLine = j + 1;
      j++;
      continue;
    }
    let r = j;
    while (r < n && kinds[r] !== 'cell') r++;
    let double = false;
    let textCount = 0;
    let heading = false;
    let seenEmpty = false;
    for (let t = j; t < r; t++) {
      if (kinds[t] === 'empty') {
        if (t > j && kinds[t - 1] === 'empty') double = true;
        seenEmpty = true;
      } else {
        textCount++;
        if (seenEmpty && HEADING_RE.test(lines[t]!)) heading = true;
      }
    }
    if (r < n && !double && !heading && textCount <= 8) {
      for (let t = j; t < r; t++) {
        if (kinds[t] === 'empty') {
          if (t === r - 1) flushRow();
          else buf?.push('');
        } else buf?.push(lines[t]!);
      }
      j = r;
      continue;
    }
    let t = j;
    while (t < r && kinds[t] !== 'empty') buf?.push(lines[t++]!);
    flushRow();
    return { rows, next: t };
  }
  flushRow();
  return { rows, next: n };
}

/** Splits one row line into raw cells, honouring Excel's quoting of cells that contain line breaks. */
function splitRow(line: string, sep: '\t' | '|'): string[] {
  let parts = line.split(sep);
  if (sep === '|') {
    if (parts.length > 0 && parts[0]!.trim() === '') parts = parts.slice(1);
    if (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts = parts.slice(0, -1);
  }
  return parts;
}

/** One row per line, cells separated by tabs or pipes; blank separator lines (---) are skipped. */
function readRowPerLine(lines: string[], kinds: LineKind[], start: number, sep: '\t' | '|'): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  const n = lines.length;
  let j = start;
  const same = (k: LineKind): boolean => (sep === '\t' ? k === 'tabrow' || k === 'cell' : k === 'piperow') || k === 'sep';
  while (j < n && same(kinds[j]!)) {
    if (kinds[j] === 'sep') {
      j++;
      continue;
    }
    const first = j;
    let raw = splitRow(lines[j]!, sep);
    // Excel quotes a cell holding line breaks: "line 1⏎line 2". Join until the quote closes.
    const last = raw[raw.length - 1] ?? '';
    if (sep === '\t' && /^"/.test(last) && !/"$/.test(last.slice(1)) && (last.match(/"/g)?.length ?? 0) % 2 === 1) {
      let k = j + 1;
      let joined = lines[j]!;
      while (k < n && k - j < 50) {
        joined += `\n${lines[k]!}`;
        if (/"(\t|$)/.test(lines[k]!)) break;
        k++;
      }
      if (k < n && k - j < 50) {
        raw = splitRow(joined, sep).map((c) => (/^"[\s\S]*"$/.test(c) ? c.slice(1, -1).replace(/""/g, '"') : c));
        j = k;
      }
    }
    const cells = raw.map((c, ci) => makeCell(c, `第${first + 1}行 第${ci + 1}列`));
    rows.push({ cells, where: `第${first + 1}行` });
    j++;
  }
  return { rows, next: j };
}

/** Splits a line on runs of blanks; undefined when it has fewer than three parts. */
function spaceSplit(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0) return undefined;
  const wide = trimmed.split(/[ \u3000]{2,}|\t/).filter((p) => p.length > 0);
  const parts = wide.length >= 3 ? wide : trimmed.split(/[ \u3000]+/).filter((p) => p.length > 0);
  return parts.length >= 3 ? parts : [trimmed];
}

/**
 * Rows separated by runs of spaces, starting at a header line. The table runs until two empty lines,
 * or an empty line followed by a heading or by a line that has no blanks to separate cells.
 */
function readSpaceSeparated(lines: string[], kinds: LineKind[], start: number): { rows: Row[]; next: number } {
  const header = lines[start]!;
  const wide = /[ \u3000]{2,}|\t/.test(header.trim());
  const rows: Row[] = [];
  const n = lines.length;
  let j = start;
  while (j < n) {
    const line = lines[j]!;
    if (kinds[j] === 'empty') {
      const nextText = j + 1 < n ? lines[j + 1]! : '';
      if (j + 1 >= n || kinds[j + 1] === 'empty' || HEADING_RE.test(nextText)) break;
      j++;
      continue;
    }
    if (kinds[j] !== 'text' && kinds[j] !== 'sep') break;
    if (kinds[j] === 'sep') {
      j++;
      continue;
    }
    if (j > start && HEADING_RE.test(line)) break;
    // A line with nothing to separate ("上一篇：…") is prose again.
    if (j > start && !/\S[ \u3000]{1,}\S/u.test(line.trim())) break;
    const parts = line
      .trim()
      .split(wide ? /[ \u3000]{2,}/ : /[ \u3000]+/)
      .filter((p) => p.length > 0);
    rows.push({ cells: parts.map((p, ci) => makeCell(p, `第${j + 1}行 第${ci + 1}段`)), where: `第${j + 1}行` });
    j++;
  }
  return { rows, next: j };
}
