/**
 * @module `jixiao export FILE --xlsx|--docx|--pdf [--out PATH]`: the official 自评表 and 自评报告; with
 * `--xlsx`, a goals-stage document (绩效目标申报) is written as the 绩效目标申报表 instead.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { auditDocument, scoreDocument } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { loadDocument } from '../io/load.js';

type Format = 'xlsx' | 'docx' | 'pdf';
const SUFFIX: Record<Format, string> = { xlsx: '自评表.xlsx', docx: '自评报告.docx', pdf: '自评报告.pdf' };

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('生成官方格式的自评表（xlsx）或自评报告（docx / PDF），附计算得分与审核发现（export）')
    .argument('<file>', '交换格式 JSON，或 .xlsx / .docx / .txt')
    .option('--xlsx', '自评表 xlsx（绩效目标申报阶段的文档为绩效目标申报表）')
    .option('--docx', '自评报告 docx')
    .option('--pdf', '自评报告 PDF（需要 LibreOffice 或 Chromium）')
    .option('--out <path>', '输出文件（默认：与输入同名，加“-自评表.xlsx”等后缀，写在当前目录）')
    .action(async (file: string, opts: { xlsx?: boolean; docx?: boolean; pdf?: boolean; out?: string }) => {
      const formats = (['xlsx', 'docx', 'pdf'] as const).filter((f) => opts[f]);
      if (formats.length !== 1) throw new CliError('请选择一种格式：--xlsx、--docx 或 --pdf', EXIT.inputHasErrors);
      const format = formats[0]!;
      const { document } = await loadDocument(file);
      const docs = await import('@jixiao/documents');
      if (format === 'xlsx' && document.header.stage === 'goals') {
        const bytes = await docs.exportGoalsXlsx(document);
        const out = opts.out ?? `${basename(file, extname(file))}-绩效目标申报表.xlsx`;
        await writeFile(out, bytes);
        process.stderr.write(`已写入 ${out}（绩效目标申报表，${(bytes.byteLength / 1024).toFixed(1)} KB）\n`);
        return;
      }
      const report = scoreDocument(document);
      const options = docs.exportOptionsFrom(report, auditDocument(document, { score: report }));
      let bytes: Uint8Array;
      try {
        bytes =
          format === 'xlsx' ? await docs.exportXlsx(document, options) : format === 'docx' ? await docs.exportDocx(document, options) : await docs.exportPdf(document, options);
      } catch (e) {
        if (e instanceof docs.ExportError) throw new CliError(e.message, e.code === 'no-converter' ? EXIT.missingTool : EXIT.inputHasErrors);
        throw e;
      }
      const out = opts.out ?? `${basename(file, extname(file))}-${SUFFIX[format]}`;
      await writeFile(out, bytes);
      process.stderr.write(`已写入 ${out}（${(bytes.byteLength / 1024).toFixed(1)} KB）\n`);
    });
}
