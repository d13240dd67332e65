import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aggregatePayments } from '@jixiao/core';
import { writeZip } from '../../zip/write.js';
import { parseAmount, parseDate, serialToIso } from './convert.js';
import { importPayments, type PaymentsOutcome } from './import-payments.js';
import { guessDelimiter } from './read-csv.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** GB18030 bytes of a text (a reverse table of the two-byte range, built with the platform decoder). */
function gb18030(s: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

async function xlsx(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('支付明细'), wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function ok(r: PaymentsOutcome): Extract<PaymentsOutcome, { ok: true }> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

describe('importPayments: CSV', () => {
  const csv = ['支付日期,项目名称,支付金额（元）,摘要,收款单位', '2024-01-15,质量监督专项,"12,000.00",检验费,某检测公司', '2024/2/3,质量监督专项,800,办公用品,某商店', '2024-02-20,特种设备监管,3000.5,,'].join('\r\n');

  it.each([
    ['UTF-8', utf8(csv), 'UTF-8'],
    ['UTF-8 with BOM', utf8(`\uFEFF${csv}`), 'UTF-8（带 BOM）'],
    ['GB18030', gb18030(csv), 'GB18030'],
  ])('reads %s', async (_name, bytes, encoding) => {
    const r = ok(await importPayments(bytes, { fileName: 'pay.csv' }));
    expect(r.rows).toEqual([
      { date: '2024-01-15', amount: '12000.00', project: '质量监督专项', projectName: '质量监督专项', summary: '检验费', payee: '某检测公司', line: '第2行' },
      { date: '2024-02-03', amount: '800', project: '质量监督专项', projectName: '质量监督专项', summary: '办公用品', payee: '某商店', line: '第3行' },
      { date: '2024-02-20', amount: '3000.5', project: '特种设备监管', projectName: '特种设备监管', line: '第4行' },
    ]);
    expect(r.report).toMatchObject({ format: 'csv', encoding, unit: '元', fileUnit: '元', unitSource: '表头“支付金额（元）”', counts: { rows: 3, rejected: 0, totals: 0 } });
    expect(r.report.columns).toEqual({ date: '支付日期', amount: '支付金额（元）', projectName: '项目名称', summary: '摘要', payee: '收款单位' });
  });

  it('copes with a messy export: title and unit lines, blank lines, separators, suffixes, serial dates, a total row', async () => {
    const text = [
      '2024年资金支付明细',
      '单位：万元',
      '',
      '序号,日期,项目编码,项目,实付金额,用途',
      '1,2024年3月5日,430900241000000001,质量监督专项,"1,234.50",检验费',
      '',
      '2,45366,430900241000000001,质量监督专项,2.5万元,抽样',
      '3,20240401,,特种设备监管,￥300.00元,检查',
      '4,2024-04-31,,特种设备监管,10,日期错误',
      '5,2024-05-01,,特种设备监管,约10,金额错误',
      '6,2024-05-02,,特种设备监管,(1.5),退款',
      '合计,,,,"1,547.50",',
    ].join('\n');
    const r = ok(await importPayments(utf8(text), { fileName: 'messy.csv' }));
    expect(r.report.fileUnit).toBe('万元');
    expect(r.report.unitSource).toBe('单位行“单位：万元”');
    expect(r.rows.map((x) => [x.date, x.amount, x.project, x.line])).toEqual([
      ['2024-03-05', '1234.50', '430900241000000001', '第5行'],
      ['2024-03-15', '2.5', '430900241000000001', '第7行'],
      ['2024-04-01', '0.03', '特种设备监管', '第8行'],
      ['2024-05-02', '-1.5', '特种设备监管', '第11行'],
    ]);
    expect(r.rows[0]!.projectName).toBe('质量监督专项');
    expect(r.report.counts).toEqual({ rows: 4, rejected: 2, totals: 1 });
    const skipped = r.report.skipped.map((n) => `${n.code}@${n.where}`);
    expect(skipped).toEqual(['bad-date@第9行 第2列', 'bad-amount@第10行 第5列', 'total-row@第12行']);
    expect(r.report.skipped[0]!.message).toContain('2024-04-31');
    expect(r.report.guessed.map((n) => n.code)).toEqual(['serial-date', 'cell-unit']);
    expect(r.report.guessed[1]!.message).toContain('300.00元');
  });

  it('converts to the unit asked for, exactly', async () => {
    const text = '日期,项目,金额（万元）\n2024-01-02,甲,1.2345\n';
    const r = ok(await importPayments(utf8(text), { fileName: 'a.csv', unit: '元' }));
    expect(r.rows[0]!.amount).toBe('12345');
    expect(r.report.unit).toBe('元');
    expect(r.report.fileUnit).toBe('万元');
  });

  it('takes the project from the options when the file has no project column, and says so otherwise', async () => {
    const text = '日期\t金额\n2024-01-02\t100\n';
    const missing = await importPayments(utf8(text), { fileName: 'a.csv' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('no-project-column');
    const r = ok(await importPayments(utf8(text), { fileName: 'a.csv', project: 'doc-1' }));
    expect(r.rows).toEqual([{ date: '2024-01-02', amount: '100', project: 'doc-1', line: '第2行' }]);
    expect(r.report.guessed.map((n) => n.code)).toEqual(['unit-assumed']);
  });

  it('feeds core aggregatePayments', async () => {
    const text = '支付日期,项目编码,支付金额\n2024-01-15,P1,"1,000.00"\n2024-01-20,P1,500\n2024-04-01,P1,250.25\n2024-02-01,P2,10\n';
    const r = ok(await importPayments(utf8(text), { fileName: 'a.csv' }));
    const agg = aggregatePayments(r.rows, { granularity: 'quarter', year: 2024 });
    expect(agg.issues).toEqual([]);
    expect(agg.periods.map((p) => [p.project, p.period, p.amount, p.cumulative])).toEqual([
      ['P1', '2024-Q1', '1500', '1500'],
      ['P1', '2024-Q2', '250.25', '1750.25'],
      ['P2', '2024-Q1', '10', '10'],
    ]);
  });
});

describe('importPayments: xlsx', () => {
  it('reads dates typed as dates, serial numbers and text, numbers and text amounts, and skips a total row', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['资金支付明细表']);
      ws.addRow(['金额单位：元']);
      ws.addRow(['支付日期', '项目名称', '收款单位', '支付金额']);
      ws.addRow([new Date(Date.UTC(2024, 2, 15)), '质量监督专项', '甲公司', 1234.5]);
      ws.addRow([45400, '质量监督专项', '乙公司', '2,000.00元']);
      ws.addRow([]);
      ws.addRow(['2024.06.30', '特种设备监管', '丙公司', 0.1 + 0.2]);
      ws.addRow(['下月初', '特种设备监管', '丁公司', 5]);
      ws.addRow(['合计', '', '', 3234.8]);
    });
    const r = ok(await importPayments(bytes, { fileName: 'pay.xlsx' }));
    expect(r.report.format).toBe('xlsx');
    expect(r.report.unitSource).toBe('单位行“金额单位：元”');
    expect(r.rows.map((x) => [x.date, x.amount, x.project, x.payee, x.line])).toEqual([
      ['2024-03-15', '1234.5', '质量监督专项', '甲公司', '支付明细 第4行'],
      ['2024-04-18', '2000.00', '质量监督专项', '乙公司', '支付明细 第5行'],
      ['2024-06-30', '0.3', '特种设备监管', '丙公司', '支付明细 第7行'],
    ]);
    expect(r.report.skipped.map((n) => `${n.code}@${n.where}`)).toEqual(['bad-date@支付明细!A8', 'total-row@支付明细 第9行']);
    expect(r.report.guessed.map((n) => `${n.code}@${n.where}`)).toEqual(['serial-date@支付明细!A5']);
  });

  it('uses every sheet with a payments table and notes the others', async () => {
    const bytes = await xlsx((ws, wb) => {
      ws.addRow(['日期', '项目', '金额(万元)']);
      ws.addRow(['2024-01-01', '甲', 1]);
      const other = wb.addWorksheet('说明');
      other.addRow(['本表由财务系统导出']);
      const second = wb.addWorksheet('二月');
      second.addRow(['日期', '项目', '金额(万元)']);
      second.addRow(['2024-02-01', '甲', 2]);
    });
    const r = ok(await importPayments(bytes, { fileName: 'pay.xlsx' }));
    expect(r.rows.map((x) => x.line)).toEqual(['支付明细 第2行', '二月 第2行']);
    expect(r.report.unit).toBe('万元');
    expect(r.report.skipped.map((n) => n.code)).toContain('sheet-no-payments');
  });
});

describe('importPayments: bad input', () => {
  it('refuses empty, oversized, binary and legacy files with the importers’ codes', async () => {
    const code = async (bytes: Uint8Array, fileName: string, limits?: { maxBytes: number }): Promise<string> => {
      const r = await importPayments(bytes, { fileName, ...(limits ? { limits } : {}) });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(new Uint8Array(0), 'a.csv')).toBe('empty-file');
    expect(await code(utf8('日期,项目,金额\n2024-01-01,甲,1\n'), 'a.csv', { maxBytes: 10 })).toBe('too-large');
    expect(await code(new Uint8Array([0, 1, 2, 3, 0, 5]), 'a.csv')).toBe('not-text');
    expect(await code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]), 'a.xls')).toBe('legacy-xls');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const bytes = writeZip([{ path: '[Content_Types].xml', data: utf8('<Types/>') }, { path: 'xl/workbook.xml', data: utf8('<workbook/>') }, { path: 'xl/worksheets/sheet1.xml', data: big }]);
    const r = await importPayments(bytes, { fileName: 'bomb.xlsx', limits: { maxEntryBytes: 1024 * 1024 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('zip-bomb');
  });

  it('says which header words were looked for when no table is found', async () => {
    const r = await importPayments(utf8('名称,数值\n甲,1\n'), { fileName: 'x.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-payments-table');
      expect(r.error.message).toContain('支付日期');
      expect(r.error.message).toContain('实付金额');
      expect(r.error.message).toContain('项目编码');
    }
  });

  it('refuses a header without rows, and too many rows', async () => {
    const empty = await importPayments(utf8('日期,项目,金额\n\n'), { fileName: 'x.csv' });
    expect(!empty.ok && empty.error.code).toBe('no-payment-rows');
    const many = ['日期,项目,金额', ...Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},甲,1`)].join('\n');
    const r = await importPayments(utf8(many), { fileName: 'x.csv', limits: { maxRows: 10 } });
    expect(!r.ok && r.error.code).toBe('too-many-cells');
  });
});

describe('payment cells', () => {
  const cell = (text: string, numeric?: string) => ({ text, where: 'A1', ...(numeric !== undefined ? { numeric } : {}) });

  it('reads dates as written and rejects the ambiguous or impossible', () => {
    expect(parseDate(cell('2024-3-5'))?.date).toBe('2024-03-05');
    expect(parseDate(cell('2024年03月05日 10:20:30'))?.date).toBe('2024-03-05');
    expect(parseDate(cell('2024-03-05T10:20:30Z'))?.date).toBe('2024-03-05');
    expect(parseDate(cell('２０２４／３／５'))?.date).toBe('2024-03-05');
    expect(parseDate(cell('45366', '45366'))).toEqual({ date: '2024-03-15', serial: true });
    for (const bad of ['03/05/2024', '2024-02-30', '2024-13-01', '12345', '明天', '2024-3']) expect(parseDate(cell(bad)), bad).toBeUndefined();
    expect(serialToIso(45352)).toBe('2024-03-01');
    expect(serialToIso(45351)).toBe('2024-02-29');
    expect(serialToIso(60)).toBeUndefined();
  });

  it('reads amounts with separators, currency signs, units and brackets', () => {
    expect(parseAmount(cell('1,234,567.89'))).toEqual({ value: '1234567.89' });
    expect(parseAmount(cell('¥ 1,234.50'))).toEqual({ value: '1234.50' });
    expect(parseAmount(cell('-12.5元'))).toEqual({ value: '-12.5', unit: '元' });
    expect(parseAmount(cell('（3.00）'))).toEqual({ value: '-3.00' });
    expect(parseAmount(cell('2万元'))).toEqual({ value: '2', unit: '万元' });
    for (const bad of ['1,23', '12.3.4', '约100', '10%', '']) expect(parseAmount(cell(bad)), bad).toBeUndefined();
  });

  it('chooses the delimiter', () => {
    expect(guessDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(guessDelimiter('a;b;c\n1;2,5;3')).toBe(';');
    expect(guessDelimiter('a,b\n1,2')).toBe(',');
  });
});
