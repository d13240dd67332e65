/**
 * @module Arithmetic checks (数字核对): money tables sum to their totals, the execution rate and its
 * score, carry-over identities, control rates, the expense-control table, section and total scores,
 * and the grade. A blank figure is reported as missing (info), never as a false arithmetic error.
 */
import { Dec, placesIn } from '../../decimal/index.js';
import type { AmountColumn, FundingRow, FundingTable } from '../../model/index.js';
import { gradeFor, gradeMatches, mainFundingTable, percentValue } from '../../scoring/index.js';
import type { AuditContext } from '../context.js';
import { dec } from '../context.js';
import { columnZh, LABEL_ZH } from '../messages.js';

const HUNDRED = Dec.HUNDRED;

/** Amount columns in the order they are printed. */
const COLUMNS: readonly AmountColumn[] = [
  'initialBudget', 'annualBudget', 'executed', 'budget', 'carryOverStart', 'income', 'expenditure', 'carryOverEnd', 'arranged', 'arrived', 'amount',
];

/** A JSON path segment for an object key. */
export function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

/**
 * Rounding slack of a sum of printed parts against a printed whole: each part may be off by half a
 * unit of the finest printed place (the rule set's tolerance), so n parts may drift n half-units from
 * the rounded whole; one part is the whole and may not drift at all. Exact for 元 (cents).
 */
function roundingSlack(whole: string, parts: readonly string[], unit: string): Dec {
  if (unit === '元' || parts.length < 2) return Dec.ZERO;
  let places = placesIn(whole);
  for (const t of parts) places = Math.max(places, placesIn(t));
  return Dec.fromUnits(5n * BigInt(parts.length), places + 1);
}

export function checkArithmetic(ctx: AuditContext): void {
  const tables = ctx.doc.funding?.tables ?? [];
  tables.forEach((t, ti) => {
    checkTableSums(ctx, t, `$.funding.tables[${ti}]`);
    checkCarryOver(ctx, t, `$.funding.tables[${ti}]`);
  });
  checkExecution(ctx);
  checkControlRates(ctx);
  checkExpenseControl(ctx);
  checkSectionScores(ctx);
  checkTotals(ctx);
}

function tableTitle(t: FundingTable): string {
  return t.title ?? LABEL_ZH.fundingTable;
}

function checkTableSums(ctx: AuditContext, t: FundingTable, tpath: string): void {
  const totals: number[] = [];
  const items: number[] = [];
  t.rows.forEach((r, i) => (r.role === 'total' ? totals : items).push(i));
  // Only a table with one total row and item rows is a sum; a lone total row is not.
  if (totals.length !== 1 || items.length === 0) return;
  const ti = totals[0]!;
  const total = t.rows[ti]!;
  const title = tableTitle(t);
  const present = new Set<string>();
  for (const r of t.rows) for (const k in r.amounts) present.add(k);
  for (const col of COLUMNS) {
    if (!present.has(col)) continue;
    const totalText = total.amounts[col];
    const given: string[] = [];
    const blanks: FundingRow[] = [];
    for (const i of items) {
      const row = t.rows[i]!;
      const text = row.amounts[col];
      if (text === undefined) blanks.push(row);
      else given.push(text);
    }
    if (given.length === 0) continue;
    const sum = Dec.sum(given.map((x) => Dec.parse(x) ?? Dec.ZERO));
    const location = `${title} › ${total.label} › ${columnZh(col)}`;
    const path = `${tpath}.rows[${ti}].amounts.${col}`;
    if (totalText === undefined) {
      ctx.add('ARITH-INCOMPLETE', path, location, { sum: sum.toString() }, { table: title, column: col });
      continue;
    }
    const totalValue = Dec.parse(totalText);
    if (!totalValue) continue;
    const diff = sum.minus(totalValue);
    if (diff.isZero()) continue;
    const slack = roundingSlack(totalText, given, t.unit);
    const figures = { total: totalValue.toString(), sum: sum.toString(), difference: diff.toString() };
    if (blanks.length > 0) {
      const anyNegative = given.some((x) => x.startsWith('-'));
      if (diff.gt(slack) && !anyNegative) ctx.add('ARITH-FUNDING-SUM', path, location, figures, { table: title, column: col });
      else ctx.add('ARITH-INCOMPLETE', path, location, { total: figures.total, sum: figures.sum }, { table: title, column: col, blanks: blanks.map((r) => r.label).join('、') });
      continue;
    }
    if (diff.abs().lte(slack)) ctx.add('ARITH-ROUNDING', path, location, { ...figures, tolerance: slack.toString() }, { table: title, column: col });
    else ctx.add('ARITH-FUNDING-SUM', path, location, figures, { table: title, column: col });
  }
}

function checkCarryOver(ctx: AuditContext, t: FundingTable, tpath: string): void {
  t.rows.forEach((row, ri) => {
    const a = row.amounts;
    if (a.carryOverEnd === undefined || (a.income === undefined && a.expenditure === undefined)) return;
    const start = dec(a.carryOverStart);
    const income = dec(a.income);
    const expenditure = dec(a.expenditure);
    const end = dec(a.carryOverEnd);
    if (!end) return;
    const computed = (start ?? Dec.ZERO).plus(income ?? Dec.ZERO).minus(expenditure ?? Dec.ZERO);
    const diff = computed.minus(end);
    if (diff.isZero()) return;
    const path = `${tpath}.rows[${ri}].amounts.carryOverEnd`;
    const location = `${tableTitle(t)} › ${row.label} › ${columnZh('carryOverEnd')}`;
    const blanks = (['carryOverStart', 'income', 'expenditure'] as const).filter((c) => a[c] === undefined);
    if (blanks.length > 0) {
      // A total row's blank cells are already reported by the column sums.
      if (row.role !== 'total') {
        ctx.add('ARITH-INCOMPLETE', path, location, { total: end.toString(), sum: computed.toString() }, { table: tableTitle(t), blanks: blanks.map(columnZh).join('、') });
      }
      return;
    }
    const figures = {
      carryOverStart: start!.toString(),
      income: income!.toString(),
      expenditure: expenditure!.toString(),
      carryOverEnd: end.toString(),
      computed: computed.toString(),
      difference: diff.toString(),
    };
    const slack = roundingSlack(a.carryOverEnd, [a.carryOverStart!, a.income!, a.expenditure!], t.unit);
    if (diff.abs().lte(slack)) {
      ctx.add('ARITH-ROUNDING', path, location, { total: end.toString(), sum: computed.toString(), difference: diff.toString(), tolerance: slack.toString() }, { table: `${tableTitle(t)} ${row.label}` });
    } else {
      ctx.add('ARITH-CARRY-OVER', path, location, figures, { row: row.label });
    }
  });
}

function checkExecution(ctx: AuditContext): void {
  const { doc, rs, report } = ctx;
  const table = mainFundingTable(doc);
  const ti = table ? doc.funding!.tables.indexOf(table) : -1;
  const totalIndex = table ? table.rows.findIndex((r) => r.role === 'total') : -1;
  const total = table && totalIndex >= 0 ? table.rows[totalIndex] : undefined;
  const printed = doc.funding?.execution;
  const ex = report.execution;
  const budget = dec(total?.amounts.annualBudget);
  const executed = dec(total?.amounts.executed);
  const execLocation = LABEL_ZH.executionBlock;
  if (budget && executed && !budget.isZero()) {
    const rate = ex?.ratePercent ?? executed.times(HUNDRED).div(budget, rs.rounding.ratePlaces, rs.rounding.mode)!;
    const base = { annualBudget: budget.toString(), executed: executed.toString(), computedRate: rate.toString() };
    if (executed.gt(budget)) {
      ctx.add('ARITH-EXEC-OVER-BUDGET', `$.funding.tables[${ti}].rows[${totalIndex}].amounts.executed`, `${tableTitle(table!)} › ${total!.label} › ${columnZh('executed')}`, base);
    }
    if (printed?.printedRate !== undefined) {
      const differs = ex ? ex.rateDiffers : !ratePrintedAgrees(ctx, printed.printedRate, executed, budget);
      if (differs) ctx.add('ARITH-EXEC-RATE', '$.funding.execution.printedRate', `${execLocation} › ${LABEL_ZH.executionRate}`, { printedRate: printed.printedRate, ...base });
    }
    if (ex?.differs && ex.printed && ex.computed) {
      ctx.add('ARITH-EXEC-SCORE', '$.funding.execution.printedScore', `${execLocation} › ${LABEL_ZH.executionScore}`, {
        printed: ex.printed.toString(),
        computed: ex.computed.toString(),
        weight: ex.weight.toString(),
        computedRate: rate.toString(),
      });
    }
  } else if (ex) {
    const reason = !table ? 'table' : !budget ? 'annualBudget' : !executed ? 'executed' : 'zeroBudget';
    const figures: Record<string, string> = { weight: ex.weight.toString(), reason };
    if (ex.printed) figures['printed'] = ex.printed.toString();
    ctx.add('ARITH-EXEC-MISSING', table ? `$.funding.tables[${ti}]` : '$.funding', execLocation, figures);
  }
}

function ratePrintedAgrees(ctx: AuditContext, printedRate: string, numerator: Dec, denominator: Dec): boolean {
  const p = percentValue(printedRate);
  if (!p) return false;
  const exact = numerator.times(HUNDRED).div(denominator, 12)!;
  return ctx.agrees(printedRate.replace(/[%％]\s*$/, ''), p, exact, false);
}

function checkControlRates(ctx: AuditContext): void {
  const dept = ctx.doc.department;
  if (!dept) return;
  const s = dept.staffing;
  if (s?.printedControlRate !== undefined) {
    controlRate(ctx, 'staffing', s.printedControlRate, s.actual, s.authorized, '$.department.staffing.printedControlRate', `${LABEL_ZH.staffing} › ${LABEL_ZH.controlRate}`);
  }
  dept.buildings.forEach((b, i) => {
    const base = `$.department.buildings[${i}]`;
    if (b.printedScaleRate !== undefined) {
      controlRate(ctx, 'building-scale', b.printedScaleRate, b.actualArea, b.approvedArea, `${base}.printedScaleRate`, `${LABEL_ZH.buildings} › ${b.name} › ${LABEL_ZH.scaleRate}`);
    }
    if (b.printedInvestmentRate !== undefined) {
      controlRate(ctx, 'building-investment', b.printedInvestmentRate, b.actualInvestment, b.budgetInvestment, `${base}.printedInvestmentRate`, `${LABEL_ZH.buildings} › ${b.name} › ${LABEL_ZH.investmentRate}`);
    }
  });
}

function controlRate(ctx: AuditContext, kind: string, printed: string, numText: string | undefined, denText: string | undefined, path: string, location: string): void {
  const num = dec(numText);
  const den = dec(denText);
  if (!num || !den || den.isZero()) return;
  if (ratePrintedAgrees(ctx, printed, num, den)) return;
  const computed = num.times(HUNDRED).div(den, ctx.rs.rounding.ratePlaces, ctx.rs.rounding.mode)!;
  ctx.add('ARITH-CONTROL-RATE', path, location, { printed, computed: computed.toString(), numerator: num.toString(), denominator: den.toString(), kind });
}

/** Rows of the 三公 family, whose spending is controlled against budget and may only fall. */
const THREE_PUBLIC = new Set(['three-public-total', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'overseas', 'reception']);

function checkExpenseControl(ctx: AuditContext): void {
  const ec = ctx.doc.department?.expenseControl;
  if (!ec) return;
  const rowPath = (i: number, col: string) => `$.department.expenseControl.rows[${i}].values${key(col)}`;
  const where = (label: string, col: string) => `${LABEL_ZH.expenseControl} › ${label.trim()} › ${col}`;
  ec.rows.forEach((row, ri) => {
    const parts = ec.rows.filter((r) => r.parent === row.id);
    if (parts.length === 0) return;
    for (const col of ec.columns) {
      const parentText = row.values[col.key];
      const given: string[] = [];
      const blanks: string[] = [];
      for (const p of parts) {
        const x = p.values[col.key];
        if (x === undefined) blanks.push(p.label.trim());
        else given.push(x);
      }
      if (given.length === 0) continue;
      const sum = Dec.sum(given.map((x) => Dec.parse(x) ?? Dec.ZERO));
      const path = rowPath(ri, col.key);
      const location = where(row.label, col.label);
      if (parentText === undefined) {
        ctx.add('ARITH-INCOMPLETE', path, location, { sum: sum.toString() }, { table: `${LABEL_ZH.expenseControl} ${row.label.trim()}`, column: col.label });
        continue;
      }
      const parent = Dec.parse(parentText);
      if (!parent) continue;
      const diff = sum.minus(parent);
      const slack = roundingSlack(parentText, given, ec.unit);
      const figures = { parent: parent.toString(), sum: sum.toString(), difference: diff.toString() };
      const params = { row: row.label.trim(), column: col.label };
      if (row.partsListed === 'some') {
        if (diff.gt(slack)) ctx.add('ARITH-EXPENSE-PARTS', path, location, figures, { ...params, some: '1' });
        continue;
      }
      if (diff.isZero()) continue;
      if (blanks.length > 0) {
        if (diff.gt(slack)) ctx.add('ARITH-EXPENSE-PARTS', path, location, figures, params);
        else ctx.add('ARITH-INCOMPLETE', path, location, { total: figures.parent, sum: figures.sum }, { table: `${LABEL_ZH.expenseControl} ${row.label.trim()}`, column: col.label, blanks: blanks.join('、') });
        continue;
      }
      if (diff.abs().lte(slack)) ctx.add('ARITH-ROUNDING', path, location, { total: figures.parent, sum: figures.sum, difference: figures.difference, tolerance: slack.toString() }, { table: `${LABEL_ZH.expenseControl} ${row.label.trim()}`, column: col.label });
      else ctx.add('ARITH-EXPENSE-PARTS', path, location, figures, params);
    }
  });

  // 三公经费: final accounts within budget, and never above last year's final accounts.
  const finals = ec.columns.filter((c) => c.stage === 'final' && c.year !== undefined);
  const budgets = ec.columns.filter((c) => c.stage === 'budget' && c.year !== undefined);
  ec.rows.forEach((row, ri) => {
    if (!THREE_PUBLIC.has(row.kind)) return;
    for (const f of finals) {
      const b = budgets.find((x) => x.year === f.year);
      const final = dec(row.values[f.key]);
      const budget = b ? dec(row.values[b.key]) : undefined;
      if (final && budget && final.gt(budget)) {
        ctx.add('ARITH-EXPENSE-OVER-BUDGET', rowPath(ri, f.key), where(row.label, f.label), { final: final.toString(), budget: budget.toString() }, { row: row.label.trim(), year: String(f.year) });
      }
    }
    if (row.kind !== 'three-public-total') return;
    for (const f of finals) {
      const prev = finals.find((x) => x.year === f.year! - 1);
      if (!prev) continue;
      const current = dec(row.values[f.key]);
      const previous = dec(row.values[prev.key]);
      if (current && previous && current.gt(previous)) {
        ctx.add('ARITH-EXPENSE-GROWTH', rowPath(ri, f.key), where(row.label, f.label), {
          current: current.toString(),
          previous: previous.toString(),
          change: current.minus(previous).toString(),
        }, { row: row.label.trim(), year: String(f.year), previousYear: String(prev.year) });
      }
    }
  });
}

function checkSectionScores(ctx: AuditContext): void {
  for (const n of ctx.nodes) {
    if (n.leaf || n.printed === undefined || n.node.printedScore === undefined) continue;
    const sums = n.sums;
    if (!sums?.ps) continue;
    const diff = sums.ps.minus(n.printed);
    if (ctx.agrees(n.node.printedScore, n.printed, sums.ps)) continue;
    // With some indicators unscored, only a sum above the section's score is certain to be wrong.
    if (!sums.printedComplete && diff.isNegative()) continue;
    ctx.add('ARITH-SECTION-SUM', `${n.path}.printedScore`, ctx.location(n.index), {
      printed: n.printed.toString(),
      sum: sums.ps.toString(),
      difference: diff.toString(),
    });
  }
}

/** Printed total of a tree against the printed scores below it (and the execution score for the main tree). */
function checkTotals(ctx: AuditContext): void {
  const { doc, rs } = ctx;
  checkTreeTotal(ctx, 0, doc.meta.printedTotal, '$.meta.printedTotal', LABEL_ZH.total, true);
  doc.projects.forEach((p, i) => checkTreeTotal(ctx, i + 1, p.printedTotal, `$.projects[${i}].printedTotal`, `${p.name} › ${LABEL_ZH.total}`, false));

  const grade = (printedGrade: string | undefined, scoreText: string | undefined, path: string, location: string) => {
    if (printedGrade === undefined || scoreText === undefined) return;
    const score = Dec.parse(scoreText);
    if (!score) return;
    const g = gradeFor(score, rs);
    if (!gradeMatches(printedGrade, g, rs)) ctx.add('ARITH-GRADE', path, location, { score: score.toString(), grade: g, printedGrade });
  };
  grade(doc.meta.printedGrade, doc.meta.printedTotal ?? doc.meta.statedSelfScore, '$.meta.printedGrade', LABEL_ZH.grade);
  doc.projects.forEach((p, i) => grade(p.printedGrade, p.printedTotal, `$.projects[${i}].printedGrade`, `${p.name} › ${LABEL_ZH.grade}`));
}

/** Sum of the printed scores of a tree's roots (and the printed execution score): value and completeness. */
export function printedSum(ctx: AuditContext, tree: number, withExecution: boolean): { sum: Dec | undefined; complete: boolean; unscored: number } {
  let sum: Dec | undefined;
  let complete = true;
  let unscored = 0;
  if (withExecution) {
    const ex = ctx.report.execution;
    const printedExec = dec(ctx.doc.funding?.execution?.printedScore);
    if (printedExec) sum = printedExec;
    else if (ex && (ex.annualBudget || ex.executed)) {
      complete = false;
      unscored++;
    }
  }
  for (const r of ctx.treeRoots(tree)) {
    const hasDeclaredOnly = !r.substantive && r.leaf && r.declared !== undefined;
    if (!r.substantive && !hasDeclaredOnly) continue;
    if (r.ps !== undefined) sum = sum ? sum.plus(r.ps) : r.ps;
    if (r.ps === undefined || !r.printedComplete) complete = false;
  }
  if (!complete) unscored += countUnscored(ctx, tree);
  return { sum, complete, unscored };
}

/** Weighted items of a tree with no printed score (leaves, detail-less sections, sections with only a declared weight). */
export function countUnscored(ctx: AuditContext, tree: number): number {
  let n = 0;
  for (const x of ctx.nodes) {
    if (x.tree !== tree || x.printed !== undefined) continue;
    const scoredHere = x.leaf ? x.weight !== undefined || x.declared !== undefined : x.item !== undefined && x.item.method !== 'sum' && x.item.weight !== undefined;
    if (scoredHere) n++;
  }
  return n;
}

function checkTreeTotal(ctx: AuditContext, tree: number, printedText: string | undefined, path: string, location: string, withExecution: boolean): void {
  if (printedText === undefined) return;
  const printed = Dec.parse(printedText);
  if (!printed) return;
  const { sum, complete } = printedSum(ctx, tree, withExecution);
  if (!sum) return;
  const diff = sum.minus(printed);
  const agrees = ctx.agrees(printedText, printed, sum);
  if (agrees) return;
  if (!complete && diff.isNegative()) return;
  ctx.add('ARITH-TOTAL-SUM', path, location, { printedTotal: printed.toString(), sum: sum.toString(), difference: diff.toString() });
}
