import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decideAdjustment, EvaluationDocument, requestAdjustment } from '@jixiao/core';
import type { EvaluationDocumentInput, IndicatorNode } from '@jixiao/core';
import { importFile } from '../import/index.js';
import { amountInWan, exportGoalsXlsx, GOALS_WORDS, goalsTitle } from './goals-xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;
function findCell(ws: ExcelJS.Worksheet, value: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!found && cell.value === value) found = cell;
  }));
  if (!found) throw new Error(`no cell ${value}`);
  return found;
}
const noteText = (c: ExcelJS.Cell): string => {
  const n = c.note as string | { texts?: Array<{ text: string }> } | undefined;
  return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
};

function goalsDoc(overrides: Partial<EvaluationDocumentInput> = {}): EvaluationDocument {
  return EvaluationDocument.parse({
    schemaVersion: 1,
    header: {
      title: '二级项目支出绩效目标申报表',
      level: 'project',
      stage: 'goals',
      year: 2024,
      organisation: '益阳市市场监督管理局',
      supervisingDepartment: '益阳市人民政府',
      projectName: '质量监督专项',
      projectCode: '430900241000000001',
    },
    funding: {
      unit: '万元',
      tables: [
        { id: 'total-amount', title: '项目总金额（中期规划，万元）', kind: 'other', unit: '万元', rows: [{ label: '项目总金额', role: 'total', amounts: { budget: '465' } }] },
        { id: 'annual-amount', title: '本年度项目金额（万元）', kind: 'project-funding', unit: '万元', rows: [{ label: '本年度项目金额', role: 'total', amounts: { annualBudget: '155.5' } }] },
      ],
    },
    goals: [{ expected: '1．开展产品质量安全风险监控和监督抽查工作；\n2．特种设备安全监管。' }],
    indicators: [
      {
        id: 'out',
        name: '产出',
        category: 'output',
        children: [
          {
            id: 'out.qty',
            name: '数量',
            category: 'quantity',
            children: [
              { id: 'out.qty.1', name: '产品质量监督抽查量', target: '≥600批次', explanation: '全年监督抽查批次' },
              { id: 'out.qty.2', name: '特种设备检查家数', target: '≥340家' },
            ],
          },
          { id: 'out.qual', name: '质量', category: 'quality', children: [{ id: 'out.qual.1', name: '抽查合格率', target: '≥93%', explanation: '合格批次÷抽查批次' }] },
          { id: 'out.time', name: '时效', category: 'timeliness' },
        ],
      },
      { id: 'ben', name: '效益', category: 'benefit', children: [{ id: 'ben.soc', name: '社会效益', category: 'social', children: [{ id: 'ben.soc.1', name: '消费安全', target: '逐步提高' }] }] },
      { id: 'sat', name: '满意度', category: 'satisfaction', children: [{ id: 'sat.svc', name: '服务对象满意度', category: 'service-satisfaction', children: [{ id: 'sat.svc.1', name: '公众满意度', target: '≥90%' }] }] },
    ],
    prose: [
      { id: 'kv-policyBasis', heading: '政策依据', level: 1, text: '《产品质量法》' },
      { id: 'kv-calculationBasis', heading: '测算依据', level: 1, text: '每批次检验费约2500元' },
      { id: 'kv-longTermGoal', heading: '长期目标（跨度多年的项目需填）', level: 1, text: '产品质量安全水平持续提升' },
    ],
    notes: ['实施期限：3', '项目类型：03 专项资金项目', '是否新增项目：否', '分配方式：因素法和项目法'],
    ...overrides,
  });
}

/** What a goals declaration says, as compared in the round trip. Money in 万元 whatever the unit. */
function projection(doc: EvaluationDocument): unknown {
  const tree = (nodes: readonly IndicatorNode[]): unknown[] =>
    nodes.map((n) => ({ name: n.name, target: n.target, explanation: n.explanation, weight: n.weight, children: n.children ? tree(n.children) : undefined }));
  const h = doc.header;
  return {
    stage: h.stage,
    level: h.level,
    year: h.year,
    projectCode: h.projectCode,
    projectName: h.projectName,
    organisation: h.organisation,
    supervisingDepartment: h.supervisingDepartment,
    notes: doc.notes,
    totalAmount: amountInWan(doc, 'total-amount'),
    annualAmount: amountInWan(doc, 'annual-amount'),
    goals: doc.goals.map((g) => g.expected).join('\n'),
    prose: doc.prose.map((p) => [p.heading, p.text]),
    indicators: tree(doc.indicators),
  };
}

async function reimport(bytes: Uint8Array, fileName = 'goals.xlsx'): Promise<EvaluationDocument[]> {
  const r = await importFile(bytes, { fileName });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.documents.map((d) => d.document);
}

describe('the 绩效目标申报表 xlsx', () => {
  it('writes the header block, the indicator grid with merges, the footer, widths and A4 setup', async () => {
    const ws = (await load(await exportGoalsXlsx(goalsDoc()))).worksheets[0]!;
    expect(ws.name).toBe('质量监督专项');
    expect(ws.getCell('A1').value).toBe('2024年度二级项目支出绩效目标申报表');
    expect(merges(ws)).toContain('A1:E1');
    expect(ws.getCell('A2').value).toBe('项目编码：');
    expect(ws.getCell('B2').value).toBe('430900241000000001');
    expect(merges(ws)).toContain('B2:C2');
    expect(ws.getCell('D2').value).toBe('项目名称：');
    expect(ws.getCell('E2').value).toBe('质量监督专项');
    expect(ws.getCell('B3').value).toBe('益阳市市场监督管理局');
    expect(ws.getCell('E3').value).toBe('益阳市人民政府');
    expect(ws.getCell('B4').value).toBe('3');
    expect(ws.getCell('E4').value).toBe('03 专项资金项目');
    expect(ws.getCell('B5').value).toBe('否');
    expect(ws.getCell('E5').value).toBe('因素法和项目法');
    expect(ws.getCell('A6').value).toBe(GOALS_WORDS.totalAmount);
    expect(ws.getCell('B6').value).toBe(465);
    expect(ws.getCell('B6').numFmt).toBe('0.00');
    expect(ws.getCell('E6').value).toBe(155.5);
    expect(ws.getCell('E6').numFmt).toBe('0.00');
    expect(ws.getCell('A7').value).toBe('政策依据：');
    expect(merges(ws)).toContain('B7:E7');
    expect(ws.getCell('B9').value).toBe('1．开展产品质量安全风险监控和监督抽查工作；\n2．特种设备安全监管。');
    expect(ws.getCell('A10').value).toBe('长期目标（跨度多年的项目需填）：');
    expect(ws.getRow(11).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '目标值', '指标解释']);
    expect(ws.getCell('A12').value).toBe('产出');
    expect(merges(ws)).toContain('A12:A15');
    expect(merges(ws)).toContain('B12:B13');
    expect(ws.getCell('C12').value).toBe('产品质量监督抽查量');
    expect(ws.getCell('D12').value).toBe('≥600批次');
    expect(ws.getCell('E12').value).toBe('全年监督抽查批次');
    expect(ws.getCell('B15').value).toBe('时效');
    expect(ws.getCell('C15').value).toBeNull();
    expect(ws.getCell('A18').value).toBe('备注：');
    expect(merges(ws)).toContain('A18:E18');
    expect(ws.getCell('A12').border.left?.style).toBe('thin');
    expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getColumn(3).width).toBe(42.75);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('11:11');
  });

  it('converts 元 to 万元 exactly and keeps two decimals', async () => {
    const doc = goalsDoc();
    doc.funding!.tables[1] = { ...doc.funding!.tables[1]!, unit: '元', rows: [{ label: '本年度项目金额', role: 'total', amounts: { annualBudget: '10185500' } }] };
    expect(amountInWan(doc, 'annual-amount')).toBe('1018.55');
    const ws = (await load(await exportGoalsXlsx(doc))).worksheets[0]!;
    expect(ws.getCell('E6').value).toBe(1018.55);
  });

  it('shows approved adjustments beside the original target, with the reason as a note', async () => {
    let doc = goalsDoc();
    const req = requestAdjustment(doc, { id: 'a1', indicatorId: 'out.qty.1', to: '≥500批次', reason: '上级抽检计划调减', requestedBy: '张三', requestedAt: '2024-06-01T00:00:00Z' });
    if (!req.ok) throw new Error(req.message);
    const pending = await load(await exportGoalsXlsx(req.document));
    expect(() => findCell(pending.worksheets[0]!, GOALS_WORDS.adjusted)).toThrow();
    const ok = decideAdjustment(req.document, 'a1', { decision: 'approve', by: '李四', at: '2024-06-03T00:00:00Z' });
    if (!ok.ok) throw new Error(ok.message);
    doc = ok.document;
    const ws = (await load(await exportGoalsXlsx(doc))).worksheets[0]!;
    expect(ws.getRow(11).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '目标值', '调整后目标值', '指标解释']);
    expect(ws.getCell('D12').value).toBe('≥600批次');
    expect(ws.getCell('E12').value).toBe('≥500批次');
    expect(noteText(ws.getCell('E12'))).toBe('由“≥600批次”调整为“≥500批次”。调整原因：上级抽检计划调减（审批：李四，2024-06-03）');
    expect(ws.getCell('E13').value).toBeNull();
    expect(findCell(ws, '备注：“调整后目标值”为经审批的绩效目标调整，调整原因见单元格批注').address).toBe('A18');
  });

  it('imports back to an equal goals document (generated declarations)', async () => {
    const plain = goalsDoc();
    const weighted = goalsDoc({ header: { ...goalsDoc().header, title: '2024年度项目支出绩效目标申报表', projectCode: undefined } });
    for (const n of weighted.indicators.flatMap((s) => s.children ?? []).flatMap((m) => m.children ?? [])) n.weight = '10';
    const flat = goalsDoc({ indicators: [{ id: 'out', name: '产出指标', category: 'output', children: [{ id: 'o1', name: '培训人次', target: '≥200人次' }] }], prose: [], notes: [] });
    for (const doc of [plain, weighted, flat]) {
      const back = await reimport(await exportGoalsXlsx(doc));
      expect(back).toHaveLength(1);
      expect(projection(back[0]!)).toEqual(projection(doc));
    }
  });

  it('tells a 申报表 title from another and adds the year', () => {
    expect(goalsTitle(goalsDoc())).toBe('2024年度二级项目支出绩效目标申报表');
    expect(goalsTitle(goalsDoc({ header: { ...goalsDoc().header, title: '2023年度项目支出绩效目标申报表' } }))).toBe('2023年度项目支出绩效目标申报表');
    expect(goalsTitle(goalsDoc({ header: { ...goalsDoc().header, title: '质量监督专项' } }))).toBe('2024年度二级项目支出绩效目标申报表');
  });
});

describe.each(['a', 'b'] as const)('round trip of the real workbook shenzhen-songgang-2023-goals-%s.xlsx', (which) => {
  const fileName = `shenzhen-songgang-2023-goals-${which}.xlsx`;
  const bytes = new Uint8Array(readFileSync(new URL(`../../test/inputs/real/${fileName}`, import.meta.url)));

  it('every sheet, exported alone and imported back, gives the same declaration', async () => {
    const docs = await reimport(bytes, fileName);
    expect(docs).toHaveLength(20);
    for (const doc of docs) {
      const back = await reimport(await exportGoalsXlsx(doc));
      expect(back).toHaveLength(1);
      expect(projection(back[0]!)).toEqual(projection(doc));
    }
  });

  it('the whole workbook, exported as one, imports back sheet by sheet', async () => {
    const docs = await reimport(bytes, fileName);
    const wb = await exportGoalsXlsx(docs);
    expect((await load(wb)).worksheets.map((w) => w.name)[0]).toMatch(/^1\./);
    const back = await reimport(wb, fileName);
    expect(back.map(projection)).toEqual(docs.map(projection));
  });
});
