/** @module `jixiao targets EXPR [--actual A] [--json]` and `jixiao targets --file F --json`: how targets are read. */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { describeTarget, evaluate, evaluationToJson, parseActual, parseTarget, targetToJson } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';

interface TargetLine {
  input: string;
  parsed: ReturnType<typeof targetToJson>;
  evaluation?: ReturnType<typeof evaluationToJson>;
}

/** Parses one target, and evaluates an actual against it when given. */
export function readTarget(input: string, actual?: string): TargetLine {
  const parsed = parseTarget(input);
  const line: TargetLine = { input, parsed: targetToJson(parsed) };
  if (actual !== undefined) line.evaluation = evaluationToJson(evaluate(parsed, parseActual(actual)));
  return line;
}

export function registerTargets(program: Command): void {
  program
    .command('targets')
    .description('解析年度指标值，可与实际完成值比较（parse target expressions）')
    .argument('[expr]', '指标值，如 "600批次以上"')
    .option('--actual <a>', '实际完成值，如 "644批次"')
    .option('--file <f>', '每行一个指标值，或 指标值<TAB>实际完成值')
    .option('--json', '输出 JSON（--file 时每行一个对象）')
    .action(async (expr: string | undefined, opts: { actual?: string; file?: string; json?: boolean }) => {
      if (opts.file) {
        let text: string;
        try {
          text = await readFile(opts.file, 'utf8');
        } catch (e) {
          throw new CliError(`无法读取 ${opts.file}：${(e as Error).message}`, EXIT.unreadable);
        }
        for (const raw of text.split(/\r?\n/)) {
          if (raw.trim() === '') continue;
          const [target, actual] = raw.split('\t');
          const line = readTarget(target ?? '', actual);
          process.stdout.write(opts.json ? `${JSON.stringify(line)}\n` : `${human(line, target ?? '')}\n`);
        }
        return;
      }
      if (expr === undefined) throw new CliError('请给出指标值，或用 --file', EXIT.inputHasErrors);
      const line = readTarget(expr, opts.actual);
      process.stdout.write(opts.json ? `${JSON.stringify(line, null, 2)}\n` : `${human(line, expr)}\n`);
    });
}

function human(line: TargetLine, input: string): string {
  const out = [`${input} → ${describeTarget(parseTarget(input))}`];
  if (line.evaluation) out.push(`  ${line.evaluation.status}${line.evaluation.ratio ? `（${line.evaluation.ratio}）` : ''}：${line.evaluation.explanation}`);
  return out.join('\n');
}
