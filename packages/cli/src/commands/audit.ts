/** @module `jixiao audit FILE... [--json] [--min-severity S] [--history FILE...] [--rules ID]`: the audit findings of each document. */
import type { Command } from 'commander';
import { auditDocument, findingToJson, getRuleSet, severityAtLeast } from '@jixiao/core';
import type { AuditResult, EvaluationDocument, Finding, FindingJson, Severity } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { loadDocument } from '../io/load.js';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_VALUES: readonly Severity[] = ['error', 'warning', 'info'];

interface AuditOptionsCli {
  json?: boolean;
  minSeverity?: string;
  history?: string[];
  rules?: string;
}

/** One audited file, or the reason it could not be audited. */
type FileOutcome = { file: string; result: AuditResult } | { file: string; error: CliError };

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('智能审核：找出自评报告中对不上的数字、权重、评分与表述（audit documents）')
    .argument('<files...>', '交换格式 JSON，或 .xlsx / .docx / .txt')
    .option('--json', '输出 JSON：{ findings: [{ code, severity, message, path, location, figures, suggestion }] }；多个文件时为数组，每项带 file')
    .option('--min-severity <severity>', '只显示不低于该级别的发现：error | warning | info', 'info')
    .option('--history <files...>', '同一单位、同一项目往年的文档，用于跨年度比较')
    .option('--rules <id>', '规则集 id 或 id@version（默认：文档所指定的，或按层级的全国规则）')
    .action(async (files: string[], opts: AuditOptionsCli) => {
      const minimum = parseSeverity(opts.minSeverity ?? 'info');
      if (opts.rules && !getRuleSet(opts.rules)) throw new CliError(`未知规则集：${opts.rules}（jixiao rules list 查看）`, EXIT.inputHasErrors);
      const history: EvaluationDocument[] = [];
      for (const h of opts.history ?? []) history.push((await loadDocument(h)).document);

      const outcomes: FileOutcome[] = [];
      for (const file of files) {
        try {
          const { document } = await loadDocument(file);
          outcomes.push({ file, result: auditDocument(document, { ruleSet: opts.rules, history }) });
        } catch (e) {
          if (!(e instanceof CliError)) throw e;
          outcomes.push({ file, error: e });
        }
      }

      for (const o of outcomes) if ('error' in o) process.stderr.write(`jixiao: ${o.error.message}\n`);
      const audited = outcomes.filter((o): o is { file: string; result: AuditResult } => 'result' in o);
      if (opts.json) {
        const shown = audited.map((o) => ({ file: o.file, findings: visible(o.result.findings, minimum).map(findingToJson) }));
        const payload: { findings: FindingJson[] } | Array<{ file: string; findings: FindingJson[] }> =
          files.length === 1 && shown.length === 1 ? { findings: shown[0]!.findings } : shown;
        if (audited.length > 0 || files.length > 1) process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
      } else {
        process.stdout.write(audited.map((o) => renderAudit(o.file, o.result, minimum)).join('\n\n') + (audited.length > 0 ? '\n' : ''));
      }

      // 2 when an input could not be read, else 1 when a document has errors (error-level findings or an invalid file), else 0.
      const codes = outcomes.map((o) => ('error' in o ? o.error.exitCode : o.result.counts.error > 0 ? EXIT.inputHasErrors : EXIT.ok));
      process.exitCode = codes.includes(EXIT.unreadable) ? EXIT.unreadable : codes.includes(EXIT.inputHasErrors) ? EXIT.inputHasErrors : EXIT.ok;
    });
}

function parseSeverity(text: string): Severity {
  const s = text.trim().toLowerCase();
  if ((SEVERITY_VALUES as readonly string[]).includes(s)) return s as Severity;
  throw new CliError(`--min-severity 应为 error、warning 或 info，而不是“${text}”`, EXIT.inputHasErrors);
}

function visible(findings: readonly Finding[], minimum: Severity): Finding[] {
  return findings.filter((f) => severityAtLeast(f.severity, minimum));
}

/** Human-readable findings of one file, grouped by location in document order. */
export function renderAudit(file: string, result: AuditResult, minimum: Severity = 'info'): string {
  const { counts } = result;
  const out: string[] = [
    `${file}`,
    `规则集：${result.ruleSet}；错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`,
  ];
  const shown = visible(result.findings, minimum);
  if (shown.length === 0) {
    out.push(counts.error + counts.warning + counts.info === 0 ? '未发现问题。' : `没有${SEVERITY_ZH[minimum]}及以上级别的发现。`);
    return out.join('\n');
  }
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const list = groups.get(f.location) ?? [];
    list.push(f);
    groups.set(f.location, list);
  }
  for (const [location, list] of groups) {
    out.push('', `【${location || '文档'}】`);
    for (const f of list) {
      out.push(`  ${SEVERITY_ZH[f.severity]} ${f.code}  ${f.message}`);
      out.push(`       建议：${f.suggestion}`);
    }
  }
  return out.join('\n');
}
