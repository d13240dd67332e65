/**
 * @module `importPayments`: a payments list (支付明细 / 资金支付) as CSV (UTF-8 with or without BOM, or
 * GB18030) or xlsx → payment rows for core's `aggregatePayments`, with a report. The bytes go through
 * the same guards as every import (size, content sniffing, bounded unzip, row and cell limits); the rows
 * through the pure converter in `convert.ts`. Never throws.
 */
import { importError, note } from '../messages.js';
import type { Row } from '../model.js';
import { sniff } from '../io/sniff.js';
import type { ImportError, ImportLimits, ImportNote } from '../types.js';
import { resolveLimits } from '../types.js';
import { readXlsx } from '../xlsx/read-xlsx.js';
import { convertRows, findHeader, type ImportedPayment, type PaymentUnit, unitLine } from './convert.js';
import { paymentError, paymentNote } from './messages.js';
import { readCsv } from './read-csv.js';

export type { ImportedPayment, PaymentUnit } from './convert.js';

export interface PaymentsImportOptions {
  fileName: string;
  limits?: Partial<ImportLimits>;
  /** Return the amounts in this unit (converted exactly); default: the unit the file is in. */
  unit?: PaymentUnit;
  /** The project of every row when the file has no project column (a file per project). */
  project?: string;
}

export interface PaymentsReport {
  format: 'csv' | 'xlsx';
  fileName: string;
  /** Text encoding of a CSV file. */
  encoding?: string;
  /** Unit of the returned amounts. */
  unit: PaymentUnit;
  /** Unit the file is in, and where that was read: `表头“支付金额（万元）”`, `单位行“单位：万元”`, or assumed. */
  fileUnit: PaymentUnit;
  unitSource: string;
  /** Header texts of the columns used, by role. */
  columns: Partial<Record<'date' | 'amount' | 'projectCode' | 'projectName' | 'summary' | 'payee', string>>;
  /** Payment rows read, rows left out because of a bad date, amount or project, and total rows skipped. */
  counts: { rows: number; rejected: number; totals: number };
  recognised: ImportNote[];
  skipped: ImportNote[];
  guessed: ImportNote[];
}

export type PaymentsOutcome = { ok: true; rows: ImportedPayment[]; report: PaymentsReport } | { ok: false; error: ImportError };

/** Reads a CSV or xlsx payments list. */
export async function importPayments(bytes: Uint8Array, options: PaymentsImportOptions): Promise<PaymentsOutcome> {
  try {
    const limits = resolveLimits(options.limits);
    if (bytes.length > limits.maxBytes) return { ok: false, error: importError('too-large', { size: bytes.length, limit: limits.maxBytes }) };
    if (bytes.length === 0) return { ok: false, error: importError('empty-file') };
    const s = sniff(bytes, options.fileName, limits);
    const pages: Array<{ name: string; rows: Row[] }> = [];
    const fileNotes: ImportNote[] = [];
    let format: 'csv' | 'xlsx';
    let encoding: string | undefined;
    switch (s.kind) {
      case 'xlsx':
      case 'zip-broken': {
        const read = await readXlsx(bytes, limits);
        if (!read.ok) return read;
        fileNotes.push(...read.notes);
        for (const p of read.pages) {
          const table = p.blocks.find((b) => b.kind === 'table');
          if (table && table.kind === 'table') pages.push({ name: p.name, rows: table.table.rows });
          fileNotes.push(...p.notes);
        }
        format = 'xlsx';
        break;
      }
      case 'text': {
        const csv = readCsv(s.text, limits);
        if (!csv.ok) return csv;
        pages.push({ name: options.fileName, rows: csv.rows });
        format = 'csv';
        encoding = encodingOf(bytes);
        fileNotes.push(paymentNote('info', 'payments-encoding', options.fileName, { encoding }));
        break;
      }
      case 'ole':
        if (s.ole === 'encrypted') return { ok: false, error: importError('encrypted') };
        if (s.ole === 'xls' || /\.xls$/i.test(options.fileName)) return { ok: false, error: importError('legacy-xls') };
        return { ok: false, error: importError('legacy-ole') };
      case 'docx':
        return { ok: false, error: importError('unsupported-format', { what: 'Word 文档；支付明细请导出为 .xlsx 或 .csv' }) };
      case 'zip-other':
        return { ok: false, error: importError('unsupported-format', { what: s.what }) };
      case 'pdf':
        return { ok: false, error: importError('unsupported-format', { what: 'PDF 文件；请从财务系统导出为 .xlsx 或 .csv' }) };
      case 'rtf':
      case 'image':
        return { ok: false, error: importError('unsupported-format', { what: s.kind === 'rtf' ? 'RTF 文档' : s.what }) };
      default:
        return { ok: false, error: importError('not-text') };
    }

    const where = format === 'xlsx' ? `“${options.fileName}”的 ${pages.length} 个工作表` : `“${options.fileName}”`;
    const found = pages.map((p) => ({ page: p, header: findHeader(p.rows) }));
    const withTable = found.filter((f) => f.header !== undefined);
    if (withTable.length === 0) return { ok: false, error: paymentError('no-payments-table', { where }) };
    const recognised: ImportNote[] = [];
    const skipped: ImportNote[] = [];
    const guessed: ImportNote[] = [];
    for (const n of fileNotes) (n.code === 'payments-encoding' ? recognised : skipped).push(n);
    for (const f of found) if (!f.header) skipped.push(paymentNote('info', 'sheet-no-payments', f.page.name, { sheet: f.page.name }));

    const rows: ImportedPayment[] = [];
    const counts = { rows: 0, rejected: 0, totals: 0 };
    let fileUnit: PaymentUnit | undefined;
    let unitSource = '';
    let columns: PaymentsReport['columns'] = {};
    for (const { page, header } of withTable) {
      const { index, cols } = header!;
      const hasProject = cols.projectCode !== undefined || cols.projectName !== undefined;
      if (!hasProject && options.project === undefined) {
        return { ok: false, error: paymentError('no-project-column', { where: format === 'xlsx' ? `工作表“${page.name}”` : `“${options.fileName}”` }, page.rows[index]!.where) };
      }
      // The unit: the amount header, a unit line above the header, else 元 (reported as assumed).
      const line = cols.unit ? undefined : unitLine(page.rows, index);
      const tableUnit: PaymentUnit = cols.unit ?? line?.unit ?? '元';
      const source = cols.unit ? `表头“${cols.headers.amount}”` : line ? `单位行“${line.text}”` : '表中未写明，按元处理';
      const headerWhere = page.rows[index]!.where;
      if (cols.unit || line) recognised.push(paymentNote('info', 'payments-unit', line?.where ?? headerWhere, { unit: tableUnit, source }));
      else guessed.push(note('warning', 'unit-assumed', headerWhere, { unit: '元' }));
      fileUnit ??= tableUnit;
      if (unitSource === '') unitSource = source;
      const unit = options.unit ?? fileUnit;
      if (unit !== tableUnit) recognised.push(paymentNote('info', 'unit-converted', headerWhere, { from: tableUnit, to: unit }));
      const colText = [cols.headers.date, cols.headers.amount, cols.headers.projectCode, cols.headers.projectName, cols.headers.summary, cols.headers.payee].filter((x) => x !== undefined).join('、');
      recognised.push(paymentNote('info', 'payments-table', headerWhere, { sheet: page.name, columns: colText }));
      if (Object.keys(columns).length === 0) columns = { ...cols.headers };
      const converted = convertRows(page.rows, index, cols, tableUnit, unit, options.project);
      rows.push(...converted.rows);
      recognised.push(...converted.recognised);
      skipped.push(...converted.skipped);
      guessed.push(...converted.guessed);
      counts.rejected += converted.rejected;
      counts.totals += converted.totals;
    }
    counts.rows = rows.length;
    if (rows.length === 0 && counts.rejected === 0) return { ok: false, error: paymentError('no-payment-rows', { where }) };
    const report: PaymentsReport = {
      format,
      fileName: options.fileName,
      ...(encoding !== undefined ? { encoding } : {}),
      unit: options.unit ?? fileUnit ?? '元',
      fileUnit: fileUnit ?? '元',
      unitSource,
      columns,
      counts,
      recognised,
      skipped,
      guessed,
    };
    return { ok: true, rows, report };
  } catch (e) {
    return { ok: false, error: importError('internal', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** Which encoding `decodeText` will have used: a BOM, strict UTF-8, else GB18030. */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8（带 BOM）';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}
