/**
 * @module The analytics overview as an xlsx workbook (绩效分析数据): one sheet per chart with the figures
 * behind it, in Chinese. Counts are integers; scores, rates and shares are written as numbers from their
 * decimal strings with a number format, so the sheet sorts and sums while showing the decimal the server
 * computed. The xlsx is made here (not in the browser) so the page loads no spreadsheet library and the
 * file has exactly the API's figures.
 */
import ExcelJS from 'exceljs';
import type { overview } from './routes.js';

type Overview = Awaited<ReturnType<typeof overview>>;
export const CHART_KEYS = ['gradeDistribution', 'scoreVsExecution', 'selfVsReview', 'findingsByFamily', 'findingsByUnit', 'executionCurve', 'yearOnYear'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

type Cell = string | number | null;
interface Sheet {
  name: string;
  title: string;
  columns: Array<{ header: string; width: number; format?: string }>;
  rows: Cell[][];
}

const dec = (s: string | undefined | null): number | null => (s === undefined || s === null ? null : Number(s));
const SCORE = '0.00';
const PERCENT = '0.00"%"';

function sheets(o: Overview): Record<ChartKey, Sheet | undefined> {
  const g = o.gradeDistribution;
  const s = o.scoreVsExecution;
  const r = o.selfVsReview;
  const ff = o.findingsByFamily;
  const fu = o.findingsByUnit;
  const y = o.yearOnYear;
  const years = [...new Set(y.units.flatMap((u) => u.years.map((x) => x.year)))].sort((a, b) => a - b);
  const c = o.executionCurve;
  return {
    gradeDistribution: {
      name: '等级分布',
      title: g.title,
      columns: [{ header: '年度', width: 10 }, ...g.grades.flatMap((grade) => [{ header: `${grade}（项）`, width: 10 }, { header: `${grade}占比`, width: 10, format: PERCENT }]), { header: '不可评分（项）', width: 14 }],
      rows: g.groups.map((x) => [x.key, ...x.bars.flatMap((b) => [b.count, dec(b.share)]), x.notScorable.count]),
    },
    scoreVsExecution: {
      name: '得分与执行率',
      title: s.title,
      columns: [
        { header: '预算执行率', width: 14 },
        { header: '项目数', width: 10 },
        { header: '平均得分', width: 12, format: SCORE },
      ],
      rows: [
        ...s.bands.map((b) => [b.label, b.count, dec(b.meanTotal)]),
        ...(s.trend ? [[`趋势线：得分 = ${s.trend.slope} × 执行率（%） + ${s.trend.intercept}`, null, null]] : []),
        ...(s.skipped.count > 0 ? [[`${s.skipped.label}（未计入）`, s.skipped.count, null]] : []),
      ],
    },
    selfVsReview: {
      name: '自评与复核',
      title: r.title,
      columns: [
        { header: '单位', width: 28 },
        { header: '已复核项目', width: 12 },
        { header: '平均自评分', width: 12, format: SCORE },
        { header: '平均复核分', width: 12, format: SCORE },
        { header: `平均差（${r.gapLabel}）`, width: 20, format: SCORE },
        { header: '最大差', width: 10, format: SCORE },
      ],
      rows: r.groups.map((x) => [x.key, x.count, dec(x.meanSelf), dec(x.meanReview), dec(x.meanGap), dec(x.maxGap)]),
    },
    findingsByFamily: {
      name: '问题类别',
      title: ff.title,
      columns: [
        { header: '问题类别', width: 16 },
        { header: '涉及项目', width: 10 },
        { header: '错误', width: 8 },
        { header: '警告', width: 8 },
        { header: '提示', width: 8 },
        { header: '合计', width: 8 },
      ],
      rows: ff.families.map((x) => [x.label, x.evaluations, x.counts.error, x.counts.warning, x.counts.info, x.counts.total]),
    },
    findingsByUnit: {
      name: '各单位问题',
      title: fu.title,
      columns: [
        { header: '单位', width: 28 },
        { header: '评价项目', width: 10 },
        { header: '有问题的项目', width: 12 },
        { header: '错误', width: 8 },
        { header: '警告', width: 8 },
        { header: '提示', width: 8 },
        { header: '平均每项', width: 10, format: SCORE },
      ],
      rows: fu.units.map((u) => [u.key, u.evaluations, u.withFindings, u.counts.error, u.counts.warning, u.counts.info, dec(u.perEvaluation)]),
    },
    executionCurve: c && {
      name: '执行进度',
      title: `${c.year}年${c.title}`,
      columns: [
        { header: '月份', width: 8 },
        { header: '项目数', width: 8 },
        { header: '已执行', width: 14, format: SCORE },
        { header: '预算', width: 14, format: SCORE },
        { header: c.labels.actual, width: 12, format: PERCENT },
        { header: c.labels.schedule, width: 12, format: PERCENT },
        { header: c.labels.checkpoint, width: 14, format: PERCENT },
      ],
      rows: c.points.map((p) => [`${p.month}月`, p.projects, dec(p.executed), dec(p.budget), dec(p.ratePercent), dec(p.schedulePercent), dec(p.checkpointPercent)]),
    },
    yearOnYear: {
      name: '同比变化',
      title: y.title,
      columns: [{ header: '单位', width: 28 }, ...years.flatMap((v) => [{ header: `${v}年平均分`, width: 12, format: SCORE }, { header: `${v}年项目数`, width: 12 }]), { header: '变化（分）', width: 12, format: SCORE }, { header: '变化（%）', width: 12, format: PERCENT }],
      rows: y.units.map((u) => {
        const last = u.changes.at(-1);
        return [
          u.key,
          ...years.flatMap((v) => {
            const x = u.years.find((w) => w.year === v);
            return [x ? dec(x.mean) : null, x ? x.count : null];
          }),
          last ? dec(last.change) : null,
          last ? dec(last.changePercent) : null,
        ];
      }),
    },
  };
}

/** The workbook: every chart, or only `chart`. `scope` is a line under each title (year, department …). */
export async function overviewXlsx(o: Overview, options: { chart?: ChartKey | undefined; scope: string; generatedAt: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = new Date(options.generatedAt);
  const all = sheets(o);
  const keys = options.chart ? [options.chart] : CHART_KEYS;
  for (const key of keys) {
    const sh = all[key];
    if (!sh) continue;
    const ws = wb.addWorksheet(sh.name);
    ws.columns = sh.columns.map((col) => ({ width: col.width }));
    ws.addRow([sh.title]).font = { bold: true, size: 14 };
    ws.addRow([`${options.scope}；共 ${o.evaluations} 项（可评分 ${o.scorable} 项）；生成于 ${options.generatedAt.slice(0, 19).replace('T', ' ')}（UTC）`]);
    const head = ws.addRow(sh.columns.map((col) => col.header));
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const values of sh.rows) {
      const row = ws.addRow(values);
      sh.columns.forEach((col, i) => {
        if (col.format) row.getCell(i + 1).numFmt = col.format;
      });
    }
    ws.views = [{ state: 'frozen', ySplit: 3 }];
  }
  if (wb.worksheets.length === 0) wb.addWorksheet('无数据').addRow(['没有可导出的数据']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
