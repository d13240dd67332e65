/** Builders shared by the library tests: small documents with chosen indicators, and the seeds. */
import { describe, expect, it } from 'vitest';
import { parse, seed } from '../audit/testing.test.js';
import type { EvaluationDocument, IndicatorNodeInput } from '../model/index.js';

export type Row = [name: string, target: string, actual?: string];

/** A project self-evaluation (or goals) with the rows under 产出指标 › 数量指标. */
export function docWith(org: string, year: number, rows: Row[], extra: { sector?: string; projectType?: string; stage?: 'goals' | 'self-evaluation'; id?: string; section?: string } = {}): EvaluationDocument {
  const leaves: IndicatorNodeInput[] = rows.map(([name, target, actual], i) => ({ id: `l${i}`, name, target, ...(actual !== undefined ? { actual } : {}) }));
  return parse({
    schemaVersion: 1,
    ...(extra.id !== undefined ? { id: extra.id } : {}),
    header: {
      title: `${year}年度项目绩效自评`,
      level: 'project',
      stage: extra.stage ?? 'self-evaluation',
      year,
      organisation: org,
      projectName: '专项',
      ...(extra.sector !== undefined ? { sector: extra.sector } : {}),
      ...(extra.projectType !== undefined ? { projectType: extra.projectType } : {}),
    },
    indicators: [{ id: 'out', name: '产出指标', children: [{ id: 'out.q', name: extra.section ?? '数量指标', children: leaves }] }],
  });
}

export const SEEDS = ['000', '001', '002', '003', '004'].map(seed);

describe('library test builders', () => {
  it('build valid documents', () => {
    expect(docWith('甲局', 2023, [['监督抽查批次', '≥600批次', '620批次']]).indicators[0]!.children![0]!.children).toHaveLength(1);
  });
});
