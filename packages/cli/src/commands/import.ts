/** @module `jixiao import FILE... [--out DIR] [--json]`: tables people already have → interchange documents plus import reports. */
import type { Command } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ImportedDocument, ImportNote } from '@jixiao/documents';
import { CliError, EXIT } from '../io/exit.js';
import { Progress } from '../io/progress.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入 xlsx / docx / txt 中的自评表和报告，生成交换格式 JSON 与导入报告（import tables）')
    .argument('<files...>', '.xlsx、.docx 或 .txt 文件，可多个')
    .option('--out <dir>', '写入 JSON 的目录（默认当前目录）', '.')
    .option('--json', '只给一个文件时：在标准输出打印 { document, report }（多份文档时为 { documents: [...] }）')
    .action(async (files: string[], opts: { out: string; json?: boolean }) => {
      if (opts.json && files.length !== 1) throw new CliError('--json 只能用于一个文件；多个文件请用 --out 写入目录', EXIT.inputHasErrors);
      const { importFile } = await import('@jixiao/documents');
      const progress = files.length > 1 ? new Progress(files.length, '导入') : undefined;
      let failed = 0;
      for (const file of files) {
        progress?.step(basename(file));
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (e) {
          failed++;
          report(progress, `${file}：无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
          continue;
        }
        const outcome = await importFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: basename(file) });
        if (!outcome.ok) {
          failed++;
          report(progress, `${file}：${outcome.error.message}${outcome.error.where ? `（位置：${outcome.error.where}）` : ''}`);
          continue;
        }
        if (opts.json) {
          const payload = outcome.documents.length === 1 ? outcome.documents[0] : { documents: outcome.documents };
          process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
          continue;
        }
        await mkdir(opts.out, { recursive: true });
        const stem = basename(file, extname(file));
        for (const [i, imported] of outcome.documents.entries()) {
          const target = join(opts.out, outcome.documents.length === 1 ? `${stem}.json` : `${stem}-${i + 1}.json`);
          await writeFile(target, `${JSON.stringify(imported.document, null, 2)}\n`);
          report(progress, summary(file, target, imported));
        }
      }
      progress?.done();
      if (failed > 0) {
        if (files.length > 1) process.stderr.write(`共 ${files.length} 个文件，${failed} 个未能导入\n`);
        process.exitCode = EXIT.unreadable;
      }
    });
}

function report(progress: Progress | undefined, line: string): void {
  if (progress) progress.log(line);
  else process.stderr.write(`${line}\n`);
}

/** One line per document plus its warnings: what a person needs to check before using it. */
function summary(file: string, target: string, imported: ImportedDocument): string {
  const r = imported.report;
  const lines = [
    `${file} → ${target}：识别 ${r.recognised.length} 项，跳过 ${r.skipped.length} 项，推测 ${r.guessed.length} 项（${imported.document.header.title}）`,
  ];
  const attention: ImportNote[] = [...r.guessed, ...r.skipped, ...r.recognised].filter((n) => n.level !== 'info');
  for (const n of attention.slice(0, 20)) lines.push(`  ${n.level === 'error' ? '错误' : '注意'} ${n.where}：${n.message}`);
  if (attention.length > 20) lines.push(`  …另有 ${attention.length - 20} 条，用 --json 查看完整导入报告`);
  return lines.join('\n');
}
