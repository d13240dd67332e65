/**
 * @module The year-end results list (结果应用清单) as an xlsx workbook for the budget office, from the plain
 * data of core's `resultsList(...)`:
 *
 * - 结果应用清单: one row per listed project, department by department — department, unit, project,
 *   grade, total score, execution rate, serious findings, the treatment its grade earns, the treatment
 *   recommended and the reasons;
 * - 部门汇总: per department the evaluations by treatment (优先保障 / 保障 / 压缩 / 取消) and how many are listed.
 *
 * Scores and rates are written as numbers from their decimal strings with number formats (0.00 and
 * 0.00%), so the sheet sorts and sums; what is shown is the decimal the core computed.
 */
import ExcelJS from 'exceljs';
import { Dec, TREATMENT_ZH } from '@jixiao/core';
import type { DepartmentResults, TreatmentRecommendation } from '@jixiao/core';
import { ExportError } from './types.js';

/** A listed item, with what the server knows beside the core's recommendation. */
export type ResultsXlsxItem = TreatmentRecommendation & { title?: string | undefined };

export interface ResultsXlsxDepartment extends Omit<DepartmentResults, 'items'> {
  items: ResultsXlsxItem[];
}

export interface ResultsXlsxOptions {
  /** Title above the table; default "2024年度预算绩效评价结果应用清单". */
  title?: string;
  year?: number | undefined;
  /** ISO date-time the workbook is stamped with; the clock is never read. */
  generatedAt?: string;
  /** A line under the title (scope, rule set…). */
  note?: string;
}

export const RESULTS_SHEETS = { list: '结果应用清单', summary: '部门汇总' } as const;

export const RESULTS_WORDS = ['序号', '主管部门', '单位', '项目名称', '评价等级', '评价得分', '预算执行率', '严重问题（项）', '按等级应用', '应用建议', '理由'] as const;
const SUMMARY_WORDS = ['主管部门', '评价项目数', '列入清单', '优先保障', '保障', '压缩', '取消'] as const;

const HEADER_FILL = 'FFD9E1F2';
/** Fill of the recommended treatment (ARGB): the less favourable, the warmer. */
export const TREATMENT_FILL = { priority: 'FFC6EFCE', maintain: 'FFFFFFFF', reduce: 'FFFFEB9C', cancel: 'FFFFC7CE' } as const;

const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function decimalNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const d = Dec.parse(s);
  return d === undefined ? undefined : d.toNumber();
}

export function resultsTitle(year?: number): string {
  return `${year !== undefined ? `${year}年度` : ''}预算绩效评价结果应用清单`;
}

/** Writes the results workbook. */
export async function exportResultsXlsx(departments: readonly ResultsXlsxDepartment[], options: ResultsXlsxOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const title = options.title ?? resultsTitle(options.year);
  wb.title = title;
  if (options.generatedAt !== undefined) {
    const at = new Date(options.generatedAt);
    if (!Number.isNaN(at.getTime())) {
      wb.created = at;
      wb.modified = at;
    }
  }
  listSheet(wb.addWorksheet(RESULTS_SHEETS.list, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }), departments, title, options.note);
  summarySheet(wb.addWorksheet(RESULTS_SHEETS.summary), departments, title);
  try {
    const buffer = await wb.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } catch (cause) {
    throw new ExportError('invalid-document', '生成结果应用清单（xlsx）失败。', { cause });
  }
}

function titleRows(ws: ExcelJS.Worksheet, title: string, width: number, note?: string): number {
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  if (note === undefined || note === '') return 1;
  ws.addRow([note]);
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  return 2;
}

function headerRow(ws: ExcelJS.Worksheet, words: readonly string[]): number {
  const row = ws.addRow([...words]);
  row.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = thin;
  });
  return row.number;
}

function listSheet(ws: ExcelJS.Worksheet, departments: readonly ResultsXlsxDepartment[], title: string, note?: string): void {
  titleRows(ws, title, RESULTS_WORDS.length, note);
  const h = headerRow(ws, RESULTS_WORDS);
  ws.views = [{ state: 'frozen', ySplit: h }];
  ws.pageSetup.printTitlesRow = `${h}:${h}`;
  [6, 18, 20, 30, 9, 10, 11, 10, 11, 11, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let n = 0;
  for (const d of departments) {
    for (const item of d.items) {
      n++;
      const row = ws.addRow([
        n,
        d.department,
        item.org,
        item.name ?? item.title ?? '',
        item.grade,
        decimalNumber(item.total) ?? item.total,
        decimalNumber(item.executionRate) ?? null,
        item.seriousFindings,
        TREATMENT_ZH[item.base],
        item.label,
        item.reasons.map((r, i, all) => (all.length > 1 ? `${i + 1}. ${r.message}` : r.message)).join('\n'),
      ]);
      row.eachCell({ includeEmpty: true }, (c, col) => {
        c.border = thin;
        c.alignment = { vertical: 'middle', horizontal: col === 11 || col === 4 ? 'left' : 'center', wrapText: true };
      });
      row.getCell(6).numFmt = '0.00';
      row.getCell(7).numFmt = '0.00%';
      row.getCell(10).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TREATMENT_FILL[item.treatment] } };
      row.getCell(10).font = { bold: item.treatment !== item.base };
    }
  }
  if (n === 0) {
    const row = ws.addRow(['没有列入清单的项目']);
    ws.mergeCells(row.number, 1, row.number, RESULTS_WORDS.length);
    row.getCell(1).alignment = { horizontal: 'center' };
  }
}

function summarySheet(ws: ExcelJS.Worksheet, departments: readonly ResultsXlsxDepartment[], title: string): void {
  titleRows(ws, `${title}（部门汇总）`, SUMMARY_WORDS.length);
  headerRow(ws, SUMMARY_WORDS);
  [24, 12, 10, 10, 10, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = { evaluations: 0, listed: 0, priority: 0, maintain: 0, reduce: 0, cancel: 0 };
  const line = (label: string, v: typeof total, bold: boolean) => {
    const row = ws.addRow([label, v.evaluations, v.listed, v.priority, v.maintain, v.reduce, v.cancel]);
    row.eachCell((c, col) => {
      c.border = thin;
      c.alignment = { horizontal: col === 1 ? 'left' : 'center' };
      if (bold) c.font = { bold: true };
    });
  };
  for (const d of departments) {
    const v = { evaluations: d.evaluations, listed: d.items.length, ...d.counts };
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += v[k];
    line(d.department, v, false);
  }
  line('合计', total, true);
}
