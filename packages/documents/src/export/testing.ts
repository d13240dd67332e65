/**
 * @module Test and bench support for the exporters: a small project document and the seed fixtures.
 * Not part of the public API (not re-exported from the package index).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { EvaluationDocument } from '@jixiao/core';
import type { EvaluationDocumentInput } from '@jixiao/core';
import JSZip from 'jszip';

/** A small project self-evaluation with every part the 自评表 and the report use. */
export function sampleProject(overrides: Partial<EvaluationDocumentInput> = {}): EvaluationDocument {
  const input: EvaluationDocumentInput = {
    schemaVersion: 1,
    id: 'sample',
    header: {
      title: '2020年度质量监管项目资金绩效自评报告',
      level: 'project',
      year: 2020,
      organisation: '益阳市市场监督管理局',
      supervisingDepartment: '益阳市人民政府',
      implementingUnits: ['益阳市市场监督管理局'],
      projectName: '质量监督专项',
    },
    funding: {
      unit: '万元',
      tables: [
        {
          id: 'project-funding',
          title: '项目资金（万元）',
          kind: 'project-funding',
          unit: '万元',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { initialBudget: '155', annualBudget: '155', executed: '243.03' } },
            { label: '其中：同级财政拨款', role: 'item', sourceKind: 'same-level-fiscal', amounts: { initialBudget: '155', annualBudget: '155', executed: '155' } },
            { label: '省级财政拨款', role: 'item', sourceKind: 'upper-fiscal', amounts: { executed: '54.52' } },
            { label: '上年结转资金', role: 'item', sourceKind: 'carry-over', amounts: { executed: '33.51' } },
            { label: '其他资金', role: 'item', sourceKind: 'other', amounts: {} },
          ],
        },
      ],
      execution: { weight: '10', printedRate: '100%', printedScore: '10' },
    },
    goals: [{ expected: '1．开展产品质量安全风险监控和监督抽查工作；\n2．特种设备安全监管。', actual: '1．完成省抽644批次；\n2．抽查重点特种设备使用单位340家。' }],
    indicators: [
      {
        id: 'out',
        name: '产出指标',
        declaredWeight: '50',
        children: [
          {
            id: 'out.qty',
            name: '数量指标',
            children: [{ id: 'out.qty.1', name: '产品质量监督抽查量', weight: '20', target: '600批次以上', actual: '644批次', printedScore: '20' }],
          },
          {
            id: 'out.qual',
            name: '质量指标',
            children: [
              { id: 'out.qual.1', name: '产品质量监督抽查合格率', weight: '15', target: '93%以上', actual: '95.03%', printedScore: '15' },
              { id: 'out.qual.2', name: '重点工业产品监测率', weight: '15', target: '20%以上', actual: '18%', printedScore: '13.5', deviationReason: '部分企业停产，监测样品不足；下年提前安排抽样计划。' },
            ],
          },
          { id: 'out.time', name: '时效指标' },
        ],
      },
      {
        id: 'ben',
        name: '效益指标',
        declaredWeight: '30',
        children: [
          {
            id: 'ben.soc',
            name: '社会效益指标',
            children: [{ id: 'ben.soc.1', name: '维护市场经济秩序、保障人民群众消费安全', weight: '30', target: '逐步提高', actual: '逐步提高', printedScore: '29' }],
          },
        ],
      },
      {
        id: 'sat',
        name: '满意度指标',
        declaredWeight: '10',
        children: [
          {
            id: 'sat.svc',
            name: '服务对象满意度指标',
            children: [{ id: 'sat.svc.1', name: '公众对产品质量安全满意度', weight: '10', target: '≥90%', actual: '92%', printedScore: '10' }],
          },
        ],
      },
    ],
    meta: {
      team: [],
      problems: ['年度绩效指标编制不够精细合理。'],
      measures: ['提前布置规划，确保数据可获取。'],
      publication: { date: '2021年4月15日', place: '单位门户网站' },
      printedTotal: '97.5',
      printedGrade: '优',
    },
    prose: [
      { id: 'p0', heading: '2020年度质量监管项目资金绩效自评报告', level: 0, text: '现将2020年度质量监管专项资金绩效自评情况报告如下：' },
      { id: 'p1', heading: '一、项目概况', level: 1, text: '' },
      { id: 'p1.1', heading: '（一）项目单位基本情况', path: ['一、项目概况'], level: 2, text: '益阳市市场监督管理局于2019年2月28日正式挂牌。' },
      { id: 'p2', heading: '二、绩效自评工作开展情况', level: 1, text: '本单位召开专门会议，明确工作任务责任分工。' },
      { id: 'p2.1', heading: '（一）核实数据。', path: ['二、绩效自评工作开展情况'], level: 2, text: '对专项资金的准确性、真实性进行了认真核实。' },
    ],
    ...overrides,
  };
  return EvaluationDocument.parse(input);
}

const SEEDS = new URL('../../../core/fixtures/seeds/', import.meta.url);

/** The seed fixtures present now (other work adds them), sorted by name, parsed. */
export function seedFixtures(): Array<{ name: string; doc: EvaluationDocument }> {
  if (!existsSync(SEEDS)) return [];
  return readdirSync(SEEDS)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), doc: EvaluationDocument.parse(JSON.parse(readFileSync(new URL(f, SEEDS), 'utf8'))) }));
}

/** The XML parts of a docx that the tests look at. */
export async function docxParts(bytes: Uint8Array): Promise<{ document: string; styles: string; fontTable: string; footers: string[]; footnotes: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => (await zip.file(path)?.async('string')) ?? '';
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .sort()
      .map((f) => read(f)),
  );
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers,
    footnotes: await read('word/footnotes.xml'),
  };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Text of each paragraph of a WordprocessingML part, in order (tables included). */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const texts = [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? ''));
    out.push(texts.join(''));
  }
  return out;
}

/** The tables of document.xml as rows of cell texts (cells continuing a vertical merge give ''). */
export function docxTables(xml: string): string[][][] {
  const tables: string[][][] = [];
  for (const t of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    const rows: string[][] = [];
    for (const r of t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const cells: string[] = [];
      for (const c of r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) cells.push(paragraphTexts(c[0]).join('\n'));
      rows.push(cells);
    }
    tables.push(rows);
  }
  return tables;
}
