/** @module `jixiao validate FILE`: schema errors with the JSON path of each. */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { loadDocuments } from '../io/load.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('检查文件是否符合交换格式，逐条给出 JSON 路径（validate against the interchange schema）')
    .argument('<file>', '交换格式 JSON，或 .xlsx / .docx / .txt')
    .option('--json', '输出 JSON：{ valid, issues: [{ path, message }] }')
    .action(async (file: string, opts: { json?: boolean }) => {
      if (['.xlsx', '.docx', '.txt', '.xls', '.doc'].includes(extname(file).toLowerCase())) {
        const docs = await loadDocuments(file);
        const issues = docs.flatMap((d, i) => {
          const r = parseDocument(d.document);
          return r.ok ? [] : r.issues.map((x) => ({ path: docs.length > 1 ? `[${i}]${x.path.slice(1)}` : x.path, message: x.message }));
        });
        return report(file, issues, opts.json);
      }
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new CliError(`无法读取 ${file}：${(e as Error).message}`, EXIT.unreadable);
      }
      const r = parseDocument(json);
      return report(file, r.ok ? [] : r.issues, opts.json);
    });
}

function report(file: string, issues: Array<{ path: string; message: string }>, json?: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify({ valid: issues.length === 0, issues }, null, 2)}\n`);
  else if (issues.length === 0) process.stdout.write(`${file}：符合交换格式\n`);
  else process.stdout.write(`${issues.map((i) => `${i.path}: ${i.message}`).join('\n')}\n`);
  if (issues.length > 0) process.exitCode = EXIT.inputHasErrors;
}
