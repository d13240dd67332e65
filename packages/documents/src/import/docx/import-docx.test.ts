import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { expectGolden } from '../../../test/support/golden.js';
import { docx, type DocBlock } from '../../../test/support/make-docx.js';
import { importDocx } from './import-docx.js';

const report: DocBlock[] = [
  { p: '益阳市市场监督管理局' },
  { p: '2020年度质量监管项目资金绩效自评报告' },
  { p: '为落实通知要求，现将自评情况报告如下：' },
  { p: '一、项目概况', style: '1' },
  { p: '（一）项目基本情况' },
  { p: '质量监管项目主要包括产品质量安全监督管理。' },
  { p: '二、综合评价结论' },
  { p: '质量项目资金自评得分为98.4分，综合评价为优秀。' },
  { p: '三、存在的问题和改进措施' },
  { p: '（一）存在的问题' },
  { p: '1. 年度绩效指标编制不够精细合理。项目单位未设置可量化的指标。' },
  { p: '（二）改进措施' },
  { p: '1.提前布置规划，确保数据可获取。各业务科室应全面规划。' },
  { p: '附件' },
  { p: '2020年度项目支出绩效自评表' },
  {
    table: [
      ['项目名称', { text: '质量监督专项', span: 8 }],
      ['主管部门', { text: '益阳市人民政府', span: 3 }, '实施单位', { text: '益阳市市场监督管理局', span: 4 }],
      [{ text: '项目资金\n（万元）', vMerge: 'restart' }, { text: '', span: 2 }, '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'],
      [{ text: '', vMerge: 'continue' }, { text: '年度资金总额', span: 2 }, '155', '155', '243.03', '10', '100%', '10'],
      [{ text: '', vMerge: 'continue' }, { text: '其中：同级财政拨款', span: 2 }, '155', '155', '155', '', '', ''],
      [{ text: '', vMerge: 'continue' }, { text: '省级财政拨款', span: 2 }, '', '', '54.52', '', '', ''],
      [{ text: '年度总体目标', vMerge: 'restart' }, { text: '预期目标', span: 4 }, { text: '实际完成情况', span: 4 }],
      [{ text: '', vMerge: 'continue' }, { text: '1．开展产品质量安全风险监控；\n2．开展产品质量专项整治。', span: 4 }, { text: '1．开展产品质量安全风险监控；\n2．开展产品质量专项整治。', span: 4 }],
      [{ text: '绩\n效\n指\n标', vMerge: 'restart' }, '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
      [{ text: '', vMerge: 'continue' }, { text: '产出指标\n(50分)', vMerge: 'restart' }, { text: '数量指标', vMerge: 'restart' }, '生产及流通领域产品质量监督抽查量', '600批次以上', '644批次', '20', '20', ''],
      [{ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, '重点工业产品监测率', '20%以上', '20%', '15', '15', ''],
      [{ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, '质量指标', '抽查合格率', '93%以上', '95.03%', '15', '15', ''],
      [{ text: '', vMerge: 'continue' }, '满意度指标（10分）', '服务对象满意度指标', '公众满意度', '≧70%', '≧70%', '10', '9.9', '宣传不够'],
      [{ text: '总分', span: 6 }, '100', '98.4', ''],
    ],
  },
];

describe('importDocx', () => {
  it('a report with a 自评表: gridSpan and vMerge merges, prose sections, stated grade', async () => {
    const r = await importDocx(await docx(report), { fileName: '自评报告.docx' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.documents).toHaveLength(1);
    const { document: d, report: rep } = r.documents[0]!;
    expectGolden('docx-report', r.documents[0]);
    expect(d.header).toMatchObject({ title: '2020年度质量监管项目资金绩效自评报告', organisation: '益阳市市场监督管理局', projectName: '质量监督专项', supervisingDepartment: '益阳市人民政府', year: 2020 });
    expect(d.funding?.tables[0]?.rows.map((x) => x.label)).toEqual(['年度资金总额', '其中：同级财政拨款', '省级财政拨款']);
    expect(d.funding?.execution).toEqual({ weight: '10', printedRate: '100%', printedScore: '10' });
    const out = d.indicators[0]!;
    expect(out).toMatchObject({ name: '产出指标', declaredWeight: '50' });
    expect(out.children!.map((c) => [c.name, c.children!.length])).toEqual([
      ['数量指标', 2],
      ['质量指标', 1],
    ]);
    expect(d.goals[0]!.expected).toBe('1．开展产品质量安全风险监控；\n2．开展产品质量专项整治。');
    expect(d.meta).toMatchObject({ printedTotal: '98.4', printedGrade: '优秀' });
    expect(d.prose.map((p) => p.heading)).toEqual([
      '2020年度质量监管项目资金绩效自评报告',
      '一、项目概况',
      '（一）项目基本情况',
      '二、综合评价结论',
      '三、存在的问题和改进措施',
      '（一）存在的问题',
      '1. 年度绩效指标编制不够精细合理。',
      '（二）改进措施',
      '1.提前布置规划，确保数据可获取。',
    ]);
    expect(d.meta.problems).toEqual(['年度绩效指标编制不够精细合理。项目单位未设置可量化的指标。']);
    expect(rep.recognised.find((n) => n.code === 'indicator-leaf')?.where).toBe('表1 第10行 第4列');
  });

  it('reads a file written by the docx package (real vMerge and gridSpan markup)', async () => {
    const cell = (text: string, o: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}): TableCell =>
      new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)), ...o });
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('年度指标值'), cell('实际完成值'), cell('分值'), cell('得分')] }),
        new TableRow({ children: [cell('产出指标', { verticalMerge: VerticalMergeType.RESTART }), cell('数量指标'), cell('检查户数'), cell('≥100户'), cell('120户'), cell('60'), cell('60')] }),
        new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('时效指标'), cell('办结时限'), cell('≤5天'), cell('4天'), cell('30'), cell('30')] }),
        new TableRow({ children: [cell('满意度指标'), cell('服务对象满意度指标'), cell('满意度'), cell('≥90%'), cell('95%'), cell('10'), cell('10')] }),
        new TableRow({ children: [cell('总分', { columnSpan: 5 }), cell('100'), cell('100')] }),
      ],
    });
    const doc = new Document({ sections: [{ children: [new Paragraph('2022年度项目支出绩效自评表'), table] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const r = await importDocx(bytes, { fileName: 'packer.docx' });
    if (!r.ok) throw new Error(r.error.message);
    const d = r.documents[0]!.document;
    expect(d.header.year).toBe(2022);
    expect(d.indicators.map((n) => [n.name, (n.children ?? []).map((c) => c.name)])).toEqual([
      ['产出指标', ['数量指标', '时效指标']],
      ['满意度指标', ['服务对象满意度指标']],
    ]);
    expect(d.meta.printedTotal).toBe('100');
  });

  it('headings styled with outline levels are kept even without printed numbering', async () => {
    const r = await importDocx(
      await docx([
        { p: '2021年度项目支出绩效自评报告' },
        { p: '项目概况', style: '1' },
        { p: '项目总体情况良好。' },
        { table: [['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '得分'], ['产出指标', '数量指标', '户数', '10户', '100', '100']] },
      ]),
      { fileName: 'x.docx' },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.documents[0]!.document.prose.map((p) => [p.heading, p.level])).toEqual([['项目概况', 1]]);
  });
});
