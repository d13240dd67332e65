import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { leaves, sectionLabel } from './table.js';
import { sampleProject, seedFixtures } from './testing.js';
import type { ExportScoring } from './types.js';
import { exportXlsx } from './xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!found && cell.value === text) found = cell;
  }));
  if (!found) throw new Error(`no cell ${text}`);
  return found;
}
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;

describe('the 自评表 xlsx', () => {
  it('writes the official layout with numbers, formats, merges and print setup', async () => {
    const wb = await load(await exportXlsx(sampleProject()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目支出绩效自评表']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2020年度项目支出绩效自评表');
    expect(ws.getCell('A1').font.size).toBe(18);
    expect(merges(ws)).toContain('A1:I1');
    expect(ws.getCell('A2').value).toBe('项目名称');
    expect(ws.getCell('B2').value).toBe('质量监督专项');
    expect(merges(ws)).toContain('B2:I2');
    const total = findCell(ws, '年度资金总额');
    const row = ws.getRow(Number(total.row));
    expect(row.getCell(4).value).toBe(155);
    expect(row.getCell(4).numFmt).toBe('0.00');
    expect(row.getCell(6).value).toBe(243.03);
    expect(row.getCell(6).numFmt).toBe('0.00');
    expect(row.getCell(8).value).toBe('100%');
    expect(row.getCell(9).value).toBe(10);
    expect(row.getCell(4).border.top?.style).toBe('thin');
    const label = findCell(ws, '项目资金（万元）');
    expect(merges(ws)).toContain(`A${label.row}:A${Number(label.row) + 5}`);
    const header = findCell(ws, '一级指标');
    expect(ws.getRow(Number(header.row)).values).toEqual([
      undefined, '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
    ]);
    const out = findCell(ws, '产出指标（50分）');
    expect(merges(ws)).toContain(`B${out.row}:B${Number(out.row) + 3}`);
    const leaf = findCell(ws, '重点工业产品监测率');
    expect(ws.getRow(Number(leaf.row)).getCell(8).value).toBe(13.5);
    const sum = findCell(ws, '总分');
    expect(ws.getRow(Number(sum.row)).getCell(7).value).toBe(100);
    expect(ws.getRow(Number(sum.row)).getCell(8).value).toBe(97.5);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header.row}:${header.row}`);
    expect(ws.getColumn(4).width).toBe(26);
    expect(ws.getRow(Number(leaf.row)).height).toBeGreaterThanOrEqual(20);
  });

  it('keeps figures no double can hold as text, and shows extra decimals', async () => {
    const doc = sampleProject();
    doc.funding!.tables[0]!.rows[0]!.amounts = { initialBudget: '12345678901234567.89', annualBudget: '1.005', executed: '243.03' };
    const ws = (await load(await exportXlsx(doc))).worksheets[0]!;
    const row = ws.getRow(Number(findCell(ws, '年度资金总额').row));
    expect(row.getCell(4).value).toBe('12345678901234567.89');
    expect(row.getCell(5).value).toBe(1.005);
    expect(row.getCell(5).numFmt).toBe('0.000');
  });

  it('adds a 计算得分 column with 说明 notes, never overwriting the printed score', async () => {
    const scoring: ExportScoring = {
      ruleSet: 'national-project@1',
      total: '96.3',
      grade: '优',
      execution: { rate: '156.79%', score: '10' },
      items: { 'ben.soc.1': { score: '27.3', explanation: '定性指标按档次评分', status: 'within-band' } },
    };
    const ws = (await load(await exportXlsx(sampleProject(), { scoring }))).worksheets[0]!;
    const header = ws.getRow(Number(findCell(ws, '一级指标').row));
    expect(header.getCell(8).value).toBe('得分');
    expect(header.getCell(9).value).toBe('计算得分');
    expect(header.getCell(10).value).toBe('偏差原因分析及改进措施');
    const soc = ws.getRow(Number(findCell(ws, '维护市场经济秩序、保障人民群众消费安全').row));
    expect(soc.getCell(8).value).toBe(29);
    expect(soc.getCell(9).value).toBe(27.3);
    const note = soc.getCell(9).note;
    expect(typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('')).toContain('填报得分为29分，按规则计算为27.3分。定性指标按档次评分');
    const sum = ws.getRow(Number(findCell(ws, '总分').row));
    expect(sum.getCell(8).value).toBe(97.5);
    expect(sum.getCell(9).value).toBe(96.3);
    const exec = ws.getRow(Number(findCell(ws, '年度资金总额').row));
    expect(exec.getCell(9).value).toBe(10);
    expect(exec.getCell(10).value).toBe(10);
  });

  it.each(seedFixtures().map((s) => [s.name, s.doc] as const))('exports seed %s', async (name, doc) => {
    const wb = await load(await exportXlsx(doc));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`${doc.header.year}年度${doc.header.level === 'department' ? '部门整体支出' : '项目支出'}绩效自评表`);
    const header = findCell(ws, '一级指标');
    // One row per leaf between the indicator header and 总分.
    const sum = findCell(ws, '总分');
    const leafCount = Math.max(1, leaves(doc.indicators).length);
    expect(Number(sum.row) - Number(header.row) - 1, name).toBe(leafCount);
    const scoreCol = (ws.getRow(Number(header.row)).values as unknown[]).indexOf('得分');
    if (doc.meta.printedTotal !== undefined) expect(ws.getRow(Number(sum.row)).getCell(scoreCol).value).toBe(Number(doc.meta.printedTotal));
    for (const leaf of leaves(doc.indicators)) {
      const empty = leaf.target === undefined && leaf.actual === undefined && leaf.weight === undefined && leaf.printedScore === undefined;
      expect(() => findCell(ws, empty ? sectionLabel(leaf) : leaf.name)).not.toThrow();
    }
    if (doc.department) {
      const basic = wb.getWorksheet('基础数据表')!;
      expect(basic.getCell('A1').value).toBe(`${doc.header.year}年度部门整体支出绩效评价基础数据表`);
      expect(basic.pageSetup.orientation).toBe('portrait');
    }
    if (name === '004') {
      const ex = ws.getRow(Number(findCell(ws, '年度资金总额').row));
      expect([4, 5, 6].map((c) => ex.getCell(c).value)).toEqual([7255.33, 10221.25, 10221.25]);
      expect(findCell(ws, '按收入性质分：')).toBeDefined();
      const three = wb.getWorksheet('基础数据表')!.getRow(Number(findCell(wb.getWorksheet('基础数据表')!, '三公经费').row));
      expect([2, 3, 4].map((c) => three.getCell(c).value)).toEqual([127.69, 180.01, 86.25]);
    }
    if (name === '001') expect(wb.worksheets.length).toBeGreaterThan(2);
  });
});
