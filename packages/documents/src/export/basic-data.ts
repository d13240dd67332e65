/**
 * @module The 部门整体支出绩效评价基础数据表 (department basic data) laid out as a grid, after seed 004.
 *
 *     财政供养人员情况（人） | 编制数 | 2022年实际在职人数 | 控制率
 *                            | 339    | 314                | 92.63%
 *     经费控制情况（万元）   | 2022年决算数 | 2023年预算数 | 2023年决算数     (one column per expense column)
 *     三公经费               | 127.69 | 180.01 | 86.25                            (one row per expense row)
 *     楼堂馆所控制情况（2023年完工项目） | 批复规模（㎡） | 实际规模（㎡） | 规模控制率 | 预算投资（万元） | 实际投资（万元） | 投资概算控制率
 *     厉行节约保障措施       | text
 *
 * One column per value: header cells are not merged, so readers scanning a header row meet each heading
 * once; the buildings block needs six value columns, so the table has at least six.
 */
import type { DepartmentData, EvaluationDocument } from '@jixiao/core';
import type { Cell, Grid } from './grid.js';
import { GridBuilder, text } from './grid.js';
import { dec, moneyText } from './numbers.js';

export const BASIC_WORDS = {
  staffing: '财政供养人员情况（人）',
  authorized: '编制数',
  actual: '实际在职人数',
  controlRate: '控制率',
  expenseControl: '经费控制情况',
  buildings: '楼堂馆所控制情况',
  approvedArea: '批复规模（㎡）',
  actualArea: '实际规模（㎡）',
  scaleRate: '规模控制率',
  budgetInvestment: '预算投资（万元）',
  actualInvestment: '实际投资（万元）',
  investmentRate: '投资概算控制率',
  savingMeasures: '厉行节约保障措施',
} as const;

/** Title: "2023年度部门整体支出绩效评价基础数据表". */
export function basicDataTitle(year: number): string {
  return `${year}年度部门整体支出绩效评价基础数据表`;
}

function money(value: string | undefined): Cell | undefined {
  const d = dec(value);
  if (!d) return value ? text(value, 'value') : undefined;
  return { text: moneyText(value), role: 'money', value: d.toString() };
}

function count(value: string | undefined): Cell | undefined {
  const d = dec(value);
  if (!d) return value ? text(value, 'value') : undefined;
  return { text: d.toString(), role: 'score', value: d.toString() };
}

/** Spreads `n` cells over `width` columns starting at `from`: the span of each. */
function spans(n: number, from: number, width: number): Array<{ col: number; span: number }> {
  const out: Array<{ col: number; span: number }> = [];
  let c = from;
  for (let i = 0; i < n; i++) {
    const span = Math.floor(width / n) + (i < width % n ? 1 : 0);
    out.push({ col: c, span });
    c += span;
  }
  return out;
}

/** Lays out the basic data table; undefined when the document has no department data. */
export function basicDataGrid(doc: EvaluationDocument): Grid | undefined {
  const data: DepartmentData | undefined = doc.department;
  if (!data) return undefined;
  const expense = data.expenseControl;
  const valueWidth = Math.max(6, expense?.columns.length ?? 0);
  const width = 1 + valueWidth;
  const g = new GridBuilder(width);
  const header = (t: string): Cell => text(t, 'header');

  // Staffing.
  {
    const s = data.staffing;
    const cols = spans(3, 1, 3);
    let r = g.row();
    g.row();
    g.put(r, 0, header(BASIC_WORDS.staffing), 1, 2);
    const heads = [BASIC_WORDS.authorized, s?.actualLabel ?? BASIC_WORDS.actual, BASIC_WORDS.controlRate];
    heads.forEach((h, i) => g.put(r, cols[i]!.col, header(h), cols[i]!.span));
    r += 1;
    g.put(r, cols[0]!.col, count(s?.authorized), cols[0]!.span);
    g.put(r, cols[1]!.col, count(s?.actual), cols[1]!.span);
    g.put(r, cols[2]!.col, s?.printedControlRate ? text(s.printedControlRate, 'value') : undefined, cols[2]!.span);
  }

  // Expense control.
  if (expense) {
    const cols = spans(Math.max(1, expense.columns.length), 1, Math.max(1, expense.columns.length));
    const r = g.row();
    g.put(r, 0, header(`${BASIC_WORDS.expenseControl}（${expense.unit}）`));
    expense.columns.forEach((c, i) => g.put(r, cols[i]!.col, header(c.label), cols[i]!.span));
    const depth = new Map<string, number>();
    for (const row of expense.rows) {
      const d = row.parent !== undefined ? (depth.get(row.parent) ?? 0) + 1 : 0;
      depth.set(row.id, d);
      const rr = g.row();
      g.put(rr, 0, text(row.label, 'text', { indent: d, bold: d === 0 }));
      expense.columns.forEach((c, i) => g.put(rr, cols[i]!.col, money(row.values[c.key]), cols[i]!.span));
    }
  }

  // Buildings.
  {
    const cols = spans(6, 1, valueWidth);
    const r = g.row();
    g.put(r, 0, header(`${BASIC_WORDS.buildings}（${doc.header.year}年完工项目）`));
    const heads = [
      BASIC_WORDS.approvedArea,
      BASIC_WORDS.actualArea,
      BASIC_WORDS.scaleRate,
      BASIC_WORDS.budgetInvestment,
      BASIC_WORDS.actualInvestment,
      BASIC_WORDS.investmentRate,
    ];
    heads.forEach((h, i) => g.put(r, cols[i]!.col, header(h), cols[i]!.span));
    const buildings = data.buildings.length > 0 ? data.buildings : [undefined];
    for (const b of buildings) {
      const rr = g.row();
      g.put(rr, 0, b ? text(b.name, 'label') : undefined);
      if (!b) continue;
      const cells = [
        money(b.approvedArea),
        money(b.actualArea),
        b.printedScaleRate ? text(b.printedScaleRate, 'value') : undefined,
        money(b.budgetInvestment),
        money(b.actualInvestment),
        b.printedInvestmentRate ? text(b.printedInvestmentRate, 'value') : undefined,
      ];
      cells.forEach((c, i) => g.put(rr, cols[i]!.col, c, cols[i]!.span));
    }
  }

  // Saving measures.
  {
    const r = g.row();
    g.put(r, 0, header(BASIC_WORDS.savingMeasures));
    g.put(r, 1, data.savingMeasures ? text(data.savingMeasures) : undefined, valueWidth);
  }

  const valueCol = valueWidth <= 6 ? 12 : 10;
  return {
    name: '基础数据表',
    title: basicDataTitle(doc.header.year),
    columns: [{ width: 30 }, ...Array.from({ length: valueWidth }, () => ({ width: valueCol }))],
    rows: g.rows,
    merges: g.merges,
    orientation: 'portrait',
  };
}
