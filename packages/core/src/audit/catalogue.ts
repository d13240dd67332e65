/** @module The check catalogue: what each audit code checks, for documentation and the UI, and its Markdown rendering. */
import { Dec } from '../decimal/index.js';
import { HISTORY_THRESHOLDS } from './checks/history.js';
import { CHECKS } from './messages.js';
import type { CheckCode } from './messages.js';
import type { CheckFamily, CheckInfo, Finding, FindingJson } from './types.js';

/** Families in catalogue order, with their Chinese and English names. */
export const FAMILIES: ReadonlyArray<{ family: CheckFamily; title: string; titleEn: string }> = [
  { family: 'arithmetic', title: '数字核对', titleEn: 'Arithmetic' },
  { family: 'weights', title: '权重', titleEn: 'Weights' },
  { family: 'scoring', title: '评分', titleEn: 'Scoring' },
  { family: 'quality', title: '指标质量', titleEn: 'Indicator quality (SMART)' },
  { family: 'prose', title: '正文与表格', titleEn: 'Prose vs tables' },
  { family: 'history', title: '跨年度', titleEn: 'Across years' },
  { family: 'goals', title: '绩效目标申报', titleEn: 'Goal declaration' },
];

/** Every check, grouped by family in catalogue order, codes in the order of the messages table within a family. */
export function auditCatalogue(): CheckInfo[] {
  const codes = Object.keys(CHECKS) as CheckCode[];
  return FAMILIES.flatMap(({ family }) =>
    codes
      .filter((code) => CHECKS[code].family === family)
      .map((code) => {
        const d = CHECKS[code];
        return { code, family: d.family, severity: d.severity, title: d.title, titleEn: d.titleEn, checks: d.checks, checksEn: d.checksEn };
      }),
  );
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

/** `docs/audit-checks.md`: the catalogue as Markdown (written by `packages/core/scripts/write-audit-docs.mjs`). */
export function auditCatalogueMarkdown(): string {
  const all = auditCatalogue();
  const lines: string[] = [
    '# 智能审核检查目录 (audit checks)',
    '',
    '<!-- Generated from auditCatalogue() by packages/core/scripts/write-audit-docs.mjs; do not edit by hand. -->',
    '',
    '`jixiao audit FILE` 与 `auditDocument(doc)` 报告的每一项检查：代码、级别、检查内容。级别：错误（文档自相矛盾或与规则不符）、警告（需要审核人员查看）、提示。',
    '',
    `Every check reported by \`auditDocument\` and \`jixiao audit\`: ${all.length} codes. Severity: error (the document contradicts itself or the rules), warning (a reviewer should look), info.`,
    '',
    `Defaults across years: a target changing by ${pct(HISTORY_THRESHOLDS.targetChange)} or more, money by ${pct(HISTORY_THRESHOLDS.moneyChange)} or more. Tolerances for printed figures come from the rule set (half a unit of the last printed place, capped by \`tolerance.max\`); "target set too low" uses the rule set's \`targetTooLowFactor\` / \`targetTooHighFactor\`.`,
    '',
  ];
  for (const fam of FAMILIES) {
    const checks = all.filter((c) => c.family === fam.family);
    if (checks.length === 0) continue;
    lines.push(`## ${fam.title} (${fam.titleEn})`, '', '| 代码 code | 级别 severity | 检查 | What it checks |', '| --- | --- | --- | --- |');
    for (const c of checks) {
      lines.push(`| \`${c.code}\` | ${SEVERITY_ZH[c.severity]} ${c.severity} | **${cell(c.title)}**：${cell(c.checks)} | **${cell(c.titleEn)}.** ${cell(c.checksEn)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function pct(fraction: string): string {
  return `${Dec.of(fraction).times(Dec.HUNDRED).toString()}%`;
}

/** The JSON shape of a finding: what `jixiao audit --json` prints. */
export function findingToJson(f: Finding): FindingJson {
  return { code: f.code, severity: f.severity, message: f.message, path: f.path, location: f.location, figures: { ...f.figures }, suggestion: f.suggestion };
}
