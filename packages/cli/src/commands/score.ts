/** @module `jixiao score FILE [--rules ID] [--json]`: computed and printed scores with each item's explanation. */
import type { Command } from 'commander';
import { getRuleSet, scoreDocument, scoreReportToJson } from '@jixiao/core';
import type { ScoreReport } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { loadDocument } from '../io/load.js';
import { renderTable, truncate } from '../io/table.js';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('按规则集计算得分，并与所印得分对照（score a document by a rule set）')
    .argument('<file>', '交换格式 JSON，或 .xlsx / .docx / .txt')
    .option('--rules <id>', '规则集 id 或 id@version（默认：文档所指定的，或按层级的全国规则）')
    .option('--json', '输出 JSON')
    .action(async (file: string, opts: { rules?: string; json?: boolean }) => {
      const { document } = await loadDocument(file);
      if (opts.rules && !getRuleSet(opts.rules)) throw new CliError(`未知规则集：${opts.rules}（jixiao rules list 查看）`, EXIT.inputHasErrors);
      const report = scoreDocument(document, opts.rules);
      process.stdout.write(
        opts.json ? `${JSON.stringify(scoreReportToJson(report), null, 2)}\n` : `${renderScore(report, document.header.title, document.meta.statedSelfScore)}\n`,
      );
    });
}

/** Human-readable score table. */
export function renderScore(report: ScoreReport, title: string, statedSelfScore?: string): string {
  const out: string[] = [`${title}`, `规则集：${report.ruleSet}`, ''];
  if (report.execution) {
    const e = report.execution;
    out.push(
      `预算执行率：计算 ${e.ratePercent ? `${e.ratePercent.toString()}%` : '—'}，所印 ${e.printedRate ?? '—'}${e.rateDiffers ? '  ≠' : ''}`,
      `执行率得分：计算 ${e.computed?.toString() ?? '—'}，所印 ${e.printed?.toString() ?? '—'}（分值 ${e.weight.toString()}）${e.differs ? '  ≠' : ''}`,
      `  ${e.explanation.text}`,
      '',
    );
  }
  const rows: string[][] = [['指标', '分值', '计算得分', '所印得分', '状态', '说明']];
  for (const item of report.items) {
    if (item.weight === undefined && item.leaf) continue;
    const indent = '  '.repeat(item.depth);
    rows.push([
      truncate(indent + item.name, 40),
      item.weight?.toString() ?? '',
      item.computed?.toString() ?? '—',
      item.printed?.toString() ?? '—',
      STATUS_ZH[item.status] + (item.differs ? ' ≠' : ''),
      truncate(item.explanation.text, 60),
    ]);
  }
  out.push(renderTable(rows, ['left', 'right', 'right', 'right', 'left', 'left']), '');
  if (!report.scorable) {
    out.push(`本文档没有可评分的表格（预算执行或绩效指标），不计算总分；所印/所述：${report.printedTotal?.toString() ?? statedSelfScore ?? '—'}。`);
  }
  for (const p of report.projects) {
    out.push(`所含项目「${p.name}」：计算 ${p.total?.toString() ?? '—'}${p.grade ? `（${p.grade}）` : ''}，所印 ${p.printedTotal?.toString() ?? '—'}${p.printedGrade ? `（${p.printedGrade}）` : ''}`);
  }
  if (report.scorable) out.push(
    `总分：${report.total.toString()}（${report.grade}）；所印：${report.printedTotal?.toString() ?? '—'}${report.printedGrade ? `（${report.printedGrade}）` : ''}${report.totalDiffers || report.gradeDiffers ? '  ≠' : ''}`,
  );
  if (report.uncomputed > 0) out.push(`其中 ${report.uncomputed} 项无法按规则核算，按所印得分计入。`);
  if (report.missing > 0) out.push(`另有 ${report.missing} 项既无法计算也未给出得分。`);
  return out.join('\n');
}

const STATUS_ZH: Record<ScoreReport['items'][number]['status'], string> = {
  met: '达成',
  'partly-met': '部分达成',
  'not-met': '未达成',
  'not-comparable': '不可比',
  'within-band': '档内',
  'outside-band': '档外',
  proposed: '建议分',
  given: '按所印',
  missing: '缺失',
  summed: '合计',
};
