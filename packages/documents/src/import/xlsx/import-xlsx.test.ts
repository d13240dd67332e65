import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/support/golden.js';
import { basicDataTable, departmentTable, projectTable, workbook, type Block } from '../../../test/support/make-xlsx.js';
import type { ImportedDocument } from '../types.js';
import { importXlsx } from './import-xlsx.js';

async function one(bytes: Uint8Array, fileName = '自评表.xlsx'): Promise<ImportedDocument[]> {
  const r = await importXlsx(bytes, { fileName });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.documents;
}

const codes = (d: ImportedDocument, bucket: 'recognised' | 'skipped' | 'guessed'): string[] => [...new Set(d.report[bucket].map((n) => n.code))];

describe('importXlsx: 项目支出绩效自评表 layouts', () => {
  it('the classic layout: title row, merges across rows and columns, wrapped headers', async () => {
    const [doc] = await one(await workbook([{ name: '自评表', blocks: [projectTable()] }]));
    expectGolden('xlsx-project-classic', doc);
    expect(doc!.document.indicators.map((n) => [n.name, n.declaredWeight])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
    expect(doc!.report.recognised.find((n) => n.code === 'indicator-leaf')?.where).toBe('自评表!D13');
  });

  it('numbers stored as text, 元, formulas with cached values', async () => {
    const [doc] = await one(await workbook([{ name: 'Sheet1', blocks: [projectTable({ unit: '元', textNumbers: true, formulas: true })] }]));
    const d = doc!.document;
    expect(d.funding?.unit).toBe('元');
    expect(d.funding?.tables[0]?.rows[0]?.amounts).toEqual({ initialBudget: '155.00', annualBudget: '155.00', executed: '243.03' });
    expect(d.funding?.execution?.printedRate).toBe('156.79%');
    expect(d.meta.printedTotal).toBe('98.4');
    expect(codes(doc!, 'recognised')).toEqual(expect.arrayContaining(['formula-cached', 'text-number']));
    expect(doc!.report.recognised.find((n) => n.code === 'formula-cached')?.where).toMatch(/^Sheet1!(H5|H20)$/);
  });

  it('reordered columns (权重 before 年度指标值), 复核分, a table away from A1, no title', async () => {
    const block: Block = {
      at: [4, 3],
      rows: [
        ['项目名称', '食品安全抽检专项', null, '预算年度', '2021年'],
        ['实施单位', '某县市场监督管理局', null, '主管部门', '某县人民政府'],
        ['资金（元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
        ['年度资金总额', '1,000,000.00', '1,200,000.00', '1,140,000.00', '95%', '10', '9.5'],
        ['其中：本级财政资金', '1,000,000.00', '1,000,000.00', '960,000.00'],
        ['上级补助资金', null, '200,000.00', '180,000.00'],
        ['一级指标', '二级指标', '三级指标', '权重', '年度指标值', '实际完成值', '自评得分', '复核分', '复核意见', '偏差原因分析及改进措施'],
        ['产出指标', '数量指标', '食品抽检批次', 30, '≥500批次', '520批次', 30, 28, '抽检记录缺20批'],
        [null, '质量指标', '不合格食品核查处置率', 20, '100%', '100%', 20, 20],
        ['效益指标', '社会效益指标', '食品安全事故', 30, '0起', '0起', 30, 30],
        ['满意度指标', '服务对象满意度指标', '群众满意度', 20, '≥90%', '88%', 18, 18, null, '宣传不足，明年加强'],
        ['合计', null, null, 100, null, null, 98, 96],
      ],
      merges: ['A8:A9'],
    };
    const [doc] = await one(await workbook([{ name: '自评', blocks: [block] }]));
    expectGolden('xlsx-project-reordered', doc);
    const leaf = doc!.document.indicators[0]!.children![0]!.children![0]!;
    expect(leaf).toMatchObject({ name: '食品抽检批次', weight: '30', target: '≥500批次', printedScore: '30', review: { score: '28', reason: '抽检记录缺20批' } });
    expect(doc!.document.meta.printedTotal).toBe('98');
    expect(doc!.document.header.year).toBe(2021);
  });

  it('指标性质 / 指标值 / 度量单位 split into three columns under a merged 年度指标值', async () => {
    const block: Block = {
      at: [1, 1],
      rows: [
        ['2022年度项目支出绩效自评表', null, null, null, null, null, null, null, null],
        ['一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值', '分值', '得分'],
        [null, null, null, '指标性质', '指标值', '度量单位', null, null, null],
        ['产出指标', '数量指标', '抽检批次', '≥', 600, '批次', '644批次', 50, 50],
        [null, '时效指标', '完成时限', '≤', 30, '天', '28天', 20, 20],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%', '92%', 30, 30],
      ],
      merges: ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:G3', 'H2:H3', 'I2:I3', 'A4:A5'],
    };
    const [doc] = await one(await workbook([{ name: '表', blocks: [block] }]));
    const leaves = doc!.document.indicators.flatMap((s) => s.children!.flatMap((c) => c.children ?? []));
    expect(leaves.map((l) => [l.name, l.target, l.unit, l.direction])).toEqual([
      ['抽检批次', '≥600批次', '批次', 'higher-better'],
      ['完成时限', '≤30天', '天', 'lower-better'],
      ['群众满意度', '≥90%', '%', 'higher-better'],
    ]);
  });

  it('several tables on one sheet become several documents', async () => {
    const second = { ...projectTable({ name: '食品安全专项' }), at: [25, 1] as [number, number] };
    const docs = await one(await workbook([{ name: '汇总', blocks: [projectTable(), second] }]));
    expect(docs.map((d) => d.document.header.projectName)).toEqual(['质量监督专项', '食品安全专项']);
    expect(docs[1]!.report.recognised.find((n) => n.code === 'title')?.where).toBe('汇总!A25');
  });

  it('one table per sheet; a sheet without a table and a hidden sheet are reported', async () => {
    const docs = await one(
      await workbook([
        { name: '说明', blocks: [{ at: [1, 1], rows: [['填表说明：请按要求填写。']] }] },
        { name: '项目一', blocks: [projectTable()] },
        { name: '项目二', blocks: [projectTable({ name: '食品安全专项' })] },
        { name: '草稿', blocks: [projectTable({ name: '草稿项目' })], state: 'hidden' },
      ]),
    );
    expect(docs.map((d) => d.document.header.projectName)).toEqual(['质量监督专项', '食品安全专项']);
    const skipped = docs[0]!.report.skipped.map((n) => `${n.code}@${n.where}`);
    expect(skipped).toEqual(expect.arrayContaining(['hidden-sheet@草稿']));
    expect(skipped).toEqual(expect.arrayContaining(['sheet-no-table@说明']));
  });
});

describe('importXlsx: 部门整体支出', () => {
  it('the 自评表 with 按收入 / 支出性质分, and the 基础数据表 on its own sheet, make one document', async () => {
    const docs = await one(await workbook([{ name: '自评表', blocks: [departmentTable()] }, { name: '基础数据表', blocks: [basicDataTable()] }]));
    expect(docs).toHaveLength(1);
    expectGolden('xlsx-department', docs[0]);
    const d = docs[0]!.document;
    expect(d.header.level).toBe('department');
    expect(d.funding?.tables.map((t) => t.kind)).toEqual(['project-funding', 'income-nature', 'expenditure-nature']);
    expect(d.department?.staffing).toEqual({ authorized: '339', actual: '314', actualLabel: '2022年实际在职人数', printedControlRate: '92.63%' });
    const rows = d.department!.expenseControl!.rows;
    const parentOf = (label: string): string | undefined => rows.find((r) => r.id === rows.find((x) => x.label === label)?.parent)?.label;
    expect(parentOf('公车运行维护')).toBe('1、公务用车购置和维护经费');
    expect(parentOf('3、公务接待')).toBe('三公经费');
    expect(parentOf('其中:办公经费')).toBe('公用经费:');
    expect(rows.find((r) => r.label === '2、出国经费')?.values).toEqual({});
    expect(d.department?.savingMeasures).toBe('严控支出标准，压减三公经费。');
    expect(d.indicators.map((n) => [n.name, n.category])).toEqual([
      ['产出指标', 'output'],
      ['效益指标', 'benefit'],
      ['成本指标', 'cost'],
    ]);
    expect(d.meta.printedTotal).toBe('98.5');
  });
});
