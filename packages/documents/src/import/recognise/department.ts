/**
 * @module The 部门整体支出绩效评价基础数据表: 财政供养人员 (编制数 / 在职人数 / 控制率), 经费控制情况
 * (年度 × 预算/决算 columns, rows with their kind and the total they are part of), 楼堂馆所 and
 * 厉行节约保障措施. Pure.
 */
import type { BuildingProject, ExpenseRow, ExpenseRowKind } from '@jixiao/core';
import type { Cell, Row } from '../model.js';
import { cleanText, isBlankValue, joinWrapped } from '../text-util/normalise.js';
import { parseFigure, parsePercent } from '../text-util/numbers.js';
import { alignOffset, NUM_CELL, nonEmptyTexts, unitIn } from './cells.js';
import { EXPENSE_ID, EXPENSE_PARENT, EXPENSE_TOP, expenseColumn, expenseKind, expenseLabel } from './labels.js';
import { rateFromNumber } from './money.js';
import type { ConverterContext, State } from './state.js';
import { headerKey } from './vocabulary.js';

export function departmentHeader(cv: ConverterContext, row: Row, cells: Cell[]): boolean {
  const d = cv.draft;
  const keys = row.cells.map((c) => headerKey(c.text));
  // 财政供养人员情况 | 编制数 | 实际在职人数 | 控制率
  const staffActual = /在职人数|在职人员|在编人数|实有人数|在岗人数/;
  if (keys.some((k) => /^编制数/.test(k)) && keys.some((k) => staffActual.test(k) || /控制率/.test(k))) {
    const cols = new Map<'authorized' | 'actual' | 'rate' | 'retired', number>();
    keys.forEach((k, i) => {
      if (/^编制数/.test(k)) cols.set('authorized', i);
      else if (staffActual.test(k)) cols.set('actual', i);
      else if (/控制率/.test(k)) cols.set('rate', i);
      else if (/离退休/.test(k)) cols.set('retired', i);
    });
    const actualCol = cols.get('actual');
    d.staffing ??= {};
    if (actualCol !== undefined) d.staffing.actualLabel = joinWrapped(row.cells[actualCol]!.text);
    d.level = 'department';
    d.hasTable = true;
    cv.state = { kind: 'staffing', cols, width: row.cells.length };
    d.rec('department-staffing', row.where);
    return true;
  }
  // 经费控制情况（万元）| 2022年决算数 | 2023年预算数 | 2023年决算数
  const expenseCols = row.cells
    .map((c, i) => ({ c, i, col: c.text === '' ? undefined : expenseColumn(c.text) }))
    .filter((x) => x.col !== undefined);
  if (expenseCols.length >= 2 && (keys.some((k) => /经费控制/.test(k)) || expenseCols.length >= 2)) {
    const unit = cells.map((c) => unitIn(c.text)).find((u) => u !== undefined) ?? '万元';
    const columns = expenseCols.map(({ c, i, col }) => {
      const key = `${col!.stage}${col!.year ?? i}`;
      const out: { key: string; label: string; stage: 'budget' | 'final'; year?: number } = { key, label: joinWrapped(c.text), stage: col!.stage };
      if (col!.year !== undefined) out.year = col!.year;
      return { col: i, key, def: out };
    });
    d.expenseControl = { unit, columns: columns.map((x) => x.def), rows: [] };
    d.level = 'department';
    d.hasTable = true;
    cv.expenseParents = { top: undefined, numbered: undefined, last: undefined, special: undefined };
    cv.state = { kind: 'expense', columns: columns.map(({ col, key }) => ({ col, key })), width: row.cells.length };
    d.rec('table-found', row.where, { what: '经费控制情况表' });
    return true;
  }
  if (keys.some((k) => /^楼堂馆所/.test(k))) {
    d.buildingsSeen = true;
    d.hasTable = true;
    cv.state = { kind: 'buildings', width: row.cells.length };
    d.rec('department-buildings', row.where);
    return true;
  }
  const saving = row.cells.findIndex((c) => /^厉行节约/.test(headerKey(c.text)));
  if (saving >= 0) {
    const value = row.cells.slice(saving + 1).find((c) => c.text !== '' && c.text !== row.cells[saving]!.text);
    if (value) {
      d.savingMeasures = cleanText(value.text);
      d.rec('department-saving', value.where);
    }
    d.hasTable = true;
    cv.state = { kind: 'none' };
    return true;
  }
  return false;
}

export function staffingRow(cv: ConverterContext, row: Row, st: Extract<State, { kind: 'staffing' }>): void {
  const d = cv.draft;
  const offset = alignOffset(row, st.width, cv.format);
  const s = (d.staffing ??= {});
  let any = false;
  for (const [field, ci] of st.cols) {
    const c = row.cells[ci + offset];
    if (!c || c.text === '') continue;
    if (field === 'rate') {
      const p = c.numeric !== undefined ? rateFromNumber(c.numeric) : parsePercent(c.text);
      if (p) {
        s.printedControlRate = p;
        any = true;
      }
      continue;
    }
    const f = c.numeric !== undefined ? { value: c.numeric } : parseFigure(c.text);
    if (!f) continue;
    any = true;
    if (field === 'authorized') s.authorized = f.value;
    else if (field === 'actual') s.actual = f.value;
    else s.retired = f.value;
  }
  if (!any) d.skip('unused-row', row.where, { text: nonEmptyTexts(row).map((c) => c.text).join(' | ') });
  cv.state = { kind: 'none' };
}

export function expenseRow(cv: ConverterContext, row: Row, st: Extract<State, { kind: 'expense' }>): void {
  const d = cv.draft;
  const ec = d.expenseControl!;
  const offset = alignOffset(row, st.width, cv.format);
  const labelCell = row.cells.slice(0, Math.max(1, (st.columns[0]?.col ?? 1) + offset)).find((c) => c.text !== '');
  if (!labelCell) return;
  const label = expenseLabel(labelCell.text);
  const values: Record<string, string> = {};
  for (const { col, key } of st.columns) {
    const c = row.cells[col + offset];
    if (!c || c.text === '' || isBlankValue(c.text)) continue;
    const f = c.numeric !== undefined ? { value: c.numeric } : parseFigure(c.text);
    if (f) values[key] = f.value;
    else d.skipWarn('unplaced-value', c.where, { text: c.text });
    if (c.formula) d.rec('formula-cached', c.where);
  }
  const p = cv.expenseParents;
  const numbered = /^([0-9]+[、.．]|[(（][0-9一二三四五六七八九十]+[)）])/u.test(label);
  const subItem = /^其中/.test(label);
  let kind: ExpenseRowKind = expenseKind(label) ?? 'other';
  if (kind === 'other' && p.special && !numbered && !subItem && !EXPENSE_TOP.has(kind)) {
    kind = /^其他/.test(label) ? 'other' : 'special-fund';
  }
  let parent: ExpenseRow | undefined;
  const wanted = EXPENSE_PARENT[kind];
  if (EXPENSE_TOP.has(kind)) parent = undefined;
  else if (wanted) parent = [...ec.rows].reverse().find((r) => r.kind === wanted);
  else if (p.special) parent = p.special;
  else if (subItem || (labelCell.indent ?? 0) > (p.last ? 0 : 0)) parent = p.numbered ?? p.top;
  else parent = p.top;
  const base = EXPENSE_ID[kind] ?? 'row';
  const er: ExpenseRow = { id: d.uniqueId(base), label, kind, values };
  if (parent) er.parent = parent.id;
  ec.rows.push(er);
  if (EXPENSE_TOP.has(kind)) {
    p.top = er;
    p.numbered = undefined;
    p.special = undefined;
  } else if (numbered) {
    p.numbered = er;
    p.special = kind === 'own-special-total' ? er : undefined;
  }
  p.last = er;
  d.rec('department-expense', labelCell.where, { label });
}

export function buildingRow(cv: ConverterContext, row: Row, cells: Cell[]): void {
  const d = cv.draft;
  const name = cells[0];
  if (!name || NUM_CELL.test(name.text)) {
    if (cells.length > 0) d.skip('unused-row', row.where, { text: cells.map((c) => c.text).join(' | ') });
    return;
  }
  const nums = row.cells.slice(row.cells.indexOf(name) + 1).map((c) => c.text);
  const dec = (i: number): string | undefined => (nums[i] ? parseFigure(nums[i]!)?.value : undefined);
  const pct = (i: number): string | undefined => (nums[i] ? parsePercent(nums[i]!) : undefined);
  const b: BuildingProject = { name: joinWrapped(name.text) };
  const set = (k: Exclude<keyof BuildingProject, 'name'>, v: string | undefined): void => {
    if (v !== undefined) b[k] = v;
  };
  set('approvedArea', dec(0));
  set('actualArea', dec(1));
  set('printedScaleRate', pct(2));
  set('budgetInvestment', dec(3));
  set('actualInvestment', dec(4));
  set('printedInvestmentRate', pct(5));
  const clean = b;
  d.buildings.push(clean);
  d.rec('department-buildings', row.where);
}
