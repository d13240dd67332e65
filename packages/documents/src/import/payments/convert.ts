/**
 * @module Rows of cells → payment rows (pure): the header row found by its words, the money unit by the
 * header, a unit line above it or the cells, then one payment per row. Dates and amounts that cannot be
 * read are reported per line and the row is left out, never guessed; total rows are skipped.
 */
import { Dec } from '@jixiao/core';
import type { Cell, Row } from '../model.js';
import { matchKey, toHalfWidth } from '../text-util/normalise.js';
import { parseFigure } from '../text-util/numbers.js';
import type { ImportNote } from '../types.js';
import { PAYMENT_HEADER_WORDS, paymentNote } from './messages.js';

export type PaymentUnit = '元' | '万元';

/** One payment as read. `date`, `amount` and `project` are what core's `aggregatePayments` takes. */
export interface ImportedPayment {
  /** ISO date, `2024-03-15`. */
  date: string;
  /** Decimal text in the report's unit; negative for a refund. */
  amount: string;
  /** The 项目编码 when the file has one for the row, else the 项目名称 / 项目. */
  project: string;
  /** Where the row is: `Sheet1 第5行`, `第5行`. */
  line: string;
  projectName?: string;
  projectCode?: string;
  summary?: string;
  payee?: string;
}

type Role = keyof typeof PAYMENT_HEADER_WORDS;
type ProjectRole = 'projectCode' | 'projectName';

export interface PaymentColumns {
  date: number;
  amount: number;
  projectCode?: number;
  projectName?: number;
  summary?: number;
  payee?: number;
  /** Header texts as printed, by role. */
  headers: Partial<Record<'date' | 'amount' | ProjectRole | 'summary' | 'payee', string>>;
  /** Unit named in the amount header ("支付金额（万元）"). */
  unit?: PaymentUnit;
}

const HEADER_KEYS: Array<[Role, string]> = (Object.keys(PAYMENT_HEADER_WORDS) as Role[]).flatMap((role) =>
  PAYMENT_HEADER_WORDS[role].map((w): [Role, string] => [role, matchKey(w)]),
);

function headerRole(text: string): { role: Role | ProjectRole; unit?: PaymentUnit } | undefined {
  if (text.length > 40) return undefined;
  const full = matchKey(text).replace(/[:：*＊]+$/u, '');
  const bracket = /[(（]([^)）]*)[)）]$/u.exec(full);
  const key = full.replace(/[(（][^)）]*[)）]$/u, '');
  const unit: PaymentUnit | undefined = bracket ? (/万元|万/.test(bracket[1]!) ? '万元' : /元/.test(bracket[1]!) ? '元' : undefined) : undefined;
  for (const [role, w] of HEADER_KEYS) {
    if (key !== w) continue;
    if (role === 'project') return { role: /编码|代码|编号/.test(w) ? 'projectCode' : 'projectName' };
    return unit ? { role, unit } : { role };
  }
  return undefined;
}

/** The header row among the first rows: a date and an amount column, at most 50 rows down. */
export function findHeader(rows: readonly Row[]): { index: number; cols: PaymentColumns } | undefined {
  for (let r = 0; r < Math.min(rows.length, 50); r++) {
    const row = rows[r]!;
    const found: Partial<Record<Role | ProjectRole, number>> = {};
    const headers: PaymentColumns['headers'] = {};
    let unit: PaymentUnit | undefined;
    row.cells.forEach((c, i) => {
      if (c.text === '' || c.merged) return;
      const h = headerRole(c.text);
      if (!h || found[h.role] !== undefined) return;
      found[h.role] = i;
      if (h.role !== 'project') headers[h.role] = c.text;
      if (h.role === 'amount' && h.unit) unit = h.unit;
    });
    if (found.date === undefined || found.amount === undefined) continue;
    const cols: PaymentColumns = { date: found.date, amount: found.amount, headers };
    if (found.projectCode !== undefined) cols.projectCode = found.projectCode;
    if (found.projectName !== undefined) cols.projectName = found.projectName;
    if (found.summary !== undefined) cols.summary = found.summary;
    if (found.payee !== undefined) cols.payee = found.payee;
    if (unit) cols.unit = unit;
    return { index: r, cols };
  }
  return undefined;
}

/** "单位：万元" / "金额单位：元" / "（单位：元）" in the rows above the header. */
export function unitLine(rows: readonly Row[], before: number): { unit: PaymentUnit; text: string; where: string } | undefined {
  for (let r = before - 1; r >= 0; r--) {
    for (const c of rows[r]!.cells) {
      const m = /(?:金额)?单位[:：]\s*(万元|元)/u.exec(toHalfWidth(c.text).replace(/\s+/g, ''));
      if (m) return { unit: m[1] as PaymentUnit, text: c.text, where: c.where };
    }
  }
  return undefined;
}

const TOTAL = /^(合计|总计|小计|本页合计|累计|本月合计|本期合计|总合计)/u;

/** True for a row that sums others: its first text cell (or its date / project cell) says 合计 and the like. */
function isTotalRow(row: Row, cols: PaymentColumns): string | undefined {
  const texts = row.cells.filter((c) => c.text !== '');
  const probe = [texts[0], row.cells[cols.date], cols.projectName !== undefined ? row.cells[cols.projectName] : undefined, cols.projectCode !== undefined ? row.cells[cols.projectCode] : undefined];
  for (const c of probe) if (c && TOTAL.test(matchKey(c.text))) return c.text;
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d > days ? undefined : `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day number (1900 date system; days after 1 March 1900 only, i.e. past its phantom 29 February) → ISO date from 1990 on. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  const d = new Date(ms);
  return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date as written: 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 20240315, optionally followed by
 * a time; or an Excel day number (20000–80000, i.e. 1954–2119) which is reported. Nothing else.
 */
export function parseDate(cell: Cell): { date: string; serial?: boolean } | undefined {
  const t = toHalfWidth(cell.text).trim();
  const serialText = cell.numeric ?? (/^\d{5}(\.\d+)?$/.test(t) ? t : undefined);
  if (serialText !== undefined && /^\d{5}(\.\d+)?$/.test(serialText)) {
    const n = Math.floor(Number(serialText));
    if (n >= 20000 && n <= 80000) {
      const iso = serialToIso(n);
      return iso ? { date: iso, serial: true } : undefined;
    }
    return undefined;
  }
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const iso = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { date: iso } : undefined;
}

/**
 * An amount as written: 1234.5, 1,234.50, ￥1,234.50, 1,234.50元, 3万元, -12.00, (12.00) for a refund;
 * its own unit when it has one. Undefined for anything else (1,23 or 12.3.4 or 约100).
 */
export function parseAmount(cell: Cell): { value: string; unit?: PaymentUnit } | undefined {
  if (cell.numeric !== undefined) return { value: cell.numeric };
  let t = toHalfWidth(cell.text).replace(/[\s\u3000]+/g, '').replace(/，/g, ',');
  let negative = false;
  const paren = /^[(（](.*)[)）]$/u.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  t = t.replace(/^(RMB|CNY)/i, '');
  t = t.replace(/^([+-]?)[¥￥]/u, '$1');
  const f = parseFigure(t);
  if (!f) return undefined;
  if (f.unit !== undefined && f.unit !== '元' && f.unit !== '万元') return undefined;
  let value = f.value;
  if (negative) value = value.startsWith('-') ? value.slice(1) : `-${value}`;
  return f.unit ? { value, unit: f.unit } : { value };
}

const TEN_THOUSAND = Dec.fromInt(10_000);

/** Exact conversion between 元 and 万元. */
export function convertAmount(value: string, from: PaymentUnit, to: PaymentUnit): string {
  if (from === to) return value;
  const d = Dec.of(value);
  return from === '万元' ? d.times(TEN_THOUSAND).normalize().toString() : d.div(TEN_THOUSAND, 6)!.normalize().toString();
}

export interface ConvertedPayments {
  rows: ImportedPayment[];
  recognised: ImportNote[];
  skipped: ImportNote[];
  guessed: ImportNote[];
  /** Rows that looked like payments but were left out (bad date / amount / project). */
  rejected: number;
  /** Total rows skipped. */
  totals: number;
}

/** Reads the payment rows below the header. `unit` is the unit the amounts are returned in. */
export function convertRows(rows: readonly Row[], headerIndex: number, cols: PaymentColumns, tableUnit: PaymentUnit, unit: PaymentUnit, defaultProject?: string): ConvertedPayments {
  const out: ConvertedPayments = { rows: [], recognised: [], skipped: [], guessed: [], rejected: 0, totals: 0 };
  const get = (row: Row, i: number | undefined): Cell | undefined => {
    if (i === undefined) return undefined;
    const c = row.cells[i];
    return c && c.text.trim() !== '' ? c : undefined;
  };
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    const total = isTotalRow(row, cols);
    if (total !== undefined) {
      out.totals++;
      out.skipped.push(paymentNote('info', 'total-row', row.where, { text: total }));
      continue;
    }
    const dateCell = get(row, cols.date);
    const amountCell = get(row, cols.amount);
    const code = get(row, cols.projectCode)?.text.trim();
    const name = get(row, cols.projectName)?.text.trim();
    const project = code ?? name ?? defaultProject;
    const problems: ImportNote[] = [];
    let date: { date: string; serial?: boolean } | undefined;
    if (!dateCell) problems.push(paymentNote('warning', 'no-date', row.where));
    else {
      date = parseDate(dateCell);
      if (!date) problems.push(paymentNote('warning', 'bad-date', dateCell.where, { text: dateCell.text }));
    }
    let amount: { value: string; unit?: PaymentUnit } | undefined;
    if (!amountCell) problems.push(paymentNote('warning', 'no-amount', row.where));
    else {
      amount = parseAmount(amountCell);
      if (!amount) problems.push(paymentNote('warning', 'bad-amount', amountCell.where, { text: amountCell.text }));
    }
    if (project === undefined) problems.push(paymentNote('warning', 'no-project', row.where));
    if (problems.length > 0 || !date || !amount || project === undefined) {
      out.rejected++;
      out.skipped.push(...problems);
      continue;
    }
    if (date.serial) out.guessed.push(paymentNote('info', 'serial-date', dateCell!.where, { text: dateCell!.text, date: date.date }));
    let value = convertAmount(amount.value, amount.unit ?? tableUnit, unit);
    if (amount.unit && amount.unit !== unit) {
      out.guessed.push(paymentNote('info', 'cell-unit', amountCell!.where, { text: amountCell!.text, unit, value }));
    }
    if (value === '-0') value = '0';
    const p: ImportedPayment = { date: date.date, amount: value, project, line: row.where };
    if (name !== undefined) p.projectName = name;
    if (code !== undefined) p.projectCode = code;
    const summary = get(row, cols.summary)?.text;
    if (summary !== undefined) p.summary = summary;
    const payee = get(row, cols.payee)?.text;
    if (payee !== undefined) p.payee = payee;
    out.rows.push(p);
  }
  return out;
}
