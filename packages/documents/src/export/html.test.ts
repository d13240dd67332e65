import { describe, expect, it } from 'vitest';
import { escapeHtml, exportHtml } from './html.js';
import { sampleProject } from './testing.js';

describe('the print HTML (Chromium fallback)', () => {
  const html = exportHtml(sampleProject());

  it('sets up GB/T 9704 pages, fonts and page numbers', () => {
    expect(html).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;');
    expect(html).toContain('@bottom-center { content: "— " counter(page) " —"');
    expect(html).toMatch(/body \{ margin: 0; font-family: "仿宋_GB2312", "仿宋", FangSong/);
    expect(html).toMatch(/\.title \{ font-family: "方正小标宋简体", "小标宋", "宋体"/);
    expect(html).toContain('@page wide { size: A4 landscape;');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('draws the same report and the 自评表 with merged cells', () => {
    expect(html).toContain('<h1 class="title">2020年度质量监管项目资金绩效自评报告</h1>');
    expect(html).toContain('<h2 class="h1">一、项目概况</h2>');
    expect(html).toContain('<p>截至2020年12月31日，本项目全年预算数155万元，全年执行数243.03万元，预算执行率156.79%。</p>');
    expect(html).toContain('<section class="attachment wide"><p class="attachment-label">附件</p><p class="attachment-title">2020年度项目支出绩效自评表</p>');
    expect(html).toContain('<td class="label" rowspan="4">产出指标（50分）</td>');
    expect(html).toContain('<td class="money">243.03</td>');
    expect(html).toContain('colspan="8"');
  });

  it('escapes text', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
