/**
 * @module The 自评表 as an xlsx workbook (ExcelJS): one sheet per table, the 基础数据表 for departments.
 *
 * Money cells are numbers formatted `0.00` (more decimals when the figure has more), converted from the
 * model's decimal text only here, at the cell; a figure no double can hold exactly stays text. Scores are
 * numbers in the General format, rates stay text as printed. Pages are A4 landscape (portrait for the
 * basic data sheet), fitted to one page wide, with the indicator header row repeated on every page.
 */
import ExcelJS from 'exceljs';
import type { EvaluationDocument } from '@jixiao/core';
import { basicDataGrid } from './basic-data.js';
import type { Cell, Grid } from './grid.js';
import { coveredMask } from './grid.js';
import { cellNumber, moneyFormat } from './numbers.js';
import { selfEvaluationGrid, tableSubjects } from './table.js';
import type { ExportOptions } from './types.js';
import { ExportError } from './types.js';

/** Fonts of the tables; spreadsheet programs substitute what they lack. */
export const XLSX_FONTS = { title: '方正小标宋简体', header: '黑体', body: '仿宋_GB2312' } as const;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_SIZE = 11;
/** Points per wrapped line at the body size, and padding per row. */
const LINE_PT = 15;
const ROW_PAD_PT = 5;

/** Exports the 自评表 (and the 基础数据表 of a department) as xlsx bytes. */
export async function exportXlsx(doc: EvaluationDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  workbook.title = doc.header.title;
  if (options.generatedAt !== undefined) {
    const at = new Date(options.generatedAt);
    if (!Number.isNaN(at.getTime())) {
      workbook.created = at;
      workbook.modified = at;
    }
  }
  const grids: Grid[] = tableSubjects(doc, options.scoring).map((s) => selfEvaluationGrid(s));
  const basic = basicDataGrid(doc);
  if (basic) grids.push(basic);
  const used = new Set<string>();
  for (const grid of grids) {
    let name = grid.name;
    for (let i = 2; used.has(name); i++) name = `${grid.name.slice(0, 28)}(${i})`;
    used.add(name);
    writeSheet(workbook.addWorksheet(name), grid);
  }
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } catch (cause) {
    throw new ExportError('invalid-document', '生成自评表（xlsx）失败。', { cause });
  }
}

/** Draws one grid on a worksheet: title row, cells, merges, heights, A4 print setup. Shared by the xlsx exporters. */
export function writeSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  const width = grid.columns.length;
  ws.columns = grid.columns.map((c) => ({ width: c.width }));
  ws.properties.defaultRowHeight = 20;

  // Row 1: the title, merged across the table.
  const titleRow = ws.getRow(1);
  const titleCell = titleRow.getCell(1);
  titleCell.value = grid.title;
  titleCell.font = { name: XLSX_FONTS.title, size: 18 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 36;
  ws.mergeCells(1, 1, 1, width);

  const offset = 2; // grid row 0 is sheet row 2
  const covered = coveredMask(grid);
  grid.rows.forEach((cells, r) => {
    const row = ws.getRow(r + offset);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      cell.border = BORDER;
      cell.font = { name: XLSX_FONTS.body, size: BODY_SIZE };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      if (covered[r]![c]) continue;
      const content = cells[c];
      if (content) writeCell(cell, content);
    }
  });
  for (const m of grid.merges) ws.mergeCells(m.top + offset, m.left + 1, m.bottom + offset, m.right + 1);
  setRowHeights(ws, grid, offset);

  const lastRow = grid.rows.length + offset - 1;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: grid.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printArea: `A1:${columnLetter(width)}${lastRow}`,
    ...(grid.repeatRows ? { printTitlesRow: `${grid.repeatRows.first + offset}:${grid.repeatRows.last + offset}` } : {}),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', showGridLines: false }];
}

function writeCell(cell: ExcelJS.Cell, content: Cell): void {
  const bold = content.role === 'header' || content.bold === true;
  cell.font = { name: content.role === 'header' ? XLSX_FONTS.header : XLSX_FONTS.body, size: BODY_SIZE, bold };
  const left = content.role === 'text';
  cell.alignment = {
    vertical: 'middle',
    horizontal: left ? 'left' : content.role === 'money' ? 'right' : 'center',
    wrapText: true,
    ...(content.indent ? { indent: content.indent } : {}),
  };
  if (content.value !== undefined && (content.role === 'money' || content.role === 'score')) {
    const n = cellNumber(content.value);
    if (n !== undefined) {
      cell.value = n;
      cell.numFmt = content.role === 'money' ? moneyFormat(content.value) : 'General';
    } else {
      cell.value = content.text;
    }
  } else {
    cell.value = content.text;
  }
  if (content.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: content.fill } };
  if (content.note) {
    cell.note = { texts: [{ text: content.note }], margins: { insetmode: 'auto' } } as ExcelJS.Comment;
  }
}

/** Display width of text in spreadsheet character units: CJK and full-width forms count two. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    n += code >= 0x2e80 || (code >= 0x2010 && code <= 0x2027) ? 2 : 1;
  }
  return n;
}

/** Lines a text needs in a cell of `width` character units. */
export function linesFor(s: string, width: number): number {
  const usable = Math.max(2, width - 1.5);
  let lines = 0;
  for (const para of s.split('\n')) lines += Math.max(1, Math.ceil(textUnits(para) / usable));
  return lines;
}

/** Heights from the wrapped text, since neither Excel nor LibreOffice re-measures merged wrapped cells. */
function setRowHeights(ws: ExcelJS.Worksheet, grid: Grid, offset: number): void {
  const widths = grid.columns.map((c) => c.width);
  const spanWidth = (left: number, right: number): number => widths.slice(left, right + 1).reduce((a, b) => a + b, 0);
  const heights = grid.rows.map(() => LINE_PT + ROW_PAD_PT);
  const tall: Array<{ top: number; bottom: number; need: number }> = [];
  grid.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!cell || cell.text === '') return;
      const m = grid.merges.find((x) => x.top === r && x.left === c);
      const w = m ? spanWidth(m.left, m.right) : widths[c]!;
      const need = linesFor(cell.text, w) * LINE_PT + ROW_PAD_PT;
      if (m && m.bottom > m.top) tall.push({ top: m.top, bottom: m.bottom, need });
      else heights[r] = Math.max(heights[r]!, need);
    });
  });
  for (const t of tall) {
    const have = heights.slice(t.top, t.bottom + 1).reduce((a, b) => a + b, 0);
    if (have < t.need) heights[t.bottom] = heights[t.bottom]! + (t.need - have);
  }
  heights.forEach((h, r) => {
    ws.getRow(r + offset).height = Math.min(409, h);
  });
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
