import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/core';
import { expectGolden } from '../../../test/support/golden.js';
import type { ImportedDocument } from '../types.js';
import { importText } from './import-text.js';

/** Inputs as people paste or save them: from Excel, Markdown, a PDF viewer, a web page, a Word export. */
const INPUT = {
  tabs: "2021年度项目支出绩效自评表\n项目名称\t食品安全抽检专项\t\t\t\n主管部门\t某县人民政府\t实施单位\t某县市场监督管理局\t\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t100\t120\t4753.66万元\t10\t95%\t9.5\n\t其中：本级财政拨款\t100\t100\t96\t\t\t\n\t上级补助资金\t\t20\t18\t\t\t\n一级指标\t二级指标\t三级指标\t\"年度\n指标值\"\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标（50分）\t数量指标\t食品抽检批次\t≥500批次\t520批次\t30\t30\t\n\t质量指标\t不合格食品核查处置率\t100%\t100%\t20\t20\t\n满意度指标（10分）\t服务对象满意度指标\t群众满意度\t≥90%\t88%\t10\t9\t宣传不足\n总分\t100\t98.5\n",
  pipes: "## 2022年度项目支出绩效自评表\n\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n| 产出指标 | 数量指标 | 检查户数 | ≥100户 | 120户 | 60 | 60 |\n|  | 时效指标 | 办结时限 | ≤5天 | 4天 | 30 | 28 |\n| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% | 95% | 10 | 10 |\n| 总分 | | | | | 100 | 98 |\n",
  spaces: "首页  政务公开  通知公告  办事服务\n当前位置：首页 > 政务公开 > 财政预决算\n2021年度项目支出绩效自评表\n发布时间：2022-04-15  来源：财务科\n一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n产出指标  数量指标  食品抽检批次  ≥500批次  520批次  30  30\n          质量指标  核查处置率  100%  100%  20  20\n效益指标  社会效益指标  食品安全事故  0起  0起  30  30\n满意度指标  服务对象满意度指标  群众满意度  ≥90%  92%  20  20\n总分  100  100\n上一篇：关于某某的通知\n下一篇：关于某某的公告\n",
  trad: "２０２１年度項目支出績效自評表\n項目名稱\t食品安全抽檢專項\n一級指標\t二級指標\t三級指標\t年度指標值\t實際完成值\t分值\t得分\n產出指標\t數量指標\t抽檢批次\t≥５００批次\t５２０批次\t５０\t５０\n滿意度指標\t服務對象滿意度指標\t群眾滿意度\t≥９０％\t９２％\t５０\t４９．５\n總分\t１００\t９９．５\n",
  glued: "2020年度项目支出绩效自评表\n一级指标二级指标三级指标年度指标值实际完成值分值得分\n产出指标 数量指标 生产及流通领域产品质量监督抽查量 600批次以上 644批次 2020\n满意度指标 服务对象满意度指标 公众满意度 ≧70% ≧70% 5 4.9\n",
  two: "2021年度项目支出绩效自评表\n项目名称\t甲项目\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t户数\t10户\t10户\t100\t100\n总分\t100\t100\n\n2021年度项目支出绩效自评表\n项目名称\t乙项目\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t次数\t5次\t4次\t100\t80\n总分\t100\t80\n",
  pageHtml: "<!DOCTYPE html><html><head><title>自评表</title><style>td{}</style></head><body>\n<div class=\"nav\"><a>首页</a><a>政务公开</a></div>\n<h2>2023年度项目支出绩效自评表</h2>\n<table>\n<tr><td>项目名称</td><td colspan=\"6\">环境监测专项</td></tr>\n<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>\n<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>监测点位数</td><td>&ge;20个</td><td>22个</td><td>60</td><td>60</td></tr>\n<tr><td>质量指标</td><td>数据有效率</td><td>&ge;95%</td><td>97%</td><td>30</td><td>30</td></tr>\n<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>满意度</td><td>&ge;90%</td><td>93%</td><td>10</td><td>10</td></tr>\n</table>\n<p>版权所有 &copy; 某某局</p>\n</body></html>\n",
} as const;

function docs(text: string, fileName = 'paste.txt'): ImportedDocument[] {
  const r = importText(text, { fileName });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.documents;
}

/** Leaves as "name target actual weight score". */
function leaves(nodes: readonly IndicatorNode[]): string[] {
  return nodes.flatMap((n) =>
    n.children && n.children.length > 0 ? leaves(n.children) : n.category ? [] : [[n.name, n.target, n.actual, n.weight, n.printedScore].join(' ')],
  );
}

describe('importText', () => {
  it('tab-separated rows copied from Excel, a quoted cell with a line break, 万元 glued to an amount', () => {
    const [d] = docs(INPUT.tabs);
    expectGolden('text-tabs', d);
    expect(d!.document.header).toMatchObject({ projectName: '食品安全抽检专项', supervisingDepartment: '某县人民政府', year: 2021 });
    expect(d!.document.funding?.tables[0]?.rows[0]?.amounts).toEqual({ initialBudget: '100', annualBudget: '120', executed: '4753.66' });
    expect(leaves(d!.document.indicators)).toEqual(['食品抽检批次 ≥500批次 520批次 30 30', '不合格食品核查处置率 100% 100% 20 20', '群众满意度 ≥90% 88% 10 9']);
    expect(d!.document.indicators[1]!.children![0]!.children![0]!.deviationReason).toBe('宣传不足');
  });

  it('a Markdown pipe table under a "##" title', () => {
    const [d] = docs(INPUT.pipes);
    expect(d!.document.header.title).toBe('2022年度项目支出绩效自评表');
    expect(leaves(d!.document.indicators)).toEqual(['检查户数 ≥100户 120户 60 60', '办结时限 ≤5天 4天 30 28', '满意度 ≥90% 95% 10 10']);
    expect(d!.document.meta.printedTotal).toBe('98');
  });

  it('a web page copied as text: menus and footer around a table whose cells are separated by spaces', () => {
    const [d] = docs(INPUT.spaces);
    expect(d!.document.header.title).toBe('2021年度项目支出绩效自评表');
    expect(leaves(d!.document.indicators)).toEqual([
      '食品抽检批次 ≥500批次 520批次 30 30',
      '核查处置率 100% 100% 20 20',
      '食品安全事故 0起 0起 30 30',
      '群众满意度 ≥90% 92% 20 20',
    ]);
    // The row without its merged 一级指标 cell is aligned to the right and reported.
    expect(d!.report.guessed.map((n) => `${n.code}@${n.where}`)).toContain('column-aligned@第7行');
    expect(d!.document.prose.map((p) => p.heading)).not.toContain('上一篇：关于某某的通知');
  });

  it('traditional characters and full-width digits: headers recognised, text kept as typed', () => {
    const [d] = docs(INPUT.trad);
    expect(d!.document.header).toMatchObject({ year: 2021, projectName: '食品安全抽檢專項' });
    expect(leaves(d!.document.indicators)).toEqual(['抽檢批次 ≥５００批次 ５２０批次 50 50', '群眾滿意度 ≥９０％ ９２％ 50 49.5']);
    expect(d!.document.meta.printedTotal).toBe('99.5');
    expect(d!.report.recognised.map((n) => n.code)).toEqual(expect.arrayContaining(['traditional-chars', 'fullwidth-chars']));
  });

  it('a header run together and 分值 / 得分 glued ("2020") are split, with a note saying how', () => {
    const [d] = docs(INPUT.glued);
    expect(leaves(d!.document.indicators)).toEqual(['生产及流通领域产品质量监督抽查量 600批次以上 644批次 20 20', '公众满意度 ≧70% ≧70% 5 4.9']);
    const note = d!.report.guessed.find((n) => n.code === 'split-numbers');
    expect(note?.message).toBe('连在一起的数字“2020”按 分值 20、得分 20 拆分');
  });

  it('a value that cannot be placed is reported, not guessed', () => {
    const text = INPUT.glued.replace(' 2020', ' 1234');
    const [d] = docs(text);
    expect(d!.report.skipped.find((n) => n.code === 'unplaced-value')?.message).toContain('1234');
    expect(d!.document.indicators[0]!.children![0]!.children![0]!.weight).toBeUndefined();
  });

  it('several tables on one page become several documents', () => {
    const all = docs(INPUT.two);
    expect(all.map((x) => [x.document.header.projectName, x.document.meta.printedTotal])).toEqual([
      ['甲项目', '100'],
      ['乙项目', '80'],
    ]);
  });

  it('a saved web page (HTML with rowspan and entities)', () => {
    const [d] = docs(INPUT.pageHtml, 'page.html');
    expect(d!.document.header).toMatchObject({ title: '2023年度项目支出绩效自评表', projectName: '环境监测专项' });
    expect(leaves(d!.document.indicators)).toEqual(['监测点位数 ≥20个 22个 60 60', '数据有效率 ≥95% 97% 30 30', '满意度 ≥90% 93% 10 10']);
    expect(d!.report.guessed.map((n) => n.code)).not.toContain('column-aligned');
  });

  it('an amount with a different unit than its table is kept as printed and flagged', () => {
    const text = INPUT.tabs.replace('4753.66万元', '4753.66元');
    const [d] = docs(text);
    expect(d!.document.funding?.tables[0]?.rows[0]?.amounts.executed).toBe('4753.66');
    expect(d!.report.guessed.some((n) => n.code === 'unit-from-cell' && n.message.includes('4753.66元'))).toBe(true);
  });
});
