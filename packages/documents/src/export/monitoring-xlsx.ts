/**
 * @module The 绩效监控表 (绩效运行监控情况表) as an xlsx workbook, from the plain data of core's
 * `assessMonitoring(...)` and, optionally, `monitoringReport(...)` and the warning cases:
 *
 * - 监控汇总 (when a report is given): one row per unit / department / region, then 合计 — projects,
 *   red / yellow / green counts, budget and executed in 万元, execution rate, warnings by kind;
 * - 项目监控表: one row per project — project, unit, department, budget, executed (万元), execution rate,
 *   time schedule, checkpoint, goal completion, the light (红灯 / 黄灯 / 绿灯 as text on its colour), the
 *   reasons, the response due date, the unit's answer and the reviewer's response;
 * - 指标监控表: one row per assessed indicator — target, progress, expected, projection, light, reasons.
 *
 * Money is converted exactly to 万元 (the report's unit); rates are printed as core computed them.
 */
import ExcelJS from 'exceljs';
import { Dec, LIGHT_ZH, REVIEW_DECISION_ZH, UNIT_CHOICE_ZH } from '@jixiao/core';
import type { Light, MonitoringAssessment, MonitoringGroup, MonitoringReport, ProjectAssessment, WarningCase } from '@jixiao/core';
import type { Cell, Grid } from './grid.js';
import { GridBuilder, text } from './grid.js';
import { moneyText } from './numbers.js';
import { ExportError } from './types.js';
import { writeSheet } from './xlsx.js';

export interface MonitoringXlsxData {
  /** `assessMonitoring(...)`: the project and indicator rows. */
  assessment: MonitoringAssessment;
  /** `monitoringReport(...)`: the summary sheet per unit, department or region. */
  report?: MonitoringReport | undefined;
  /** Warning cases with the unit's answers and the reviewer's responses; the latest per project is shown. */
  cases?: readonly WarningCase[] | undefined;
}

export interface MonitoringXlsxOptions {
  /** Title above the tables; default "2024年度绩效运行监控表（截至2024-07-05）". */
  title?: string;
  /** ISO date-time the workbook is stamped with; the clock is never read. */
  generatedAt?: string;
}

/** Fill colours of the lights (ARGB). */
export const LIGHT_FILL: Readonly<Record<Light, string>> = { red: 'FFFF7C80', yellow: 'FFFFFF00', green: 'FF92D050' };

export const MONITORING_SHEETS = { summary: '监控汇总', projects: '项目监控表', indicators: '指标监控表' } as const;

const GROUP_WORDS = { organisation: '单位', department: '主管部门', region: '地区' } as const;
const TEN_THOUSAND = Dec.fromInt(10_000);
const HEADER_FILL = 'FFD9E1F2';

/** Writes the monitoring workbook. */
export async function exportMonitoringXlsx(data: MonitoringXlsxData, options: MonitoringXlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  const title = options.title ?? monitoringTitle(data.assessment);
  workbook.title = title;
  if (options.generatedAt !== undefined) {
    const at = new Date(options.generatedAt);
    if (!Number.isNaN(at.getTime())) {
      workbook.created = at;
      workbook.modified = at;
    }
  }
  for (const grid of monitoringGrids(data, title)) writeSheet(workbook.addWorksheet(grid.name), grid);
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } catch (cause) {
    throw new ExportError('invalid-document', '生成绩效监控表（xlsx）失败。', { cause });
  }
}

export function monitoringTitle(a: MonitoringAssessment): string {
  return `${a.asOf.slice(0, 4)}年度绩效运行监控表（截至${a.asOf}）`;
}

/** The sheets as grids (pure). */
export function monitoringGrids(data: MonitoringXlsxData, title = monitoringTitle(data.assessment)): Grid[] {
  const grids: Grid[] = [];
  if (data.report) grids.push(summaryGrid(data.report, title));
  grids.push(projectGrid(data.assessment, data.cases ?? [], title));
  grids.push(indicatorGrid(data.assessment, title));
  return grids;
}

const header = (s: string): Cell => text(s, 'header', { fill: HEADER_FILL });
const value = (s: string | undefined): Cell | undefined => (s === undefined || s === '' ? undefined : text(s, 'value'));
const wrap = (s: string | undefined): Cell | undefined => (s === undefined || s === '' ? undefined : text(s, 'text'));
const money = (v: string | undefined): Cell | undefined => (v === undefined ? undefined : { text: moneyText(v), role: 'money', value: v });
const count = (n: number): Cell => ({ text: String(n), role: 'score', value: String(n) });
const pct = (p: string | undefined): Cell | undefined => (p === undefined ? undefined : text(`${p}%`, 'value'));
const light = (l: Light): Cell => text(LIGHT_ZH[l], 'value', { fill: LIGHT_FILL[l], bold: l === 'red' });

function inWan(amount: string, unit: string): string {
  const d = Dec.of(amount);
  return unit === '元' ? d.div(TEN_THOUSAND, 6)!.normalize().toString() : d.toString();
}

function fractionPercent(f: string): string {
  return Dec.of(f).times(Dec.HUNDRED).round(2).normalize().toString();
}

function finish(name: string, title: string, widths: number[], g: GridBuilder, headerRow: number): Grid {
  return { name, title, columns: widths.map((width) => ({ width })), rows: g.rows, merges: g.merges, repeatRows: { first: headerRow, last: headerRow }, orientation: 'landscape' };
}

function summaryGrid(report: MonitoringReport, title: string): Grid {
  const words = [GROUP_WORDS[report.by], '项目数', '红灯', '黄灯', '绿灯', '预算数（万元）', '执行数（万元）', '预算执行率', '主要预警'];
  const g = new GridBuilder(words.length);
  const info = g.row();
  g.put(info, 0, text(`截至 ${report.asOf}，评价规则 ${report.ruleSet}`, 'text'), words.length);
  const h = g.row();
  words.forEach((w, i) => g.put(h, i, header(w)));
  const line = (group: MonitoringGroup, label: string, bold: boolean): void => {
    const r = g.row();
    g.put(r, 0, text(label, 'label', bold ? { bold } : undefined));
    g.put(r, 1, count(group.projects));
    g.put(r, 2, group.lights.red > 0 ? { ...count(group.lights.red), fill: LIGHT_FILL.red } : count(0));
    g.put(r, 3, group.lights.yellow > 0 ? { ...count(group.lights.yellow), fill: LIGHT_FILL.yellow } : count(0));
    g.put(r, 4, count(group.lights.green));
    g.put(r, 5, money(group.budget));
    g.put(r, 6, money(group.executed));
    g.put(r, 7, pct(group.ratePercent));
    g.put(r, 8, wrap(group.warnings.map((w) => `${w.title}（${w.count}个）`).join('；')));
  };
  for (const group of report.groups) line(group, group.key === '' ? '（未填写）' : group.key, false);
  line(report.total, '合计', true);
  return finish(MONITORING_SHEETS.summary, title, [28, 8, 8, 8, 8, 14, 14, 12, 48], g, h);
}

const PROJECT_WORDS = ['序号', '项目名称', '单位', '主管部门', '预算数（万元）', '执行数（万元）', '预算执行率', '时间进度', '进度节点', '目标完成度', '监控结果', '预警原因', '答复期限', '单位答复', '审核意见'] as const;

/** "6月末应达40%，已达到" / "…，未达到". */
function checkpointText(p: ProjectAssessment): string | undefined {
  const c = p.execution?.checkpoint;
  if (!c) return undefined;
  return `${c.month}月末应达${fractionPercent(c.minExecution)}%，${c.met ? '已达到' : '未达到'}`;
}

function reasonsText(p: ProjectAssessment): string {
  const own = p.reasons.map((r) => `${r.message}`);
  const ind = p.indicators.flatMap((i) => i.reasons.map((r) => `${i.name}：${r.message}`));
  return [...own, ...ind].map((s, i, all) => (all.length > 1 ? `${i + 1}. ${s}` : s)).join('\n');
}

function projectGrid(a: MonitoringAssessment, cases: readonly WarningCase[], title: string): Grid {
  const latest = new Map<string, WarningCase>();
  for (const c of cases) latest.set(c.project, c);
  const g = new GridBuilder(PROJECT_WORDS.length);
  const h = g.row();
  PROJECT_WORDS.forEach((w, i) => g.put(h, i, header(w)));
  a.projects.forEach((p, k) => {
    const r = g.row();
    const e = p.execution;
    const c = latest.get(p.id);
    g.put(r, 0, count(k + 1));
    g.put(r, 1, wrap(p.name));
    g.put(r, 2, wrap(p.organisation));
    g.put(r, 3, wrap(p.department));
    g.put(r, 4, e ? money(inWan(e.budget, e.unit)) : undefined);
    g.put(r, 5, e ? money(inWan(e.executed, e.unit)) : undefined);
    g.put(r, 6, pct(e?.ratePercent));
    g.put(r, 7, pct(e?.schedulePercent));
    g.put(r, 8, value(checkpointText(p)));
    g.put(r, 9, p.completion !== undefined ? pct(fractionPercent(p.completion)) : undefined);
    g.put(r, 10, light(p.light));
    g.put(r, 11, wrap(reasonsText(p)));
    g.put(r, 12, value(c?.due ?? p.response?.due));
    g.put(r, 13, wrap(c?.unitResponse ? `${UNIT_CHOICE_ZH[c.unitResponse.choice]}：${c.unitResponse.reason}` : undefined));
    g.put(r, 14, wrap(c?.review ? `${REVIEW_DECISION_ZH[c.review.decision]}：${c.review.reason}${c.review.correctBy ? `（${c.review.correctBy}前纠偏）` : ''}` : undefined));
  });
  return finish(MONITORING_SHEETS.projects, title, [6, 28, 20, 16, 12, 12, 10, 10, 16, 10, 13, 48, 12, 24, 24], g, h);
}

const INDICATOR_WORDS = ['项目名称', '指标', '年度指标值', '截至目前完成', '按进度应完成', '预计全年', '监控结果', '预警原因'] as const;

function indicatorGrid(a: MonitoringAssessment, title: string): Grid {
  const g = new GridBuilder(INDICATOR_WORDS.length);
  const h = g.row();
  INDICATOR_WORDS.forEach((w, i) => g.put(h, i, header(w)));
  for (const p of a.projects) {
    const first = g.rows.length;
    for (const ind of p.indicators) {
      const r = g.row();
      g.put(r, 1, wrap(ind.location));
      g.put(r, 2, value(ind.target));
      g.put(r, 3, value(ind.progress));
      g.put(r, 4, value(ind.expected));
      g.put(r, 5, value(ind.projected));
      g.put(r, 6, ind.mode === 'qualitative' || ind.mode === 'unparsed' ? value('不评') : light(ind.light));
      g.put(r, 7, wrap(ind.reasons.map((x) => x.message).join('\n')));
    }
    const n = g.rows.length - first;
    if (n > 0) g.put(first, 0, wrap(p.name), 1, n);
  }
  return finish(MONITORING_SHEETS.indicators, title, [24, 36, 16, 14, 14, 14, 13, 48], g, h);
}
