import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getRuleSet, resultsList } from '@jixiao/core';
import type { EvaluationSummary } from '@jixiao/core';
import { exportResultsXlsx, RESULTS_SHEETS, RESULTS_WORDS, TREATMENT_FILL } from './results-xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const summary = (id: string, department: string, grade: string, total: string, rate?: string, errors = 0): EvaluationSummary => ({
  id,
  org: `${id}单位`,
  department,
  year: 2023,
  level: 'project',
  name: `${id}项目`,
  total,
  grade,
  ...(rate !== undefined ? { executionRate: rate } : {}),
  findings: Array.from({ length: errors }, () => ({ family: 'arithmetic', severity: 'error' as const })),
});

describe('the 结果应用清单 xlsx', () => {
  const rs = getRuleSet('national-project')!;
  const list = resultsList(
    [summary('a', '甲局', '优', '95.5', '0.98'), summary('b', '甲局', '中', '72.25', '0.9567'), summary('c', '乙局', '良', '85', '0.5', 2), summary('d', '乙局', '差', '40')],
    rs,
  );

  it('lists the listed projects per department with Chinese headers, numbers and formats', async () => {
    const wb = await load(await exportResultsXlsx(list, { year: 2023, generatedAt: '2024-03-01T00:00:00Z' }));
    const ws = wb.getWorksheet(RESULTS_SHEETS.list)!;
    expect(ws.getCell(1, 1).value).toBe('2023年度预算绩效评价结果应用清单');
    expect(ws.getRow(2).values).toEqual([undefined, ...RESULTS_WORDS]);
    const rows = [3, 4, 5].map((r) => ws.getRow(r));
    // Departments in text order (乙 before 甲). 乙局: d (差 → 取消) before c (良, low execution and errors: two steps down to 取消, higher total); 甲局: only b (中).
    expect(rows.map((r) => r.getCell(4).value)).toEqual(['d项目', 'c项目', 'b项目']);
    const b = rows[2]!;
    expect(b.getCell(2).value).toBe('甲局');
    expect(b.getCell(5).value).toBe('中');
    expect(b.getCell(6).value).toBe(72.25);
    expect(b.getCell(6).numFmt).toBe('0.00');
    expect(b.getCell(7).value).toBe(0.9567);
    expect(b.getCell(7).numFmt).toBe('0.00%');
    expect(b.getCell(10).value).toBe('压缩');
    expect(String(b.getCell(11).value)).toContain('评价等级为“中”');
    const c = rows[1]!;
    expect(c.getCell(8).value).toBe(2);
    expect(c.getCell(9).value).toBe('保障');
    expect(c.getCell(10).value).toBe('取消');
    expect(String(c.getCell(11).value)).toMatch(/预算执行率50(\.00)?%/);
    expect(c.getCell(10).fill).toMatchObject({ fgColor: { argb: TREATMENT_FILL.cancel } });
    // No execution rate: an empty cell, not zero.
    expect(rows[0]!.getCell(7).value).toBeNull();
  });

  it('sums the treatments per department', async () => {
    const wb = await load(await exportResultsXlsx(list, { year: 2023 }));
    const ws = wb.getWorksheet(RESULTS_SHEETS.summary)!;
    const body = [3, 4, 5].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(body).toEqual([
      ['乙局', 2, 2, 0, 0, 0, 2],
      ['甲局', 2, 1, 1, 0, 1, 0],
      ['合计', 4, 3, 1, 0, 1, 2],
    ]);
  });

  it('says so when nothing is listed', async () => {
    const wb = await load(await exportResultsXlsx([], {}));
    expect(wb.getWorksheet(RESULTS_SHEETS.list)!.getCell(3, 1).value).toBe('没有列入清单的项目');
  });
});
