import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assessMonitoring, EvaluationDocument, getRuleSet, monitoringReport, MonitoringSnapshot, openCase, respondAsUnit, reviewCase } from '@jixiao/core';
import type { WarningCase } from '@jixiao/core';
import { exportMonitoringXlsx, LIGHT_FILL, MONITORING_SHEETS } from './monitoring-xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const fillOf = (c: ExcelJS.Cell): string | undefined => (c.fill && c.fill.type === 'pattern' ? c.fill.fgColor?.argb : undefined);

function goals(id: string, org: string, unit: '万元' | '元', budget: string): EvaluationDocument {
  return EvaluationDocument.parse({
    schemaVersion: 1,
    id,
    header: { title: `${id}绩效目标申报表`, level: 'project', stage: 'goals', year: 2024, organisation: org, supervisingDepartment: '市政府', projectName: `${id}项目` },
    funding: { unit, tables: [{ id: 'project-funding', kind: 'project-funding', unit, rows: [{ label: '年度资金总额', role: 'total', amounts: { initialBudget: budget } }] }] },
    goals: [{ expected: '完成年度抽查任务' }],
    indicators: [
      {
        id: 'out',
        name: '产出指标',
        children: [{ id: 'out.qty', name: '数量指标', children: [{ id: 'q1', name: '监督抽查批次', weight: '20', target: '≥600批次' }] }],
      },
    ],
  });
}

const snap = (project: string, executed: string, progress: string) =>
  MonitoringSnapshot.parse({ project, period: '2024-Q2', asOf: '2024-06-30', executed, indicators: [{ id: 'q1', progress }] });

describe('the 绩效监控表 xlsx', () => {
  const rs = getRuleSet('national-project')!;
  const assessment = assessMonitoring(
    [goals('a', '甲局', '万元', '100'), goals('b', '甲局', '万元', '100'), goals('c', '乙局', '元', '1000000')],
    [snap('a', '50', '300批次'), snap('b', '20', '100批次'), snap('c', '500000', '300批次')],
    rs,
    '2024-07-05',
  );
  const report = monitoringReport(assessment, 'organisation');

  it('writes one row per project with money in 万元, rates, the light as text on its colour, and the reasons', async () => {
    const b = assessment.projects.find((p) => p.id === 'b')!;
    expect(b.light).toBe('red');
    let cases: WarningCase[] = [];
    const opened = openCase(b, 'case-b')!;
    const answered = respondAsUnit(opened, { choice: 'continue', reason: '下半年集中支付', by: '甲局', at: '2024-07-08T09:00:00Z' });
    if (!answered.ok) throw new Error(answered.message);
    const reviewed = reviewCase(answered.case, { decision: 'correct', reason: '请加快执行', by: '财政局', at: '2024-07-10T09:00:00Z', correctBy: '2024-08-31' }, '2024-07-10');
    if (!reviewed.ok) throw new Error(reviewed.message);
    cases = [reviewed.case];
    const wb = await load(await exportMonitoringXlsx({ assessment, report, cases }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([MONITORING_SHEETS.summary, MONITORING_SHEETS.projects, MONITORING_SHEETS.indicators]);
    const ws = wb.getWorksheet(MONITORING_SHEETS.projects)!;
    expect(ws.getCell('A1').value).toBe('2024年度绩效运行监控表（截至2024-07-05）');
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '项目名称', '单位', '主管部门', '预算数（万元）', '执行数（万元）', '预算执行率', '时间进度', '进度节点', '目标完成度', '监控结果', '预警原因', '答复期限', '单位答复', '审核意见']);
    const row = (id: string): ExcelJS.Row => ws.getRow(3 + assessment.projects.findIndex((p) => p.id === id));
    const rb = row('b');
    expect(rb.getCell(2).value).toBe('b项目');
    expect(rb.getCell(3).value).toBe('甲局');
    expect(rb.getCell(4).value).toBe('市政府');
    expect(rb.getCell(5).value).toBe(100);
    expect(rb.getCell(5).numFmt).toBe('0.00');
    expect(rb.getCell(6).value).toBe(20);
    expect(rb.getCell(7).value).toBe(`${b.execution!.ratePercent}%`);
    expect(rb.getCell(8).value).toBe(`${b.execution!.schedulePercent}%`);
    expect(rb.getCell(9).value).toBe('6月末应达40%，未达到');
    expect(rb.getCell(11).value).toBe('红灯（预警）');
    expect(fillOf(rb.getCell(11))).toBe(LIGHT_FILL.red);
    expect(String(rb.getCell(12).value)).toContain('低于6月末应达到的40%');
    expect(String(rb.getCell(12).value)).toContain('监督抽查批次：');
    expect(rb.getCell(13).value).toBe(b.response!.due);
    expect(rb.getCell(14).value).toBe('继续执行：下半年集中支付');
    expect(rb.getCell(15).value).toBe('限期纠偏：请加快执行（2024-08-31前纠偏）');
    const rc = row('c');
    expect(rc.getCell(5).value).toBe(100);
    expect(rc.getCell(6).value).toBe(50);
    expect(rc.getCell(9).value).toBe('6月末应达40%，已达到');
    const light = assessment.projects.find((p) => p.id === 'c')!.light;
    expect(fillOf(rc.getCell(11))).toBe(LIGHT_FILL[light]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
  });

  it('writes the summary per unit with a total row, and the indicator sheet', async () => {
    const wb = await load(await exportMonitoringXlsx({ assessment, report }));
    const ws = wb.getWorksheet(MONITORING_SHEETS.summary)!;
    expect(ws.getRow(3).values).toEqual([undefined, '单位', '项目数', '红灯', '黄灯', '绿灯', '预算数（万元）', '执行数（万元）', '预算执行率', '主要预警']);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getRow(4).getCell(c).value)).toEqual(['甲局', 2, 1, 0, 1, 200, 70, '35%']);
    expect(fillOf(ws.getRow(4).getCell(3))).toBe(LIGHT_FILL.red);
    expect(String(ws.getRow(4).getCell(9).value)).toContain('未达执行进度节点（1个）');
    expect([1, 2, 6, 7, 8].map((c) => ws.getRow(6).getCell(c).value)).toEqual(['合计', 3, 300, 120, '40%']);
    const ind = wb.getWorksheet(MONITORING_SHEETS.indicators)!;
    expect(ind.getRow(2).values).toEqual([undefined, '项目名称', '指标', '年度指标值', '截至目前完成', '按进度应完成', '预计全年', '监控结果', '预警原因']);
    expect(ind.getCell('C3').value).toBe('≥600批次');
    expect(ind.getCell('B3').value).toBe('产出指标 › 数量指标 › 监督抽查批次');
  });

  it('leaves the summary out without a report and the answers blank without cases', async () => {
    const wb = await load(await exportMonitoringXlsx({ assessment }, { title: '甲局绩效监控表' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([MONITORING_SHEETS.projects, MONITORING_SHEETS.indicators]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('甲局绩效监控表');
    expect(ws.getRow(3).getCell(14).value).toBeNull();
  });
});
