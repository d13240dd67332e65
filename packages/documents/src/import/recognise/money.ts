/**
 * @module Money tables: the 项目资金 / 年度预算申请 block with its 分值 / 执行率 / 得分, 按收入性质分 /
 * 按支出性质分 breakdowns, 资金到位 (预算安排 vs 实际到位), sub-project and subordinate-unit tables.
 * Rows are read by column role; labels keep their printed text minus layout blanks. Pure.
 */
import type { AmountColumn, FundingRow, FundingTable, MoneyUnit } from '@jixiao/core';
import type { Cell, Row } from '../model.js';
import { isBlankValue, joinWrapped, matchKey } from '../text-util/normalise.js';
import { decimalFromNumber, parseFigure, parsePercent, splitLabelFigure } from '../text-util/numbers.js';
import { alignOffset, NUM_CELL, nonEmptyTexts, unitIn } from './cells.js';
import { moneyLabel } from './labels.js';
import type { ConverterContext, FundingCols, State } from './state.js';
import { fundingRole, type FundingRole, headerKey, isTotalLabel, sourceKindOf } from './vocabulary.js';

export function fundingHeader(row: Row): FundingCols | undefined {
  const roles = new Map<FundingRole, number>();
  row.cells.forEach((c, i) => {
    if (c.text === '' || c.merged === 'left') return;
    const r = fundingRole(c.text);
    if (r && !roles.has(r)) roles.set(r, i);
  });
  const amounts = [...roles.keys()].filter((r) => r !== 'weight' && r !== 'rate' && r !== 'score');
  if (amounts.length < 2 && !(amounts.length === 1 && roles.has('rate'))) return undefined;
  const firstAmount = Math.min(...[...roles.values()]);
  return { roles, width: row.cells.length, firstAmount };
}

export function isFundingTotalRow(cells: Cell[]): boolean {
  return cells.length > 0 && isTotalLabel(cells[0]!.text);
}

export function startFunding(cv: ConverterContext, row: Row, cols: FundingCols, rows: Row[], index: number): void {
  // Title and unit: the label cell of the header ("项目资金（万元）"), the row above, or the caption.
  const labelCells = row.cells.slice(0, cols.firstAmount).filter((c) => c.text !== '');
  const above = index > 0 ? nonEmptyTexts(rows[index - 1]!) : [];
  const labelKeys = labelCells.map((c) => headerKey(c.text));
  let kind: FundingTable['kind'] = 'project-funding';
  if (labelKeys.some((k) => /单位名称|单位|部门名称/.test(k))) kind = 'subordinate-units';
  if (above.some((c) => /项目支出明细|支出明细|二级项目/.test(matchKey(c.text))) || labelKeys.some((k) => /支出内容|项目名称|二级项目/.test(k))) kind = 'sub-projects';
  const roleKeys = [...cols.roles.keys()];
  if (kind === 'project-funding' && !roleKeys.some((r) => r === 'initialBudget' || r === 'annualBudget' || r === 'executed')) kind = 'other';
  let d = cv.draft;
  if (kind === 'project-funding') {
    if (d.fundingTables.some((t) => t.kind === 'project-funding' && t.id === 'project-funding') && d.hasSelfEvaluation) d = cv.fresh();
    d.hasSelfEvaluation = true;
  }
  d.hasTable = true;
  const titleCell = labelCells.find((c) => !/^(单位名称|支出内容)$/.test(headerKey(c.text)));
  let title = titleCell ? joinWrapped(titleCell.text) : undefined;
  if (kind !== 'project-funding' && cv.caption.title) title = cv.caption.title.text;
  let unit: MoneyUnit | undefined = [...labelCells, ...row.cells, ...above].map((c) => unitIn(c.text)).find((u) => u !== undefined) ?? cv.caption.unit;
  if (!unit) {
    unit = '万元';
    d.guess('unit-assumed', row.where, { unit: '万元' });
  }
  const baseId = kind === 'project-funding' ? 'project-funding' : kind;
  const table: FundingTable = { id: d.uniqueId(baseId), kind, unit, rows: [] };
  if (title) table.title = title;
  d.fundingTables.push(table);
  if (kind === 'project-funding') d.fundingUnit ??= unit;
  d.rec('table-found', row.where, { what: `资金表${title ? `“${title}”` : ''}` });
  d.rec('funding-unit', row.where, { unit });
  cv.state = { kind: 'funding', cols, table };
}

export function provincial(cv: ConverterContext): boolean {
  const org = cv.draft.organisation ?? cv.draft.supervisingDepartment ?? cv.draft.reportTitle?.text ?? '';
  return /省/.test(org) && !/[市县区州盟]/.test(org.replace(/省.*?(厅|局|委|办)/u, ''));
}

export function fundingRow(cv: ConverterContext, row: Row, st: Extract<State, { kind: 'funding' }>): void {
  const d = cv.draft;
  const { cols, table } = st;
  const cells = row.cells;
  // 按收入性质分 / 按支出性质分: the rest of the block is two label:amount columns.
  const natureCols: Array<{ col: number; table: FundingTable }> = [];
  cells.forEach((c, i) => {
    if (c.merged) return;
    const k = matchKey(c.text).replace(/[:：]$/u, '');
    if (/^按(收入|支出)性质分$/.test(k)) {
      const kind = k.includes('收入') ? 'income-nature' : 'expenditure-nature';
      const t: FundingTable = { id: d.uniqueId(kind), title: k, kind, unit: table.unit, rows: [] };
      const total = table.rows.find((r) => r.role === 'total');
      const amount = total?.amounts.annualBudget ?? total?.amounts.executed;
      if (amount !== undefined) {
        t.rows.push({ label: total!.label, role: 'total', amounts: { amount }, note: '分项表未印合计，合计行取自“年度资金总额”的全年预算数' });
        d.guessInfo('derived-total', c.where, { label: total!.label, value: amount });
      }
      d.fundingTables.push(t);
      natureCols.push({ col: i, table: t });
    }
  });
  if (natureCols.length > 0) {
    cv.state = { kind: 'nature', columns: natureCols, width: cells.length };
    d.rec('table-found', row.where, { what: natureCols.map((n) => n.table.title).join('、') });
    return;
  }
  const offset = alignOffset(row, cols.width, cv.format);
  // The label: the last text before the first amount column.
  let labelCell: Cell | undefined;
  const labelEnd = cols.firstAmount + offset;
  for (let i = 0; i < Math.max(1, labelEnd); i++) {
    const c = cells[i];
    if (c && c.text !== '' && !NUM_CELL.test(c.text) && !(c.merged === 'up')) labelCell = c;
  }
  const amounts: Partial<Record<AmountColumn, string>> = {};
  const exec: { weight?: string; printedRate?: string; printedScore?: string } = {};
  let any = false;
  for (const [role, ci] of cols.roles) {
    const c = cells[ci + offset];
    if (!c || c.text === '' || isBlankValue(c.text) || c.merged === 'up') continue;
    if (c.formula) d.rec('formula-cached', c.where);
    if (role === 'rate') {
      const p = c.numeric !== undefined ? rateFromNumber(c.numeric) : parsePercent(c.text);
      if (p) exec.printedRate = p;
      continue;
    }
    const fig = c.numeric !== undefined ? { value: c.numeric } : parseFigure(c.text);
    if (!fig) {
      d.skipWarn('unplaced-value', c.where, { text: c.text });
      continue;
    }
    if (c.numberAsText) d.rec('text-number', c.where);
    if (role === 'weight') exec.weight = fig.value;
    else if (role === 'score') exec.printedScore = fig.value;
    else {
      if ('unit' in fig && fig.unit && fig.unit !== table.unit && (fig.unit === '万元' || fig.unit === '元')) {
        d.guess('unit-from-cell', c.where, { unit: fig.unit, text: c.text });
      }
      amounts[role] = fig.value;
      any = true;
    }
  }
  if (!labelCell) {
    if (any) d.skipWarn('unplaced-value', row.where, { text: '资金行缺少行名' });
    return;
  }
  const label = moneyLabel(labelCell.text);
  const knownLabel = isTotalLabel(label) || /^其中/.test(label) || sourceKindOf(label, false) !== undefined;
  const texts = nonEmptyTexts(row).filter((c) => c.merged !== 'up');
  if (!any && (texts.length > 2 || (!knownLabel && table.kind !== 'subordinate-units'))) {
    // A row of text with no amounts ends the money table.
    cv.state = { kind: 'none' };
    cv.reread(row);
    return;
  }
  const frow: FundingRow = { label, role: isTotalLabel(label) ? 'total' : 'item', amounts };
  const sk = sourceKindOf(label, provincial(cv));
  if (sk && table.kind !== 'subordinate-units' && table.kind !== 'sub-projects') frow.sourceKind = sk;
  if (table.kind === 'sub-projects' && frow.role === 'item') {
    const m = /^[（(]([^)）]+)[)）](.+)$/u.exec(label);
    const name = m ? m[2]! : label;
    const sp = { id: d.uniqueId(`sp-${d.subProjects.length + 1}`), name, ...(m ? { unit: m[1]! } : {}) };
    d.subProjects.push(sp);
    frow.subProject = sp.id;
    const others = cells.slice(0, labelEnd).filter((c) => c.text !== '' && c !== labelCell);
    if (others.length > 0) frow.note = others.map((c) => joinWrapped(c.text)).join(' / ');
  }
  table.rows.push(frow);
  d.rec('funding-row', labelCell.where, { label });
  if (Object.keys(exec).length > 0 && table.kind === 'project-funding' && !d.execution) {
    d.execution = exec;
    d.rec('execution-block', row.where);
  }
}

export function rateFromNumber(n: string): string {
  // Excel stores 100% as 1.
  const v = Number(n);
  if (Number.isFinite(v) && Math.abs(v) <= 2) return `${decimalFromNumber(Math.round(v * 1e8) / 1e6) ?? n}%`;
  return `${n}%`;
}

export function natureRow(cv: ConverterContext, row: Row, st: Extract<State, { kind: 'nature' }>): void {
  const d = cv.draft;
  const offset = alignOffset(row, st.width, cv.format);
  let used = false;
  for (const { col, table } of st.columns) {
    const c = row.cells[col + offset];
    if (!c || c.text === '' || c.merged) continue;
    const { label, figure } = splitLabelFigure(c.text);
    const lab = moneyLabel(label);
    if (lab === '') continue;
    const frow: FundingRow = { label: lab, role: 'item', amounts: figure ? { amount: figure.value } : {} };
    const sk = sourceKindOf(lab, provincial(cv));
    if (sk) frow.sourceKind = sk;
    table.rows.push(frow);
    d.rec('funding-row', c.where, { label: lab });
    used = true;
  }
  if (!used) {
    cv.state = { kind: 'none' };
    cv.reread(row);
  }
}

/** 预算安排资金 | amount | 实际到位资金 | amount, then 其中：rows (seed 002). */
export function arrivalHeader(cv: ConverterContext, row: Row, cells: Cell[]): boolean {
  const keys = cells.map((c) => headerKey(c.text));
  const a = keys.findIndex((k) => /^预算安排资金/.test(k));
  const b = keys.findIndex((k) => /^实际到位资金/.test(k));
  if (a < 0 || b < 0) return false;
  const d = cv.draft;
  d.hasTable = true;
  const unit = unitIn(cells[a]!.text) ?? cv.caption.unit ?? '万元';
  const table: FundingTable = { id: d.uniqueId('funds-arrival'), kind: 'funds-arrival', unit, rows: [] };
  if (cv.caption.title) table.title = cv.caption.title.text;
  const amounts: Partial<Record<AmountColumn, string>> = {};
  const va = cells[a + 1] ? parseFigure(cells[a + 1]!.text) : undefined;
  const vb = cells[b + 1] ? parseFigure(cells[b + 1]!.text) : undefined;
  if (va) amounts.arranged = va.value;
  if (vb) amounts.arrived = vb.value;
  table.rows.push({ label: `${joinWrapped(cells[a]!.text)} / ${joinWrapped(cells[b]!.text)}`, role: 'total', amounts });
  d.fundingTables.push(table);
  d.fundingUnit ??= unit;
  d.rec('table-found', row.where, { what: '资金到位表' });
  cv.state = { kind: 'arrival', table };
  return true;
}

export function arrivalRow(cv: ConverterContext, row: Row, table: FundingTable): void {
  const d = cv.draft;
  const cells = nonEmptyTexts(row);
  const labels = cells.filter((c) => !NUM_CELL.test(c.text));
  const pair = labels.length === 2 && moneyLabel(labels[0]!.text) === moneyLabel(labels[1]!.text);
  const single = labels.length === 1 && sourceKindOf(moneyLabel(labels[0]!.text), false) !== undefined;
  if (!pair && !single) {
    cv.state = { kind: 'none' };
    cv.reread(row);
    return;
  }
  const amounts: Partial<Record<AmountColumn, string>> = {};
  // The amount right after each label belongs to its column (arranged first, arrived second).
  const idx = (c: Cell): number => row.cells.indexOf(c);
  labels.forEach((lab, k) => {
    const next = row.cells[idx(lab) + 1];
    const fig = next ? parseFigure(next.text) : undefined;
    if (fig) amounts[k === 0 ? 'arranged' : 'arrived'] = fig.value;
  });
  const label = moneyLabel(labels[0]!.text);
  const frow: FundingRow = { label: joinWrapped(labels[0]!.text).replace(/[\s\u3000]+/gu, ''), role: 'item', amounts };
  const sk = sourceKindOf(label, provincial(cv));
  if (sk) frow.sourceKind = sk;
  table.rows.push(frow);
  d.rec('funding-row', labels[0]!.where, { label });
}
