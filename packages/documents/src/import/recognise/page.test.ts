import { describe, expect, it } from 'vitest';
import type { Page, Row } from '../model.js';
import { convertPage, finishDrafts } from './page.js';

/** A page built by hand: the converters need no bytes, files or parsers (the readers make pages). */
function row(n: number, ...texts: string[]): Row {
  return { where: `R${n}`, cells: texts.map((text, i) => ({ text, where: `R${n}C${i + 1}` })) };
}

const page: Page = {
  name: 'p',
  notes: [],
  blocks: [
    { kind: 'paragraph', text: '某市财政局', where: 'P1' },
    { kind: 'paragraph', text: '2022年度项目支出绩效自评报告', where: 'P2' },
    { kind: 'paragraph', text: '一、项目概况', where: 'P3' },
    { kind: 'paragraph', text: '项目运行正常。', where: 'P4' },
    {
      kind: 'table',
      table: {
        name: 't',
        where: 'T1',
        rows: [
          row(1, '项目名称', '预算绩效管理专项'),
          row(2, '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '复核分'),
          row(3, '产出指标', '数量指标', '评价项目数', '≥20个', '22个', '60', '60', '58'),
          row(4, '', '时效指标', '报告按时提交率', '100%', '100%', '30', '30', ''),
          row(5, '满意度指标', '服务对象满意度指标', '单位满意度', '≥90%', '95%', '10', '10', ''),
          row(6, '总分', '', '', '', '', '100', '100', '98'),
        ],
      },
    },
  ],
};

describe('convertPage (pure)', () => {
  it('turns a page into one document with its report', () => {
    const drafts = convertPage(page, { format: 'docx' });
    const done = finishDrafts(drafts, { format: 'docx', fileName: 'hand.docx' });
    if (!done.ok) throw new Error(done.error.message);
    const { document: d, report } = done.documents[0]!;
    expect(d.header).toMatchObject({ title: '2022年度项目支出绩效自评报告', organisation: '某市财政局', projectName: '预算绩效管理专项', year: 2022, level: 'project' });
    expect(d.indicators[0]!.children![0]!.children![0]).toMatchObject({ name: '评价项目数', weight: '60', printedScore: '60', review: { score: '58' } });
    expect(d.meta.printedTotal).toBe('100');
    expect(d.notes).toContain('复核总分：98');
    expect(d.prose.map((p) => p.heading)).toEqual(['一、项目概况']);
    expect(report).toMatchObject({ format: 'docx', fileName: 'hand.docx' });
    expect(report.recognised.find((n) => n.code === 'indicator-leaf')?.where).toBe('R3C3');
  });

  it('a page without any table part gives no document', () => {
    const prose: Page = { name: 'p', notes: [], blocks: [{ kind: 'paragraph', text: '通知', where: 'P1' }] };
    const done = finishDrafts(convertPage(prose, { format: 'text' }), { format: 'text' });
    expect(done).toEqual({ ok: true, documents: [] });
  });
});
