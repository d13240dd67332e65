/**
 * @module xlsx bytes → pages of cells (the thin I/O layer of the xlsx importer).
 *
 * Before ExcelJS sees anything, the package is checked by the bounded zip reader (entry count,
 * declared and actual sizes), every XML part is checked for a DTD, and each worksheet is scanned for
 * runaway rows: reading stops after `maxEmptyRows` blank (possibly styled) rows in a row, and a sheet
 * with more than `maxRows` rows or a file with more than `maxCells` cells is refused. Only then is the
 * workbook handed to ExcelJS, trimmed if needed, and its cells copied out with merge information,
 * cached formula results and "number stored as text" flags.
 */
import ExcelJS from 'exceljs';
import { readZip } from '../io/zip.js';
import { writeZip } from '../../zip/write.js';
import { bytesHaveDoctype } from '../io/xml-guard.js';
import { importError, note } from '../messages.js';
import type { Cell, Page, Row } from '../model.js';
import { cleanText } from '../text-util/normalise.js';
import { decimalFromNumber } from '../text-util/numbers.js';
import type { ImportError, ImportLimits, ImportNote } from '../types.js';

export type XlsxRead = { ok: true; pages: Page[]; notes: ImportNote[] } | { ok: false; error: ImportError };

/** Nodes of a worksheet the importer never needs; skipping them makes ExcelJS faster. */
const IGNORE_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'headerFooter',
  'drawing',
  'legacyDrawing',
  'picture',
  'tableParts',
  'autoFilter',
  'hyperlinks',
  'rowBreaks',
  'colBreaks',
  'sheetProtection',
];

/** Parts handed to ExcelJS; everything else (media, drawings, themes, docProps…) is dropped. */
const NEEDED_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/[^/]+\.xml|xl\/sharedStrings\.xml|xl\/styles\.xml)$/;

interface SheetScan {
  /** Replacement XML when rows had to be cut off; undefined when the part is fine as it is. */
  trimmed?: string;
  stoppedAt?: { row: number; count: number };
  rows: number;
  cells: number;
}

const decoder = new TextDecoder('utf-8');

/**
 * Scans a worksheet part. Rows are cut after `maxEmptyRows` consecutive rows without a value; the
 * scan jumps straight to `</sheetData>` then, so a million styled blank rows cost one search.
 */
function scanSheet(bytes: Uint8Array, limits: ImportLimits): SheetScan | ImportError {
  const xml = decoder.decode(bytes);
  const start = xml.indexOf('<sheetData');
  if (start < 0) return { rows: 0, cells: 0 };
  const dataEnd = xml.lastIndexOf('</sheetData>');
  let pos = xml.indexOf('>', start) + 1;
  if (xml[pos - 2] === '/') return { rows: 0, cells: 0 }; // <sheetData/>
  let rows = 0;
  let valueRows = 0;
  let cells = 0;
  let emptyRun = 0;
  let lastValueEnd = pos;
  let lastValueRow = 0;
  let rowNo = 0;
  while (pos < dataEnd) {
    const open = xml.indexOf('<row', pos);
    if (open < 0 || open >= dataEnd) break;
    const tagEnd = xml.indexOf('>', open);
    if (tagEnd < 0) break;
    const r = /\br="(\d+)"/.exec(xml.slice(open, Math.min(tagEnd, open + 200)));
    rowNo = r ? Number(r[1]) : rowNo + 1;
    let end: number;
    let hasValue = false;
    if (xml[tagEnd - 1] === '/') {
      end = tagEnd + 1;
    } else {
      const close = xml.indexOf('</row>', tagEnd);
      end = close < 0 ? dataEnd : close + 6;
      // Count cells and look for a value (<v>, inline string, formula).
      for (let c = xml.indexOf('<c', tagEnd); c >= 0 && c < end; c = xml.indexOf('<c', c + 2)) {
        const ch = xml[c + 2];
        if (ch === ' ' || ch === '>' || ch === '/') cells++;
      }
      const v = xml.indexOf('<v', tagEnd);
      const is = xml.indexOf('<is', tagEnd);
      const f = xml.indexOf('<f', tagEnd);
      hasValue = (v >= 0 && v < end) || (is >= 0 && is < end) || (f >= 0 && f < end);
    }
    rows++;
    if (hasValue) {
      emptyRun = 0;
      lastValueEnd = end;
      lastValueRow = rowNo;
      if (++valueRows > limits.maxRows) {
        return importError('too-many-cells', { where: '工作表', limit: limits.maxRows, what: '有内容的行数' });
      }
    } else if (++emptyRun >= limits.maxEmptyRows) {
      const trimmed = xml.slice(0, lastValueEnd) + xml.slice(dataEnd);
      return { trimmed, stoppedAt: { row: lastValueRow + 1, count: emptyRun }, rows, cells };
    }
    if (cells > limits.maxCells) return importError('too-many-cells', { where: '工作表', limit: limits.maxCells, what: '单元格数' });
    pos = end;
  }
  return { rows, cells };
}

function sheetNamesByPart(files: Map<string, Uint8Array>): Map<string, string> {
  // workbook.xml: <sheet name="…" r:id="rId1"/>; workbook.xml.rels: rId1 → worksheets/sheet1.xml.
  const out = new Map<string, string>();
  const wb = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return out;
  const relText = decoder.decode(rels);
  const targets = new Map<string, string>();
  for (const m of relText.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  for (const m of decoder.decode(wb).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) out.set(`xl/${target}`, decodeXmlText(name));
  }
  return out;
}

function decodeXmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    switch (e.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Text of a cell value as ExcelJS gives it. */
function valueText(v: ExcelJS.CellValue): { text: string; numeric?: string; imprecise?: boolean; formula?: boolean; error?: boolean } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') {
    const d = decimalFromNumber(v);
    const out: { text: string; numeric?: string; imprecise?: boolean } = { text: d ?? String(v) };
    if (d !== undefined) out.numeric = d;
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) out.imprecise = true;
    return out;
  }
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) {
    const y = v.getUTCFullYear();
    const m = v.getUTCMonth() + 1;
    const d = v.getUTCDate();
    return { text: `${y}年${m}月${d}日` };
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { text: '', formula: true };
      const inner =
        typeof result === 'object' && result !== null && 'error' in result
          ? { text: String((result as { error: unknown }).error), error: true }
          : valueText(result as ExcelJS.CellValue);
      return { ...inner, formula: true };
    }
    if ('error' in v) return { text: String(v.error), error: true };
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return { text: t };
      if (t && typeof t === 'object' && 'richText' in t) return { text: (t as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('') };
    }
  }
  return { text: String(v) };
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const TEXT_NUMBER = /^[\s\u3000]*[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[\s\u3000]*$/u;

function copySheet(ws: ExcelJS.Worksheet, name: string, notes: ImportNote[]): Row[] {
  const rows: Row[] = [];
  const width = Math.max(ws.actualColumnCount, ws.columnCount);
  let noFormulaCache = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Cell[] = [];
    let any = false;
    for (let c = 1; c <= width; c++) {
      // findCell does not create the cells that were never written (getCell would).
      const cell = (row as ExcelJS.Row & { findCell(col: number): ExcelJS.Cell | undefined }).findCell(c);
      if (!cell) {
        cells.push({ text: '', where: `${name}!${columnLetters(c)}${r}` });
        continue;
      }
      const master = cell.isMerged ? cell.master : cell;
      const info = valueText(master.value);
      const out: Cell = { text: cleanText(info.text), where: `${name}!${cell.address}` };
      if (master !== cell) out.merged = master.row === cell.row ? 'left' : 'up';
      if (info.numeric !== undefined) out.numeric = info.numeric;
      if (info.imprecise) out.imprecise = true;
      if (info.formula) {
        out.formula = true;
        if (info.text === '' && master === cell) noFormulaCache++;
      }
      if (info.numeric === undefined && TEXT_NUMBER.test(info.text)) out.numberAsText = true;
      if (out.text !== '') any = true;
      cells.push(out);
    }
    while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
    if (any) rows.push({ cells, where: `${name} 第${r}行` });
  });
  if (noFormulaCache > 0) {
    notes.push(note('warning', 'formula-no-cache', name, { sheet: name, count: noFormulaCache }));
  }
  return rows;
}

/** Reads an xlsx file into one page per visible worksheet. */
export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<XlsxRead> {
  const zip = readZip(bytes, limits);
  if (!zip.ok) return zip;
  const { files } = zip;
  if (!files.has('xl/workbook.xml')) {
    return { ok: false, error: importError('corrupt-xlsx', { detail: '缺少 xl/workbook.xml，不是 Excel 工作簿' }) };
  }
  for (const [name, data] of files) {
    if ((name.endsWith('.xml') || name.endsWith('.rels') || name.endsWith('.vml')) && bytesHaveDoctype(data)) {
      return { ok: false, error: importError('xml-entities', { part: name }, name) };
    }
  }
  const notes: ImportNote[] = [];
  const names = sheetNamesByPart(files);
  let totalCells = 0;
  for (const [name, data] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const scan = scanSheet(data, limits);
    const sheet = names.get(name) ?? name;
    if ('code' in scan) return { ok: false, error: { ...scan, message: scan.message.replace('工作表', `工作表“${sheet}”`), where: sheet } };
    totalCells += scan.cells;
    if (totalCells > limits.maxCells) {
      return { ok: false, error: importError('too-many-cells', { where: '工作簿', limit: limits.maxCells, what: '单元格数' }) };
    }
    if (scan.trimmed !== undefined) {
      files.set(name, new TextEncoder().encode(scan.trimmed));
      notes.push(note('warning', 'empty-rows-stopped', sheet, { row: scan.stoppedAt!.row, count: scan.stoppedAt!.count }));
    }
  }
  // ExcelJS gets only the parts it needs, stored: no second inflate, no images, themes or printer settings.
  const kept = [...files].filter(([name]) => NEEDED_PART.test(name));
  const input = writeZip(kept.map(([path, data]) => ({ path, data })), 'store');
  const wb = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORE_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    return { ok: false, error: importError('corrupt-xlsx', { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) }) };
  }
  const pages: Page[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      notes.push(note('info', 'hidden-sheet', ws.name, { sheet: ws.name }));
      continue;
    }
    const pageNotes: ImportNote[] = [];
    const rows = copySheet(ws, ws.name, pageNotes);
    if (rows.length === 0) continue;
    pages.push({ name: ws.name, blocks: [{ kind: 'table', table: { rows, where: ws.name, name: ws.name } }], notes: pageNotes });
  }
  return { ok: true, pages, notes };
}
