/** @module `jixiao demo`: scores the five seed documents shipped as fixtures (what `npm start` shows until the server exists). */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDocument, scoreDocument } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { renderTable } from '../io/table.js';

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;

/** Path of a seed fixture inside the installed core package. */
export function seedFixturePath(id: string): string {
  return fileURLToPath(import.meta.resolve(`@jixiao/core/fixtures/seeds/${id}.json`));
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('演示：对五份真实报告（种子文档）逐一评分（score the seed documents）')
    .action(async () => {
      const rows = [['文档', '年度', '层级', '规则集', '计算总分', '所印总分', '等级']];
      for (const id of SEED_IDS) {
        const path = seedFixturePath(id);
        const parsed = parseDocument(JSON.parse(await readFile(path, 'utf8')));
        if (!parsed.ok) throw new CliError(`种子文档 ${id} 无效：${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`, EXIT.inputHasErrors);
        const doc = parsed.document;
        const report = scoreDocument(doc);
        rows.push([
          `${id} ${doc.header.organisation}`,
          String(doc.header.year),
          doc.header.level === 'project' ? '项目' : '部门整体',
          report.ruleSet,
          report.scorable ? `${report.total.toString()}${report.missing > 0 ? `（${report.missing}项缺分）` : ''}` : '—（无评分表）',
          doc.meta.printedTotal ?? doc.meta.statedSelfScore ?? '—',
          report.scorable ? report.grade : '—',
        ]);
      }
      process.stdout.write(`jixiao（绩效）演示：五份种子文档的评分\n\n${renderTable(rows)}\n\n`);
      process.stdout.write('逐项明细：npx jixiao score packages/core/fixtures/seeds/000.json\n');
    });
}
