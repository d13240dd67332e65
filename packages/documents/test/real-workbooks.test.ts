/**
 * The real goal-declaration workbooks (二级项目支出绩效目标申报表, 深圳市宝安区松岗街道, 2023), copied into
 * test/inputs/real. Each sheet is one project; the golden file keeps a summary per document (header,
 * amounts, indicator tree, report codes) so a change in what is read shows up as a reviewable diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/core';
import { importFile, type ImportedDocument } from '../src/import/index.js';
import { expectGolden } from './support/golden.js';

async function load(which: 'a' | 'b'): Promise<ImportedDocument[]> {
  const fileName = `shenzhen-songgang-2023-goals-${which}.xlsx`;
  const bytes = new Uint8Array(readFileSync(new URL(`./inputs/real/${fileName}`, import.meta.url)));
  const r = await importFile(bytes, { fileName });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.documents;
}

const leaves = (nodes: readonly IndicatorNode[]): IndicatorNode[] => nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : n.category ? [] : [n]));

function summary(d: ImportedDocument): unknown {
  const doc = d.document;
  return {
    projectCode: doc.header.projectCode,
    projectName: doc.header.projectName,
    stage: doc.header.stage,
    year: doc.header.year,
    organisation: doc.header.organisation,
    amounts: doc.funding?.tables.map((t) => `${t.rows[0]?.label}=${Object.values(t.rows[0]?.amounts ?? {})[0]} ${t.unit}`),
    goal: doc.goals[0]?.expected.slice(0, 30),
    sections: doc.indicators.map((s) => `${s.name}(${(s.children ?? []).map((c) => c.name).join('、')})`),
    leaves: leaves(doc.indicators).map((l) => `${l.name} → ${l.target ?? ''}`),
    notes: doc.notes,
    report: {
      skipped: [...new Set(d.report.skipped.map((n) => n.code))].sort(),
      guessed: d.report.guessed.map((n) => `${n.code}@${n.where}`),
    },
  };
}

describe.each(['a', 'b'] as const)('shenzhen-songgang-2023-goals-%s.xlsx', (which) => {
  it('one goals document per sheet, 20 in all, every one valid', async () => {
    const docs = await load(which);
    expect(docs).toHaveLength(20);
    for (const d of docs) {
      expect(d.document.header.stage).toBe('goals');
      expect(d.document.header.year).toBe(2023);
      expect(d.document.indicators.map((n) => n.category)).toEqual(['output', 'benefit', 'satisfaction']);
    }
    expectGolden(`real-goals-${which}`, docs.map(summary));
  });
});

describe('quirks of the real files', () => {
  it('a 项目编码 stored as a float is kept as printed and flagged', async () => {
    const [first] = await load('a');
    expect(first!.document.header.projectCode).toBe('440306231391500000000');
    const note = first!.report.guessed.find((n) => n.code === 'float-code');
    expect(note?.where).toBe('1.社区工作站经费（沙浦围社区工作站）!B2');
  });

  it('an empty indicator grid gives sections without leaves and an empty-grid note', async () => {
    const [first] = await load('a');
    expect(leaves(first!.document.indicators)).toEqual([]);
    expect(first!.report.skipped.some((n) => n.code === 'empty-grid')).toBe(true);
  });

  it('万元 labels over 元 amounts are recorded as 元 without rescaling, as a guess with its reason', async () => {
    const docs = await load('b');
    const t = docs[0]!.document.funding!.tables.find((x) => x.id === 'annual-amount')!;
    expect(t.unit).toBe('元');
    expect(t.rows[0]!.amounts.annualBudget).toBe('10185500');
    const g = docs[0]!.report.guessed.find((n) => n.code === 'unit-mismatch' && n.where.endsWith('!E6'));
    expect(g?.level).toBe('warning');
    expect(g?.message).toContain('10185500');
    // A small amount confirmed elsewhere in the sheet ("不超过1万一年"): 10000 元, not 1 亿元.
    const gas = docs[2]!;
    expect(gas.document.funding!.tables.find((x) => x.id === 'annual-amount')!.unit).toBe('元');
  });

  it('不适用 rows are not indicators and are listed as skipped', async () => {
    const docs = await load('b');
    const d = docs[0]!;
    expect(leaves(d.document.indicators).map((l) => l.name)).not.toContain('不适用');
    expect(d.report.skipped.filter((n) => n.code === 'not-applicable').map((n) => n.where)).toContain('1.政府购买服务（专业技术服务类+党群服务中心社工）!C16');
  });

  it('stray quotes and tabs around long texts are removed and reported', async () => {
    const docs = await load('b');
    const d = docs[1]!;
    const policy = d.document.prose.find((p) => p.heading === '政策依据');
    expect(policy?.text.startsWith('1《.关于发布宝安区居家养老消费券定点服务机构的通知》')).toBe(true);
    expect(policy?.text).not.toMatch(/["\t]/);
    expect(d.report.guessed.some((n) => n.code === 'stray-chars' && n.where.endsWith('!B7'))).toBe(true);
  });
});
