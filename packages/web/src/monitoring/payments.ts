/**
 * @module A payments file (支付明细 CSV) read in the browser into core's payment rows: a header row with a
 * date column (日期 / 支付日期 / date) and an amount column (金额 / 支付金额 / amount), optionally a project
 * column (项目 / 项目名称 / project) whose rows are kept only when they name this project.
 */
import type { PaymentRow } from '@jixiao/core';

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** `2024/3/5`, `2024.03.05`, `2024年3月5日`, `2024-03-05` → `2024-03-05`; anything else as given. */
export function isoDate(text: string): string {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim();
}

const DATE = /^(日期|支付日期|付款日期|记账日期|date)$/i;
const AMOUNT = /^(金额|支付金额|付款金额|支出金额|amount)(（.*）|\(.*\))?$/i;
const PROJECT = /^(项目|项目名称|项目编号|project)$/i;

export interface CsvPayments {
  rows: PaymentRow[];
  /** Rows left out because they name another project. */
  otherProjects: number;
  problem?: string | undefined;
}

/** Payment rows of project `projectId` from CSV text; `names` are what the project column may say for it (id, title, project name). */
export function paymentsFromCsv(text: string, projectId: string, names: readonly string[]): CsvPayments {
  const table = parseCsv(text);
  const header = (table[0] ?? []).map((h) => h.trim());
  const d = header.findIndex((h) => DATE.test(h));
  const a = header.findIndex((h) => AMOUNT.test(h));
  const p = header.findIndex((h) => PROJECT.test(h));
  if (d < 0 || a < 0) return { rows: [], otherProjects: 0, problem: '第一行应为表头，且包含“日期”和“金额”两列' };
  const accepted = new Set([projectId, ...names].map((n) => n.trim()).filter(Boolean));
  const rows: PaymentRow[] = [];
  let other = 0;
  for (const r of table.slice(1)) {
    if (p >= 0 && (r[p] ?? '').trim() !== '' && !accepted.has((r[p] ?? '').trim())) {
      other++;
      continue;
    }
    rows.push({ date: isoDate(r[d] ?? ''), amount: (r[a] ?? '').replace(/[,，\s]/g, ''), project: projectId });
  }
  return { rows, otherProjects: other };
}

/** Text of a file, UTF-8 or (as Excel in China often saves CSV) GB18030. */
export async function readText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return utf8;
  }
}
