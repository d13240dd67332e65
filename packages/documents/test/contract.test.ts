/**
 * One contract, every importer (as Hono runs every router through one suite): the same 自评表, written as
 * xlsx, docx, seed-style text, tab-separated text and HTML, must import to the same table parts; and
 * every importer, fed garbage, returns an outcome (never throws), whose documents pass `parseDocument`
 * and whose notes all say where and, in Chinese, what.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@jixiao/core';
import { importDocx, importFile, importText, importXlsx, type ImportOutcome } from '../src/import/index.js';
import { docx, type DocCell } from './support/make-docx.js';
import { workbook, type CellInput } from './support/make-xlsx.js';
import { tableParts } from './projection.js';

/** The table: cell text, or a span over `span` columns; `null` continues a vertical merge from above. */
type Spec = Array<Array<{ t: string; span?: number } | null>>;

const TITLE = '2021年度项目支出绩效自评表';
const SPEC: Spec = [
  [{ t: '项目名称' }, { t: '食品安全抽检专项', span: 7 }],
  [{ t: '主管部门' }, { t: '某县人民政府', span: 3 }, { t: '实施单位' }, { t: '某县市场监督管理局', span: 3 }],
  [{ t: '项目资金（万元）' }, { t: '' }, { t: '年初预算数' }, { t: '全年预算数' }, { t: '全年执行数' }, { t: '分值' }, { t: '执行率' }, { t: '得分' }],
  [null, { t: '年度资金总额' }, { t: '100' }, { t: '120' }, { t: '114' }, { t: '10' }, { t: '95%' }, { t: '9.5' }],
  [null, { t: '其中：本级财政拨款' }, { t: '100' }, { t: '100' }, { t: '96' }, { t: '' }, { t: '' }, { t: '' }],
  [null, { t: '上级补助资金' }, { t: '' }, { t: '20' }, { t: '18' }, { t: '' }, { t: '' }, { t: '' }],
  [{ t: '年度总体目标' }, { t: '预期目标', span: 3 }, { t: '实际完成情况', span: 4 }],
  [null, { t: '完成食品抽检500批次。', span: 3 }, { t: '完成食品抽检520批次。', span: 4 }],
  [{ t: '一级指标' }, { t: '二级指标' }, { t: '三级指标' }, { t: '年度指标值' }, { t: '实际完成值' }, { t: '分值' }, { t: '得分' }, { t: '偏差原因分析及改进措施' }],
  [{ t: '产出指标（60分）' }, { t: '数量指标' }, { t: '食品抽检批次' }, { t: '≥500批次' }, { t: '520批次' }, { t: '30' }, { t: '30' }, { t: '' }],
  [null, { t: '质量指标' }, { t: '核查处置率' }, { t: '100%' }, { t: '100%' }, { t: '30' }, { t: '30' }, { t: '' }],
  [{ t: '满意度指标（30分）' }, { t: '服务对象满意度指标' }, { t: '群众满意度' }, { t: '≥90%' }, { t: '88%' }, { t: '30' }, { t: '27' }, { t: '宣传不足' }],
  [{ t: '总分', span: 5 }, { t: '100' }, { t: '96.5' }, { t: '' }],
];

/** The grid with spans expanded: the text of each of the 8 columns, and what covers it. */
function grid(): Array<Array<{ text: string; kind: 'own' | 'left' | 'up' }>> {
  const out: Array<Array<{ text: string; kind: 'own' | 'left' | 'up' }>> = [];
  SPEC.forEach((row, r) => {
    const cells: Array<{ text: string; kind: 'own' | 'left' | 'up' }> = [];
    for (const c of row) {
      if (c === null) {
        cells.push({ text: out[r - 1]![cells.length]!.text, kind: 'up' });
        continue;
      }
      cells.push({ text: c.t, kind: 'own' });
      for (let k = 1; k < (c.span ?? 1); k++) cells.push({ text: c.t, kind: 'left' });
    }
    out.push(cells);
  });
  return out;
}

async function asXlsx(): Promise<Uint8Array> {
  const g = grid();
  const rows: CellInput[][] = [[TITLE, null, null, null, null, null, null, null], ...g.map((r) => r.map((c) => (c.kind === 'own' && c.text !== '' ? c.text : null)))];
  const merges = ['A1:H1'];
  const col = (i: number): string => String.fromCharCode(65 + i);
  SPEC.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if (cell && (cell.span ?? 1) > 1) merges.push(`${col(c)}${r + 2}:${col(c + cell.span! - 1)}${r + 2}`);
      c += cell?.span ?? 1;
    }
  });
  // Vertical merges: a column's run of `null`s below an own cell.
  for (let c = 0; c < 8; c++) {
    for (let r = 0; r < g.length; r++) {
      if (g[r]![c]!.kind !== 'own') continue;
      let end = r;
      while (end + 1 < g.length && g[end + 1]![c]!.kind === 'up') end++;
      if (end > r) merges.push(`${col(c)}${r + 2}:${col(c)}${end + 2}`);
    }
  }
  return workbook([{ name: '自评表', blocks: [{ at: [1, 1], rows, merges }] }]);
}

async function asDocx(): Promise<Uint8Array> {
  const g = grid();
  const table: DocCell[][] = SPEC.map((row, r) => {
    let c = 0;
    return row.map((cell) => {
      const col = c;
      c += cell?.span ?? 1;
      if (cell === null) return { text: '', vMerge: 'continue' as const };
      const restart = r + 1 < g.length && g[r + 1]![col]!.kind === 'up';
      return { text: cell.t, ...(cell.span ? { span: cell.span } : {}), ...(restart ? { vMerge: 'restart' as const } : {}) };
    });
  });
  return docx([{ p: TITLE }, { table }]);
}

/** Word's text export: a tab before each cell, an empty line after each row, merged cells left out. */
function asSeedText(): string {
  const lines = [TITLE];
  for (const row of SPEC) {
    for (const c of row) lines.push(`\t${c === null ? '' : c.t}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Excel's clipboard: every column, merged cells blank. */
function asTabs(): string {
  return [TITLE, ...grid().map((r) => r.map((c) => (c.kind === 'own' ? c.text : '')).join('\t'))].join('\n');
}

function asHtml(): string {
  const g = grid();
  const rows = SPEC.map((row, r) => {
    let c = 0;
    const cells = row.map((cell) => {
      const col = c;
      c += cell?.span ?? 1;
      if (cell === null) return '';
      let down = 1;
      while (r + down < g.length && g[r + down]![col]!.kind === 'up') down++;
      return `<td${cell.span ? ` colspan="${cell.span}"` : ''}${down > 1 ? ` rowspan="${down}"` : ''}>${cell.t}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<html><body><h1>${TITLE}</h1><table>${rows.join('')}</table></body></html>`;
}

function parts(outcome: ImportOutcome): unknown {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  expect(outcome.documents).toHaveLength(1);
  return tableParts(outcome.documents[0]!.document);
}

describe('every importer reads the same 自评表 the same way', () => {
  it('xlsx, docx, seed text, tab text and HTML give equal table parts', async () => {
    const reference = parts(await importXlsx(await asXlsx(), { fileName: 'a.xlsx' }));
    expect(parts(await importDocx(await asDocx(), { fileName: 'a.docx' }))).toEqual(reference);
    expect(parts(importText(asSeedText(), { fileName: 'a.txt' }))).toEqual(reference);
    expect(parts(importText(asTabs(), { fileName: 'b.txt' }))).toEqual(reference);
    expect(parts(importText(asHtml(), { fileName: 'a.html' }))).toEqual(reference);
    expect(reference).toMatchObject({
      header: { title: TITLE, year: 2021, projectName: '食品安全抽检专项', supervisingDepartment: '某县人民政府' },
      meta: { printedTotal: '96.5' },
    });
  });
});

function checkOutcome(outcome: ImportOutcome, format: 'xlsx' | 'docx' | 'text'): void {
  if (!outcome.ok) {
    expect(outcome.error.code).toMatch(/^[a-z-]+$/);
    expect(outcome.error.message).toMatch(/[\u4e00-\u9fa5]/);
    return;
  }
  for (const d of outcome.documents) {
    expect(parseDocument(d.document).ok).toBe(true);
    expect(d.report.format).toBe(format);
    for (const n of [...d.report.recognised, ...d.report.skipped, ...d.report.guessed]) {
      expect(typeof n.where).toBe('string');
      expect(n.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  }
}

describe('garbage in, an outcome out', () => {
  const vocabulary = ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '得分', '产出指标', '项目名称', '总分', '年初预算数', '全年执行数', '10', '98.5', '≥90%', '\t', '\n', '\n\n', ' ', '|', '（50分）', '一、', '数量指标：', '该项指标得3分', '<td>', '<table>', '"'];

  it('text: random arrangements of table words never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 200 }), (words) => {
        checkOutcome(importText(words.join('')), 'text');
      }),
      { numRuns: 300 },
    );
  });

  it('importFile: random bytes, and random bytes behind a zip or OLE signature, never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom([], [0x50, 0x4b, 3, 4], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), async (body, head) => {
        const bytes = new Uint8Array([...head, ...body]);
        const outcome = await importFile(bytes, { fileName: 'x.xlsx' });
        checkOutcome(outcome, 'xlsx');
      }),
      { numRuns: 200 },
    );
  });

  it('xlsx and docx importers on a valid zip with random parts never throw', async () => {
    const good = await asXlsx();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), async (at, value) => {
        const bytes = good.slice();
        bytes[at] = value;
        checkOutcome(await importXlsx(bytes), 'xlsx');
        checkOutcome(await importDocx(bytes), 'docx');
      }),
      { numRuns: 60 },
    );
  });
});
