/**
 * Acceptance: the five seed texts (copied into test/inputs/seeds) imported with `importText` and
 * compared with the hand-made fixtures of packages/core/fixtures/seeds. What is compared, and why
 * ids, sources, notes and prose are not, is explained in projection.ts.
 *
 * - 000, 004: every table part equals the fixture.
 * - 002: the two money tables and the columns of the indicator table that are read where the
 *   fixture reads them; see KNOWN_DIFFERENCES_002 for the rest.
 * - 003: the itemised weights and points written in prose (tree of names, categories, weights, scores);
 *   items without stated points are in the import report.
 * - 001: the targets written in prose (§三(二), lines 66–116) as leaves with name and target.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type EvaluationDocument, type IndicatorNode } from '@jixiao/core';
import { importText, type ImportedDocument } from '../src/import/index.js';
import { leafMap, projectFundingTable, tableParts } from './projection.js';

const SEEDS: Record<string, string> = {
  '000': '000_276cc1fcb4b580db.txt',
  '001': '001_8a890486c2e9334d.txt',
  '002': '002_e9a4f6168b2439b9.txt',
  '003': '003_d4071ec3bfe87f8c.txt',
  '004': '004_0215334d099f138d.txt',
};

function imported(seed: string): ImportedDocument {
  const text = readFileSync(new URL(`./inputs/seeds/${SEEDS[seed]}`, import.meta.url), 'utf8');
  const r = importText(text, { fileName: SEEDS[seed]! });
  if (!r.ok) throw new Error(`${seed}: ${r.error.code} ${r.error.message}`);
  expect(r.documents).toHaveLength(1);
  return r.documents[0]!;
}

function fixture(seed: string): EvaluationDocument {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../core/fixtures/seeds/${seed}.json`, import.meta.url), 'utf8'));
  const r = parseDocument(raw);
  if (!r.ok) throw new Error(`fixture ${seed}: ${r.issues[0]?.path} ${r.issues[0]?.message}`);
  return r.document;
}

describe.each(['000', '004'])('seed %s: table parts equal the fixture', (seed) => {
  const mine = imported(seed);
  it('header, money tables, execution block, goals, indicator tree, department data and totals', () => {
    expect(tableParts(mine.document)).toEqual(tableParts(fixture(seed)));
  });
  it('reports where each part came from', () => {
    const { recognised } = mine.report;
    expect(recognised.length).toBeGreaterThan(20);
    for (const n of recognised.filter((x) => x.code === 'indicator-leaf')) expect(n.where).toMatch(/^第\d+行$/);
  });
});

describe('seed 004 report', () => {
  it('says which row was rejoined after the empty paragraph in 效益指标（40分）', () => {
    const { report } = imported('004');
    expect(report.guessed.some((n) => n.code === 'row-merged' && n.where === '第524行')).toBe(true);
    expect(report.skipped.some((n) => n.code === 'not-applicable' && n.message.includes('生态效益指标'))).toBe(true);
  });
});

/**
 * Differences in seed 002 that the importer does not close:
 * - the 投入 / 过程 / 产出 / 效果 frame and the 项目立项 / 资金落实 / 业务管理 / 财务管理 items come from the
 *   prose of §三 (L132–L135) in the fixture; the importer reads the table only;
 * - the printed table is misaligned: the 优 / 良 / 中 / 差 header sits one column right of the band
 *   values, and 指标值 and 上年完成指标 share a column, so bands and targets land in the wrong fields;
 * - the 效果 rows have no 项目绩效指标名称, the fixture names them after the 指标类型 cell;
 * - the department-level figures that the fixture types in as eight small money tables are prose.
 */
describe('seed 002: money tables and indicator table', () => {
  const mine = imported('002');
  const fx = fixture('002');
  it('资金到位 and 项目支出明细 (元) equal the fixture, row by row', () => {
    for (const kind of ['funds-arrival', 'sub-projects'] as const) {
      const a = mine.document.funding?.tables.find((t) => t.kind === kind);
      const b = fx.funding?.tables.find((t) => t.kind === kind);
      expect(a && b).toBeTruthy();
      const rows = (t: typeof a): unknown => (projectFundingTable(t!) as { rows: unknown }).rows;
      expect(rows(a)).toEqual(rows(b));
      expect(a!.unit).toBe(b!.unit);
    }
  });
  it('the five 产出 rows: names, 上年完成指标, 完成指标 and 完成率 as in the fixture', () => {
    const pick = (n: IndicatorNode): unknown => ({ name: n.name, lastYearActual: n.lastYearActual, actual: n.actual, completionRate: n.completionRate });
    const leaves = (nodes: readonly IndicatorNode[]): IndicatorNode[] => nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
    const expected = fx.indicators.find((n) => n.category === 'output')!.children!.map(pick);
    const got = leaves(mine.document.indicators).filter((n) => n.lastYearActual !== undefined).slice(0, 5).map(pick);
    expect(got).toEqual(expected);
  });
});

describe('seed 003: itemised weights and points written in prose', () => {
  const mine = imported('003');
  const fx = fixture('003');
  const tree = (nodes: readonly IndicatorNode[]): unknown =>
    nodes.map((n) => ({ name: n.name, category: n.category, declaredWeight: n.declaredWeight, weight: n.weight, printedScore: n.printedScore, children: n.children ? tree(n.children) : undefined }));
  it('the tree of names, weights and printed scores equals the fixture', () => {
    expect(tree(mine.document.indicators)).toEqual(tree(fx.indicators));
  });
  it('"（3）工业产品生产许可证核发（5分）… 该项指标得3.8分" → weight 5, printedScore 3.8', () => {
    const leaf = leafMap(mine.document.indicators, (n) => [n.weight ?? null, n.printedScore ?? null]).get('项目产出指标 › 数量指标 › 工业产品生产许可证核发');
    expect(leaf).toEqual(['5', '3.8']);
  });
  it('items without stated points are in the report, with their line', () => {
    const missing = mine.report.skipped.filter((n) => n.code === 'prose-score-missing');
    expect(missing.map((n) => n.where)).toEqual(['第170行', '第185行', '第187行', '第191行', '第193行', '第195行', '第196行']);
  });
  it('total and grade stated in the prose', () => {
    expect(mine.document.meta.printedTotal).toBe('94.5');
    expect(mine.document.meta.printedGrade).toBe('优');
    expect(mine.document.header.year).toBe(2019);
  });
});

/**
 * Differences in seed 001 that the importer does not close: the fixture names projects after the
 * titles of the project reports that follow (the importer after the §三(二) headings), adds targets
 * and actuals stated in those reports, and takes project funding from §二.
 */
describe('seed 001: targets written in prose', () => {
  const mine = imported('001');
  const fx = fixture('001');
  it('six embedded projects, each with its declared goal', () => {
    expect(mine.document.projects).toHaveLength(6);
    expect(mine.document.projects.map((p) => p.goals[0]?.expected)).toEqual(fx.projects.map((p) => p.goals[0]?.expected));
  });
  it('every target the fixture reads from §三(二) is a leaf with the same name and target', () => {
    const fromSection3 = (n: IndicatorNode): boolean => {
      const m = /^001:L(\d+)/.exec(n.source ?? '');
      return m !== null && Number(m[1]) >= 66 && Number(m[1]) <= 116;
    };
    fx.projects.forEach((p, i) => {
      const want = new Map([...leafMap(p.indicators, (n) => (fromSection3(n) ? n.target ?? null : '—'))].filter(([, v]) => v !== '—'));
      const got = leafMap(mine.document.projects[i]!.indicators, (n) => n.target ?? null);
      for (const [k, v] of want) expect([k, got.get(k)]).toEqual([k, v]);
    });
  });
  it('the self-score stated with no table behind it', () => {
    expect(mine.document.meta.statedSelfScore).toBe('95');
    expect(mine.document.meta.printedTotal).toBeUndefined();
  });
});
