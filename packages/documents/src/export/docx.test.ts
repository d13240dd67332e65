import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { leaves } from './table.js';
import { docxParts, docxTables, paragraphTexts, sampleProject, seedFixtures } from './testing.js';

/** The XML element with w:styleId="id". */
const style = (styles: string, id: string): string => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';

describe('the 自评报告 docx', () => {
  it('lays the page out after GB/T 9704', async () => {
    const parts = await docxParts(await exportDocx(sampleProject()));
    const sections = [...parts.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    // A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips).
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sections[0]).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(sections[0]).toContain('<w:pgNumType w:start="1"/>');
    // The 自评表 attachment is landscape.
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // Body 仿宋_GB2312 三号 with an exact 28.95 pt pitch.
    const defaults = parts.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('w:line="579" w:lineRule="exact"');
    // Title 方正小标宋简体 二号 centred, not bold; headings 黑体 / 楷体_GB2312 with outline levels.
    const title = style(parts.styles, 'Title');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:b w:val="false"/>');
    expect(style(parts.styles, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(style(parts.styles, 'Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style(parts.styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style(parts.styles, 'Heading2')).toContain('<w:outlineLvl w:val="1"/>');
    // Font substitutes in the font table.
    expect(parts.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(parts.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(parts.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    // Page numbers "— 1 —": a PAGE field between dashes, 宋体 四号, centred.
    expect(parts.footers.length).toBeGreaterThanOrEqual(1);
    for (const footer of parts.footers) {
      expect(footer).toContain('<w:jc w:val="center"/>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
    }
  });

  it('writes the title, numbered headings, drafted and kept text', async () => {
    const parts = await docxParts(await exportDocx(sampleProject()));
    const texts = paragraphTexts(parts.document);
    expect(texts.slice(0, 2)).toEqual(['益阳市市场监督管理局', '2020年度质量监管项目资金绩效自评报告']);
    const heading1 = [...parts.document.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr>[\s\S]*?<\/w:p>/g)].map((m) => paragraphTexts(m[0])[0]);
    expect(heading1).toEqual([
      '一、项目概况',
      '二、绩效自评工作开展情况',
      '三、综合评价结论',
      '四、绩效目标实现情况分析',
      '五、存在的问题和改进措施',
      '六、绩效自评结果拟应用和公开情况',
    ]);
    expect(texts).toContain('（一）核实数据。');
    expect(texts).toContain('对专项资金的准确性、真实性进行了认真核实。');
    expect(texts).toContain('截至2020年12月31日，本项目全年预算数155万元，全年执行数243.03万元，预算执行率156.79%。');
    expect(texts).toContain('附件：2020年度项目支出绩效自评表');
    expect(texts).toContain('附件');
    // Body paragraphs use the Body style: indented two characters, justified; table text is 五号.
    expect(parts.document).toMatch(/<w:pStyle w:val="Body"\/><\/w:pPr><w:r><w:t xml:space="preserve">截至2020年12月31日/);
    expect(style(parts.styles, 'Body')).toContain('<w:ind w:firstLine="640"/>');
    expect(style(parts.styles, 'Body')).toContain('<w:jc w:val="both"/>');
    expect(style(parts.styles, 'TableText')).toContain('<w:sz w:val="21"/>');
    expect(style(parts.styles, 'TableHeader')).toContain('w:eastAsia="黑体"');
  });

  it('attaches the 自评表 as a Word table with merged cells', async () => {
    const parts = await docxParts(await exportDocx(sampleProject(), { scoring: { ruleSet: 'r@1', total: '96', grade: '优', items: { 'ben.soc.1': { score: '27.5', explanation: '按档次评分' } } } }));
    const tables = docxTables(parts.document);
    const table = tables[tables.length - 1]!;
    expect(table[0]).toEqual(['项目名称', '质量监督专项']);
    const header = table.find((r) => r.includes('一级指标'))!;
    expect(header).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '计算得分', '偏差原因分析及改进措施']);
    const funding = table.find((r) => r.includes('年度资金总额'))!;
    expect(funding).toEqual(['', '年度资金总额', '155.00', '155.00', '243.03', '10', '100%', '10', '']);
    expect(parts.document).toContain('<w:gridSpan w:val="9"/>');
    expect(parts.document).toContain('<w:vMerge w:val="restart"/>');
    expect(parts.document).toContain('<w:vMerge w:val="continue"/>');
    // The 说明 of a differing computed score is a footnote.
    expect(parts.document).toContain('<w:footnoteReference w:id="1"/>');
    expect(paragraphTexts(parts.footnotes).join('')).toContain('填报得分为29分，按规则计算为27.5分。按档次评分');
  });

  it('is deterministic and stamps only the given time', async () => {
    const a = await exportDocx(sampleProject());
    const b = await exportDocx(sampleProject());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const stamped = await exportDocx(sampleProject(), { generatedAt: '2021-04-15T08:00:00+08:00' });
    const zip = await JSZip.loadAsync(stamped);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-04-15T00:00:00.000Z</dcterms:created>');
    expect(core).toContain('<dc:title>2020年度质量监管项目资金绩效自评报告</dc:title>');
  });

  it.each(seedFixtures().map((s) => [s.name, s.doc] as const))('exports seed %s with all its prose and tables', async (_name, doc) => {
    const parts = await docxParts(await exportDocx(doc));
    const all = paragraphTexts(parts.document).join('\n');
    for (const p of doc.prose) {
      for (const line of p.text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) expect(all).toContain(line);
    }
    const tables = docxTables(parts.document).map((t) => t.flat().join('\n'));
    const selfTable = tables.find((t) => t.includes('一级指标'))!;
    for (const leaf of leaves(doc.indicators)) expect(selfTable).toContain(leaf.name);
    if (doc.department) expect(tables.some((t) => t.includes('财政供养人员情况（人）'))).toBe(true);
    for (const t of doc.funding?.tables ?? []) {
      for (const r of t.rows) if (r.label.trim() !== '') expect(all.includes(r.label) || tables.some((x) => x.includes(r.label)), r.label).toBe(true);
    }
  });
});
