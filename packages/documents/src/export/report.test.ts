import { describe, expect, it } from 'vitest';
import type { ReportBlock } from './report.js';
import { reportModel } from './report.js';
import { sampleProject, seedFixtures } from './testing.js';
import type { ExportFinding } from './types.js';

const headings = (blocks: ReportBlock[], level?: number): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' && (level === undefined || b.level === level) ? [b.text] : []));
const texts = (blocks: ReportBlock[]): string[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
/** Paragraphs between a heading and the next heading of the same or a higher level. */
function under(blocks: ReportBlock[], heading: string): string[] {
  const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  if (i < 0) throw new Error(`no heading ${heading}`);
  const level = (blocks[i] as { level: number }).level;
  const out: string[] = [];
  for (const b of blocks.slice(i + 1)) {
    if (b.kind === 'heading' && b.level <= level) break;
    if (b.kind === 'paragraph') out.push(b.text);
  }
  return out;
}
const seed = (name: string) => seedFixtures().find((s) => s.name === name)?.doc;

describe('the report model', () => {
  it('drafts every standard section of a project report without prose', () => {
    const m = reportModel(sampleProject({ prose: [] }));
    expect(m.title).toEqual(['益阳市市场监督管理局', '2020年度质量监管项目资金绩效自评报告']);
    expect(headings(m.blocks, 1)).toEqual([
      '一、项目概况',
      '二、绩效自评工作开展情况',
      '三、综合评价结论',
      '四、绩效目标实现情况分析',
      '五、存在的问题和改进措施',
      '六、绩效自评结果拟应用和公开情况',
    ]);
    expect(headings(m.blocks, 2)).toEqual([
      '（一）单位基本情况',
      '（二）项目基本情况',
      '（一）项目资金使用及管理情况',
      '（二）总体绩效目标完成情况',
      '（三）绩效指标完成情况',
      '（一）存在的问题',
      '（二）改进措施',
    ]);
    expect(texts(m.blocks)[0]).toBe('根据2020年度预算绩效管理工作要求，益阳市市场监督管理局对2020年度质量监督专项开展了绩效自评，现将自评情况报告如下：');
    expect(under(m.blocks, '三、综合评价结论')).toEqual([
      '经自评，质量监督专项2020年度绩效自评得分为97.5分，评价等级为“优”。',
      '其中：预算执行率得分10分（分值10分）；产出指标得分48.5分（分值50分）；效益指标得分29分（分值30分）；满意度指标得分10分（分值10分）。',
    ]);
    expect(under(m.blocks, '（一）项目资金使用及管理情况')).toEqual([
      '截至2020年12月31日，本项目全年预算数155万元，全年执行数243.03万元，预算执行率156.79%。',
      '自评表填列的预算执行率为100%，与按全年执行数÷全年预算数计算的156.79%不一致。',
      '预算执行率分值10分，自评得分10分。',
      '按资金来源分：同级财政拨款全年预算数155万元、全年执行数155万元；省级财政拨款全年执行数54.52万元；上年结转资金全年执行数33.51万元。',
    ]);
    const ind = under(m.blocks, '（三）绩效指标完成情况');
    expect(ind[0]).toBe('本项目共设置3个一级指标、5个二级指标、5个三级指标（其中时效指标未设置具体指标），各项指标完成情况如下：');
    expect(ind).toContain(
      '“重点工业产品监测率”（产出指标—质量指标）：年度指标值为20%以上，实际完成值为18%，未完全达成年度指标，扣1.5分，分值15分，自评得分13.5分。偏差原因分析及改进措施：部分企业停产，监测样品不足；下年提前安排抽样计划。',
    );
    expect(ind).toContain('“产品质量监督抽查量”（产出指标—数量指标）：年度指标值为600批次以上，实际完成值为644批次，达成年度指标，分值20分，自评得分20分。');
    expect(ind).toHaveLength(6);
    expect(under(m.blocks, '（一）存在的问题')).toEqual(['1.年度绩效指标编制不够精细合理。']);
    expect(under(m.blocks, '六、绩效自评结果拟应用和公开情况')[0]).toContain('自评报告和自评表于2021年4月15日在单位门户网站公开，接受社会监督。');
    expect(m.attachmentNote).toEqual(['附件：2020年度项目支出绩效自评表']);
    expect(m.attachments.map((a) => a.label)).toEqual(['附件']);
    expect(m.signature).toEqual(['益阳市市场监督管理局']);
  });

  it('keeps the prose: matching sections replace the drafted text, the rest stays in order', () => {
    const m = reportModel(sampleProject());
    expect(texts(m.blocks)[0]).toBe('现将2020年度质量监管专项资金绩效自评情况报告如下：');
    // "（一）项目单位基本情况" is the standard 单位基本情况 and keeps its own words.
    expect(under(m.blocks, '（一）项目单位基本情况')).toEqual(['益阳市市场监督管理局于2019年2月28日正式挂牌。']);
    // "（一）核实数据。" is not standard: kept under 二、 after its text.
    const i = m.blocks.findIndex((b) => b.kind === 'heading' && b.text === '二、绩效自评工作开展情况');
    expect(m.blocks.slice(i + 1, i + 4)).toEqual([
      { kind: 'paragraph', text: '本单位召开专门会议，明确工作任务责任分工。' },
      { kind: 'heading', level: 2, text: '（一）核实数据。' },
      { kind: 'paragraph', text: '对专项资金的准确性、真实性进行了认真核实。' },
    ]);
    expect(headings(m.blocks, 2)).toContain('（二）项目基本情况');
  });

  it('turns errors and warnings into the problems section and their suggestions into measures', () => {
    const findings: ExportFinding[] = [
      { code: 'execution-rate-printed', severity: 'warning', message: '执行率印作100%，按数据计算为156.79%', location: '自评表 执行率', suggestion: '按全年执行数÷全年预算数重新填列执行率' },
      { code: 'deduction-without-reason', severity: 'error', message: '社会效益指标扣1分但未说明原因。', location: '效益指标 › 社会效益指标', suggestion: '补充偏差原因分析及改进措施' },
      { code: 'note', severity: 'info', message: '仅供参考', location: '全文' },
    ];
    const m = reportModel(sampleProject({ prose: [] }), { findings });
    expect(under(m.blocks, '（一）存在的问题')).toEqual([
      '1.年度绩效指标编制不够精细合理。',
      '此外，经对自评材料进行审核，发现以下问题：',
      '（1）社会效益指标扣1分但未说明原因。（错误，位置：效益指标 › 社会效益指标）',
      '（2）执行率印作100%，按数据计算为156.79%。（提示，位置：自评表 执行率）',
    ]);
    expect(under(m.blocks, '（二）改进措施')).toEqual([
      '1.提前布置规划，确保数据可获取。',
      '针对审核发现的问题，拟采取以下措施：',
      '（1）补充偏差原因分析及改进措施。',
      '（2）按全年执行数÷全年预算数重新填列执行率。',
    ]);
  });

  it('states computed scores beside the printed ones', () => {
    const m = reportModel(sampleProject({ prose: [] }), {
      scoring: { ruleSet: 'national-project@1', total: '96.3', grade: '优', items: { 'ben.soc.1': { score: '27.3', status: 'within-band' } } },
    });
    expect(under(m.blocks, '三、综合评价结论')).toContain('按national-project@1规则计算，总分为96.3分，评价等级为“优”，与自评得分97.5分不一致，差异见附件自评表“计算得分”列。');
    expect(under(m.blocks, '（三）绩效指标完成情况')).toContain(
      '“维护市场经济秩序、保障人民群众消费安全”（效益指标—社会效益指标）：年度指标值为逐步提高，实际完成值为逐步提高，完成情况与评分档次相符，分值30分，自评得分29分，按规则计算得分27.3分。',
    );
  });

  it('lays out seed 000 with its own prose and the drafted funding sentence', () => {
    const doc = seed('000');
    if (!doc) return;
    const m = reportModel(doc);
    expect(headings(m.blocks, 1)).toEqual([
      '一、项目概况',
      '二、绩效自评工作开展情况',
      '三、综合评价结论',
      '四、绩效目标实现情况分析',
      '五、存在的问题和改进措施',
      '六、绩效自评结果拟应用和公开情况',
    ]);
    expect(under(m.blocks, '（一）项目资金使用及管理情况')[0]).toBe('截至2020年12月31日，本项目全年预算数155万元，全年执行数243.03万元，预算执行率156.79%。');
    expect(under(m.blocks, '三、综合评价结论')[0]).toMatch(/^2020年基本完成该项目确定的各项工作任务目标/);
    // Problems are the prose's; meta.problems is not repeated.
    expect(under(m.blocks, '（一）存在的问题').filter((t) => t.startsWith('1.年度绩效指标编制'))).toEqual([]);
    expect(m.attachmentNote).toEqual([]); // the prose already says 附件：项目支出绩效自评表
    const all = texts(m.blocks).join('\n');
    for (const p of doc.prose) for (const line of p.text.split('\n').filter((l) => l.trim())) expect(all).toContain(line.trim());
  });

  it('lays out seed 004 on the department template', () => {
    const doc = seed('004');
    if (!doc) return;
    const m = reportModel(doc);
    expect(headings(m.blocks, 1)).toEqual([
      '一、部门基本情况',
      '二、一般公共预算支出情况',
      '三、政府性基金预算支出情况',
      '四、国有资本经营预算支出情况',
      '五、社会保险基金预算支出情况',
      '六、部门整体支出绩效情况',
      '七、存在的问题及原因分析',
      '八、下一步改进措施',
      '九、部门整体支出绩效自评结果拟应用和公开情况',
    ]);
    const perf = headings(m.blocks, 2).filter((h) => /^（[七八九]）/.test(h));
    expect(perf).toEqual(['（七）综合评价结论', '（八）总体绩效目标完成情况', '（九）绩效指标完成情况']);
    expect(m.blocks.some((b) => b.kind === 'table' && b.caption === '益阳市市场监督管理局机关及所属单位结转结余情况')).toBe(true);
    expect(m.attachments.map((a) => [a.label, a.title])).toEqual([
      ['附件1', '2023年度部门整体支出绩效评价基础数据表'],
      ['附件2', '2023年度部门整体支出绩效自评表'],
    ]);
    expect(m.signature).toEqual(['益阳市市场监督管理局', '2024年5月30日']);
  });

  it('keeps the embedded project reports of seed 001 after the main report', () => {
    const doc = seed('001');
    if (!doc) return;
    const m = reportModel(doc);
    const subtitles = m.blocks.flatMap((b) => (b.kind === 'subtitle' ? [b.text] : []));
    expect(subtitles.length).toBeGreaterThanOrEqual(4);
    expect(subtitles[0]).toBe('2021年度食品药品安全监管专项资金绩效自评报告');
    expect(m.attachments.length).toBe(2 + doc.projects.filter((p) => p.indicators.length > 0 || p.goals.length > 0).length);
  });
});
