/**
 * Round trips between the exporters and the importers, on the seed fixtures and on generated documents:
 *
 * - document → docx → document, and document → xlsx → document: the projection below is unchanged;
 * - xlsx → document → xlsx: importing an exported workbook and exporting it again reaches a fixed point
 *   (the second workbook's cells and merges equal the first's) and keeps the projection.
 *
 * The projection is what the official 自评表 (and, for the docx, the report around it) carries:
 * - header: level, year, 项目名称, 主管部门, 实施单位; the 预算部门 of departments; the docx adds the
 *   report title and the organisation (the 自评表 of a project names no organisation of its own);
 * - funding: money unit; 分值 / 执行率 / 得分 of the execution block; the 项目资金 table with the official
 *   columns (年初预算数 / 全年预算数 / 全年执行数; its total row is 年度资金总额 whatever the source called it)
 *   and, for departments, the 按收入性质分 / 按支出性质分 breakdowns (one amount per row), each row with
 *   label, role and amounts (exact decimals compared by value, "155.00" = "155"); rows with no amount at
 *   all are left out (a blank printed row carries nothing but its label, and readers may drop it);
 * - goals: 预期目标 and 实际完成情况 text;
 * - the indicator tree: names, the weight printed in a section's label (declared, or given), and per leaf
 *   weight (an empty section's declared one), target, actual, printed score and 偏差原因分析及改进措施;
 * - meta: 总分 as printed; the docx also carries the printed grade (in 综合评价结论);
 * - department basic data (基础数据表): staffing as printed, expense-control columns and rows (labels and
 *   values; the kinds and parents of rows are the importer's reading of the labels, not printed data),
 *   buildings and 厉行节约保障措施.
 * Not projected, because the official layout has no place for them: ids and `source`, categories, section
 * scores and reasons, bands, completion rates, evidence, notes, the reports of embedded projects, and the
 * prose (the docx keeps it, but reads it back with the drafted sections added).
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Dec, EvaluationDocument } from '@jixiao/core';
import type { EvaluationDocumentInput, FundingRow, IndicatorNode } from '@jixiao/core';
import { exportDocx, exportXlsx } from './export/index.js';
import { seedFixtures } from './export/testing.js';
import { importFile } from './import/index.js';

type Projected = Record<string, unknown>;

const num = (s: string | undefined): string | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const d = Dec.parse(s.trim());
  return d ? d.toString() : s.trim();
};
const txt = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\r\n?/g, '\n').trim();
  return t === undefined || t === '' ? undefined : t;
};
const amounts = (a: Partial<Record<string, string>>, only?: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    Object.entries(a)
      .flatMap(([k, v]) => (num(v) === undefined || (only && !only.includes(k)) ? [] : [[k, num(v)!] as const]))
      .sort(([x], [y]) => x.localeCompare(y)),
  );
/** Amount columns of the 自评表's funding block. */
const OFFICIAL = ['initialBudget', 'annualBudget', 'executed'];

function indicator(n: IndicatorNode): Projected {
  const section = n.children !== undefined && n.children.length > 0;
  if (section) return { name: txt(n.name), weight: num(n.declaredWeight ?? n.weight), children: n.children!.map(indicator) };
  return {
    name: txt(n.name),
    weight: num(n.weight ?? n.declaredWeight),
    target: txt(n.target),
    actual: txt(n.actual),
    score: num(n.printedScore),
    reason: txt(n.deviationReason),
  };
}

/** The projection (see the module comment); `via` says which file carried the document. */
function project(doc: EvaluationDocument, via: 'xlsx' | 'docx'): Projected {
  const h = doc.header;
  const department = h.level === 'department';
  const kinds = department ? ['project-funding', 'income-nature', 'expenditure-nature'] : ['project-funding'];
  const tables = kinds.flatMap((kind) => {
    const main = kind === 'project-funding';
    // The breakdowns are the 自评表's only when they hold one amount per row.
    const t = doc.funding?.tables.find((x) => x.kind === kind && (main || x.rows.every((r) => Object.keys(r.amounts).every((k) => k === 'amount'))));
    const rows = (t?.rows ?? [])
      .map((r: FundingRow) => ({
        label: main && r.role === 'total' ? '年度资金总额' : txt(r.label),
        role: r.role,
        amounts: amounts(r.amounts, main ? OFFICIAL : ['amount']),
      }))
      .filter((r) => Object.keys(r.amounts).length > 0);
    return rows.length > 0 ? [{ kind, rows }] : [];
  });
  const ex = doc.funding?.execution;
  const d = doc.department;
  return {
    header: {
      level: h.level,
      year: h.year,
      projectName: department ? undefined : txt(h.projectName),
      supervisingDepartment: department ? undefined : txt(h.supervisingDepartment),
      implementingUnits: department ? [] : h.implementingUnits.map((u) => u.trim()),
      organisation: department || via === 'docx' ? txt(h.organisation) : undefined,
      title: via === 'docx' ? txt(h.title) : undefined,
    },
    funding:
      doc.funding === undefined || (tables.length === 0 && ex === undefined)
        ? undefined
        : { unit: doc.funding.unit, execution: ex && { weight: num(ex.weight), printedRate: txt(ex.printedRate), printedScore: num(ex.printedScore) }, tables },
    goals: doc.goals.map((g) => ({ expected: txt(g.expected), actual: txt(g.actual) })).filter((g) => g.expected !== undefined || g.actual !== undefined),
    indicators: doc.indicators.map(indicator),
    meta: { printedTotal: num(doc.meta.printedTotal), printedGrade: via === 'docx' ? txt(doc.meta.printedGrade) : undefined },
    department: d && {
      staffing: d.staffing && { authorized: num(d.staffing.authorized), actual: num(d.staffing.actual), actualLabel: txt(d.staffing.actualLabel), printedControlRate: txt(d.staffing.printedControlRate) },
      expenseControl: d.expenseControl && {
        unit: d.expenseControl.unit,
        columns: d.expenseControl.columns.map((c) => ({ label: txt(c.label), year: c.year, stage: c.stage })),
        rows: d.expenseControl.rows.map((r) => ({
          label: txt(r.label),
          values: Object.fromEntries(
            d.expenseControl!.columns.flatMap((c) => (num(r.values[c.key]) === undefined ? [] : [[txt(c.label)!, num(r.values[c.key])!]])),
          ),
        })),
      },
      buildings: d.buildings.map((b) => ({ ...b, name: txt(b.name) })),
      savingMeasures: txt(d.savingMeasures),
    },
  };
}

/** Imports bytes and merges what the importer returns per sheet (自评表 and 基础数据表) into one document. */
async function importBack(bytes: Uint8Array, fileName: string): Promise<EvaluationDocument> {
  const r = await importFile(bytes, { fileName });
  if (!r.ok) throw new Error(`import failed: ${r.error.code} ${r.error.message}`);
  const docs = r.documents.map((d) => d.document);
  const main = docs[0]!;
  const department = main.department ?? docs.find((d) => d.department !== undefined)?.department;
  return EvaluationDocument.parse({ ...main, ...(department ? { department } : {}) });
}

/** Cell values and merges of every sheet, for comparing two workbooks exactly. */
async function cells(bytes: Uint8Array): Promise<Array<{ name: string; merges: string[]; values: string[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const values: string[] = [];
    ws.eachRow((row, r) => row.eachCell((cell, c) => values.push(`${r},${c}=${JSON.stringify(cell.value)}`)));
    return { name: ws.name, merges: [...(ws.model as unknown as { merges: string[] }).merges].sort(), values };
  });
}

async function roundTrips(doc: EvaluationDocument): Promise<void> {
  // document → docx → document
  const fromDocx = await importBack(await exportDocx(doc), 'report.docx');
  expect(project(fromDocx, 'docx')).toEqual(project(doc, 'docx'));
  // document → xlsx → document
  const x0 = await exportXlsx(doc);
  const d1 = await importBack(x0, 'table.xlsx');
  expect(project(d1, 'xlsx')).toEqual(project(doc, 'xlsx'));
  // xlsx → document → xlsx: a fixed point after one import, with the projection kept.
  const x1 = await exportXlsx(d1);
  const d2 = await importBack(x1, 'table.xlsx');
  expect(project(d2, 'xlsx')).toEqual(project(d1, 'xlsx'));
  const x2 = await exportXlsx(d2);
  expect(await cells(x2)).toEqual(await cells(x1));
}

describe('round trips through the exporters and the importers', () => {
  it.each(seedFixtures().map((s) => [s.name, s.doc] as const))('keeps seed %s', async (_name, doc) => {
    await roundTrips(doc);
  }, 60_000);

  it('keeps generated documents', async () => {
    await fc.assert(fc.asyncProperty(documents(), async (doc) => roundTrips(doc)), { numRuns: 25 });
  }, 300_000);
});

// ---------------------------------------------------------------------------------------------
// Generated documents: consistent by construction (leaf weights under sections, scores within weights,
// item rows under a total, the total of a department's breakdowns equal to its 全年预算数).

const ORGS = ['益阳市市场监督管理局', '临武县市场监督管理局', '南昌市质量技术监督局', '云南省质量技术监督局'];
const SUPERVISORS = ['益阳市人民政府', '市财政局', '县人民政府'];
const PROJECTS = ['质量监督专项', '食品安全监管专项', '知识产权战略经费', '智慧监管平台建设专项'];
const SECTIONS: Array<[string, string[]]> = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
  ['成本指标', ['经济成本指标']],
];
const LEAVES = ['产品质量监督抽查量', '抽查合格率', '企业开办时间', '食品抽检批次', '投诉处理及时率', '公众满意度', '抽检成本', '标准制修订数量', '专利授权量'];
const TARGETS = ['600批次以上', '93%以上', '≥600批次', '≤700元/批次', '2个工作日内', '100%', '1次', '逐步提高', '持续向好', '≧4.5%'];
const ACTUALS = ['644批次', '95.03%', '612批次', '700元/批次', '1.5个工作日', '100%', '1次', '逐步提高', '持续向好', '7.37%'];
const REASONS = ['部分企业停产，监测样品不足；下年提前安排抽样计划。', '年底集中支付，进度偏慢。', '指标值设置偏低，下年度调整。'];
const SOURCES = ['其中：同级财政拨款', '省级财政拨款', '上年结转资金', '其他资金'];

const money = fc.bigInt({ min: 1n, max: 10n ** 9n }).map((u) => Dec.fromUnits(u, 2).toString());
const score = (weight: number): fc.Arbitrary<string> => fc.integer({ min: 0, max: weight * 10 }).map((t) => Dec.fromUnits(BigInt(t), 1).toString());

function leaf(prefix: string): fc.Arbitrary<IndicatorNode> {
  return fc
    .record({
      name: fc.constantFrom(...LEAVES),
      weight: fc.integer({ min: 1, max: 20 }),
      target: fc.constantFrom(...TARGETS),
      actual: fc.constantFrom(...ACTUALS),
      reason: fc.option(fc.constantFrom(...REASONS), { nil: undefined }),
    })
    .chain((l) =>
      score(l.weight).map((s) => ({
        id: prefix,
        name: l.name,
        weight: String(l.weight),
        target: l.target,
        actual: l.actual,
        printedScore: s,
        ...(l.reason !== undefined ? { deviationReason: l.reason } : {}),
      })),
    );
}

/** Two levels (一级 → indicators, as in seed 002's framework) or three (一级 → 二级 → 三级). */
function tree(): fc.Arbitrary<IndicatorNode[]> {
  return fc.boolean().chain((flat) => (flat ? twoLevels() : threeLevels()));
}

function twoLevels(): fc.Arbitrary<IndicatorNode[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: SECTIONS.length - 1 }), { minLength: 1, maxLength: 3 }).chain((tops) =>
    fc.tuple(
      ...tops.map((t, i) =>
        fc.array(leaf(String(i)), { minLength: 1, maxLength: 3 }).map((ls) => ({
          id: String(i),
          name: SECTIONS[t]![0],
          declaredWeight: String(ls.reduce((a, l) => a + Number(l.weight), 0)),
          children: ls.map((l, k) => ({ ...l, id: `${i}.${k}` })),
        })),
      ),
    ),
  );
}

function threeLevels(): fc.Arbitrary<IndicatorNode[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: SECTIONS.length - 1 }), { minLength: 1, maxLength: 3 }).chain((tops) =>
    fc.tuple(
      ...tops.map((t, i) => {
        const [name, subs] = SECTIONS[t]!;
        return fc.uniqueArray(fc.integer({ min: 0, max: subs.length - 1 }), { minLength: 1, maxLength: Math.min(2, subs.length) }).chain((ss) =>
          fc.tuple(...ss.map((s, j) => fc.array(leaf(`${i}.${j}`), { minLength: 1, maxLength: 3 }).map((ls) => ({ s, ls })))).map((children) => ({
            id: String(i),
            name,
            declaredWeight: String(children.reduce((a, c) => a + c.ls.reduce((b, l) => b + Number(l.weight), 0), 0)),
            children: children.map(({ s, ls }, j) => ({ id: `${i}.${j}`, name: subs[s]!, children: ls.map((l, k) => ({ ...l, id: `${i}.${j}.${k}` })) })),
          })),
        );
      }),
    ),
  );
}

function documents(): fc.Arbitrary<EvaluationDocument> {
  return fc
    .record({
      department: fc.boolean(),
      year: fc.integer({ min: 2015, max: 2030 }),
      org: fc.constantFrom(...ORGS),
      supervisor: fc.constantFrom(...SUPERVISORS),
      project: fc.constantFrom(...PROJECTS),
      indicators: tree(),
      initial: money,
      annual: money,
      executed: money,
      items: fc.uniqueArray(fc.integer({ min: 0, max: SOURCES.length - 1 }), { minLength: 1, maxLength: 3 }).chain((idx) =>
        fc.tuple(...idx.map((i) => money.map((m) => ({ label: SOURCES[i]!, executed: m })))),
      ),
      natures: fc.tuple(money, money, money),
      staffing: fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })),
      expenses: fc.tuple(money, money, money, money),
      goals: fc.array(fc.record({ expected: fc.constantFrom('开展产品质量监督抽查；\n加强特种设备安全监管。', '扶持市场主体发展，提升监管效能。'), actual: fc.constantFrom('完成省抽644批次。', '全年抽查重点特种设备使用单位340家。') }), { minLength: 1, maxLength: 2 }),
      execScore: score(10),
    })
    .map((g) => {
      const scoreSum = (nodes: IndicatorNode[]): Dec => nodes.reduce((a, n) => a.plus(n.children ? scoreSum(n.children) : Dec.of(n.printedScore ?? '0')), Dec.ZERO);
      const tables: NonNullable<EvaluationDocumentInput['funding']>['tables'] = [
        {
          id: 'project-funding',
          kind: 'project-funding',
          unit: '万元',
          title: g.department ? '年度预算申请（万元）' : '项目资金（万元）',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { initialBudget: g.initial, annualBudget: g.annual, executed: g.executed } },
            ...(g.department ? [] : g.items.map((it) => ({ label: it.label, role: 'item' as const, amounts: { executed: it.executed } }))),
          ],
        },
      ];
      if (g.department) {
        tables.push(
          { id: 'income-nature', kind: 'income-nature', unit: '万元', rows: [{ label: '年度资金总额', role: 'total', amounts: { amount: g.annual } }, { label: '其中：一般公共预算', role: 'item', amounts: { amount: g.natures[0] } }, { label: '其他资金', role: 'item', amounts: { amount: g.natures[1] } }] },
          { id: 'expenditure-nature', kind: 'expenditure-nature', unit: '万元', rows: [{ label: '年度资金总额', role: 'total', amounts: { amount: g.annual } }, { label: '其中：基本支出', role: 'item', amounts: { amount: g.natures[2] } }] },
        );
      }
      const input: EvaluationDocumentInput = {
        schemaVersion: 1,
        header: {
          title: g.department ? `${g.year}年部门整体支出绩效自评报告` : `${g.year}年度${g.project}绩效自评报告`,
          level: g.department ? 'department' : 'project',
          year: g.year,
          organisation: g.org,
          ...(g.department ? {} : { supervisingDepartment: g.supervisor, implementingUnits: [g.org], projectName: g.project }),
        },
        funding: { unit: '万元', tables, execution: { weight: '10', printedRate: '100%', printedScore: g.execScore } },
        goals: g.goals,
        indicators: g.indicators,
        meta: { team: [], problems: [], measures: [], printedTotal: scoreSum(g.indicators).plus(Dec.of(g.execScore)).toString(), printedGrade: '优' },
        ...(g.department
          ? {
              department: {
                staffing: { authorized: String(g.staffing[0]), actual: String(g.staffing[1]), actualLabel: `${g.year - 1}年实际在职人数` },
                expenseControl: {
                  unit: '万元',
                  columns: [
                    { key: 'b', label: `${g.year}年预算数`, year: g.year, stage: 'budget' },
                    { key: 'f', label: `${g.year}年决算数`, year: g.year, stage: 'final' },
                  ],
                  rows: [
                    { id: 'three', label: '三公经费', kind: 'three-public-total', values: { b: g.expenses[0], f: g.expenses[1] } },
                    { id: 'reception', label: '3、公务接待', kind: 'reception', parent: 'three', values: { b: g.expenses[2], f: g.expenses[3] } },
                  ],
                },
                buildings: [],
                savingMeasures: '严控支出标准，压减三公经费。',
              },
            }
          : {}),
      };
      return EvaluationDocument.parse(input);
    });
}
