#!/usr/bin/env node
/** @module The `jixiao` command: one file per command under commands/. Data to stdout, errors to stderr. */
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerRules } from './commands/rules.js';
import { registerScore } from './commands/score.js';
import { registerTargets } from './commands/targets.js';
import { registerValidate } from './commands/validate.js';
import { registerDemo } from './commands/demo.js';
import { CliError, EXIT } from './io/exit.js';

const program = new Command();
program
  .name('jixiao')
  .description('jixiao（绩效）：预算绩效管理 — 评分、审核、导入与导出')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerScore(program);
registerAudit(program);
registerImport(program);
registerExport(program);
registerValidate(program);
registerRules(program);
registerTargets(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError) {
    process.stderr.write(`jixiao: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else if (e instanceof CommanderError) {
    // Usage errors were already printed by commander; help and version exit 0.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
  } else {
    process.stderr.write(`jixiao: 内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  }
}
