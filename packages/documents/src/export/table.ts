/**
 * @module The 自评表 (项目支出 / 部门整体支出绩效自评表) laid out as a grid, in the official layout.
 *
 * Layout (N columns; L indicator levels, at least 3; one more column when computed scores are shown):
 *
 *     title row (written by the writers)                     2020年度项目支出绩效自评表
 *     项目名称 | name …                                      (预算部门 | name … for departments)
 *     主管部门 | … | 实施单位 | …
 *     项目资金（万元） | (blank) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 [| 计算得分]
 *                      | 年度资金总额 | … one row per funding row …
 *                      | 按收入性质分： | 按支出性质分：   (departments), then "其中：一般公共预算：9846.08" pairs
 *     年度总体目标 | 预期目标 | 实际完成情况, one row per goal
 *     绩效指标 | 一级指标 | 二级指标 | 三级指标 [| 四级指标 …] | 年度指标值 | 实际完成值 | 分值 | 得分
 *              [| 计算得分] | 偏差原因分析及改进措施, one row per leaf, section cells merged down
 *     总分 | total weight | printed total [| computed total]
 *
 * Printed figures are never replaced: a computed score that differs is shown in its own 计算得分 column
 * with a 说明 note. Header words are the official ones, because the importers find tables by them.
 */
import type { EvaluationDocument, FundingRow, FundingTable, Goal, IndicatorNode, MoneyUnit } from '@jixiao/core';
import type { Cell, Column, Grid } from './grid.js';
import { GridBuilder, text } from './grid.js';
import { dec, moneyText, plain, sameFigure, sum } from './numbers.js';
import type { ExportScoring } from './types.js';

/** Official header words, shared with the docx writer and the tests. */
export const WORDS = {
  projectName: '项目名称',
  supervisingDepartment: '主管部门',
  implementingUnit: '实施单位',
  budgetDepartment: '预算部门',
  projectFunding: '项目资金',
  departmentFunding: '年度预算申请',
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  rate: '执行率',
  score: '得分',
  computedScore: '计算得分',
  totalFunds: '年度资金总额',
  incomeNature: '按收入性质分：',
  expenditureNature: '按支出性质分：',
  goals: '年度总体目标',
  expected: '预期目标',
  actual: '实际完成情况',
  indicators: '绩效指标',
  target: '年度指标值',
  actualValue: '实际完成值',
  reason: '偏差原因分析及改进措施',
  total: '总分',
} as const;

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标', '七级指标', '八级指标'];

/** One 自评表: the main document's, or one per project embedded in a department report. */
export interface TableSubject {
  level: 'project' | 'department';
  year: number;
  projectName?: string | undefined;
  organisation: string;
  supervisingDepartment?: string | undefined;
  implementingUnits: string[];
  unit: MoneyUnit;
  fundingTables: FundingTable[];
  execution?: { weight?: string | undefined; printedRate?: string | undefined; printedScore?: string | undefined } | undefined;
  goals: Goal[];
  indicators: IndicatorNode[];
  printedTotal?: string | undefined;
  /** Computed scores, for the main subject only (ids of embedded projects are their own). */
  scoring?: ExportScoring | undefined;
  /** Worksheet name. */
  sheetName: string;
}

/** Title of the table: "2020年度项目支出绩效自评表" / "2023年度部门整体支出绩效自评表". */
export function tableTitle(level: 'project' | 'department', year: number): string {
  return `${year}年度${level === 'department' ? '部门整体支出' : '项目支出'}绩效自评表`;
}

/** The tables a document yields: its own, then one per embedded project that has indicators or goals. */
export function tableSubjects(doc: EvaluationDocument, scoring?: ExportScoring): TableSubject[] {
  const unit = doc.funding?.unit ?? '万元';
  const main: TableSubject = {
    level: doc.header.level,
    year: doc.header.year,
    projectName: doc.header.projectName,
    organisation: doc.header.organisation,
    supervisingDepartment: doc.header.supervisingDepartment,
    implementingUnits: doc.header.implementingUnits,
    unit,
    fundingTables: (doc.funding?.tables ?? []).filter((t) => inSelfEvaluationTable(t, doc.header.level)),
    execution: doc.funding?.execution,
    goals: doc.goals,
    indicators: doc.indicators,
    printedTotal: doc.meta.printedTotal,
    scoring,
    sheetName: doc.header.level === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表',
  };
  const subjects = [main];
  doc.projects.forEach((p, i) => {
    if (p.indicators.length === 0 && p.goals.length === 0) return;
    subjects.push({
      level: 'project',
      year: doc.header.year,
      projectName: p.name,
      organisation: doc.header.organisation,
      supervisingDepartment: doc.header.organisation,
      implementingUnits: [doc.header.organisation],
      unit,
      fundingTables: [],
      goals: p.goals,
      indicators: p.indicators,
      printedTotal: p.printedTotal,
      sheetName: sheetName(`项目${i + 1} ${p.name}`),
    });
  });
  return subjects;
}

/** Sub-project id → the name shown for it: "（特设处）特设安全监管项目". */
export function subProjectNames(doc: EvaluationDocument): Map<string, string> {
  return new Map(doc.header.subProjects.map((s) => [s.id, s.unit ? `（${s.unit}）${s.name}` : s.name]));
}

/**
 * True when a table is the 自评表's 按收入性质分 / 按支出性质分 breakdown: a department's, one amount per row.
 * (Seed 001 files its 收入预算 table, in 年初预算数, under income-nature; that one goes in the report body.)
 */
export function isBreakdown(t: FundingTable, level: 'project' | 'department'): boolean {
  if (level !== 'department' || (t.kind !== 'income-nature' && t.kind !== 'expenditure-nature')) return false;
  return t.rows.every((r) => Object.keys(r.amounts).every((k) => k === 'amount'));
}

/** Funding tables that belong in the 自评表; the others go in the report body. */
export function inSelfEvaluationTable(t: FundingTable, level: 'project' | 'department'): boolean {
  return (t.kind === 'project-funding' && t.rows.length > 0) || isBreakdown(t, level);
}

/** Worksheet names: at most 31 characters, none of []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** Depth of the deepest node (a root alone is 1). */
export function treeDepth(nodes: readonly IndicatorNode[]): number {
  let depth = 0;
  for (const n of nodes) depth = Math.max(depth, 1 + (n.children ? treeDepth(n.children) : 0));
  return depth;
}

/** Leaves of the tree in document order; a section with no children counts as a (blank) leaf row. */
export function leaves(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  const out: IndicatorNode[] = [];
  const walk = (list: readonly IndicatorNode[]): void => {
    for (const n of list) {
      if (n.children && n.children.length > 0) walk(n.children);
      else out.push(n);
    }
  };
  walk(nodes);
  return out;
}

/** "产出指标（50分）" for a section with a declared (or given) weight; the plain name otherwise. */
export function sectionLabel(node: IndicatorNode): string {
  const w = node.declaredWeight ?? node.weight;
  return w === undefined ? node.name : `${node.name}（${plain(w)}分）`;
}

/** The rule engine's item statuses, in words (statuses not listed are not shown). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  met: '达到年度指标值',
  'partly-met': '部分达到年度指标值',
  'not-met': '未达到年度指标值',
  'not-comparable': '实际完成值无法与年度指标值直接比较',
  'within-band': '完成情况与评分档次相符',
  'outside-band': '得分与完成情况所在档次不符',
  proposed: '按完成情况所在档次建议评分',
};

/** Which computed figures differ from the printed ones (and so need the 计算得分 column). */
interface Computed {
  show: boolean;
  execution?: { score: string; note?: string | undefined } | undefined;
  items: Map<string, { score: string; note?: string | undefined }>;
  total?: { score: string; note: string } | undefined;
}

function computedScores(subject: TableSubject): Computed {
  const s = subject.scoring;
  const items = new Map<string, { score: string; note?: string | undefined }>();
  if (!s) return { show: false, items };
  let show = false;
  for (const leaf of leaves(subject.indicators)) {
    const c = s.items[leaf.id];
    if (c?.score === undefined) continue;
    const differs = !sameFigure(c.score, leaf.printedScore);
    if (differs) show = true;
    const status = c.status !== undefined ? STATUS_WORDS[c.status] : undefined;
    const why = [c.explanation, status ? `（${status}）` : undefined].filter((x) => x).join('');
    items.set(leaf.id, {
      score: c.score,
      note: differs
        ? `说明：填报得分${leaf.printedScore === undefined ? '为空' : `为${plain(leaf.printedScore)}分`}，按规则计算为${plain(c.score)}分。${why}`
        : undefined,
    });
  }
  let execution: Computed['execution'];
  if (s.execution?.score !== undefined) {
    const printed = subject.execution?.printedScore;
    const differs = !sameFigure(s.execution.score, printed);
    if (differs) show = true;
    const rate = s.execution.rate !== undefined ? `预算执行率按全年执行数÷全年预算数计算为${s.execution.rate}。` : '';
    execution = {
      score: s.execution.score,
      note: differs
        ? `说明：填报得分${printed === undefined ? '为空' : `为${plain(printed)}分`}，按规则计算为${plain(s.execution.score)}分。${rate}${s.execution.explanation ?? ''}`
        : undefined,
    };
  }
  const totalDiffers = !sameFigure(s.total, subject.printedTotal);
  if (totalDiffers) show = true;
  return {
    show,
    execution,
    items,
    total: { score: s.total, note: `说明：按规则集 ${s.ruleSet} 计算，总分${plain(s.total)}分，等级为${s.grade}；填报得分未作改动。` },
  };
}

function money(value: string | undefined): Cell | undefined {
  if (value === undefined || dec(value) === undefined) return value ? text(value, 'value') : undefined;
  return { text: moneyText(value), role: 'money', value: dec(value)!.toString() };
}

function score(value: string | undefined, note?: string): Cell | undefined {
  if (value === undefined) return undefined;
  const d = dec(value);
  const cell: Cell = d ? { text: value.trim(), role: 'score', value: d.toString() } : text(value, 'value');
  if (note) cell.note = note;
  return cell;
}

function optText(value: string | undefined, role: Cell['role'] = 'text'): Cell | undefined {
  return value === undefined || value === '' ? undefined : text(value, role);
}

/** Lays out one 自评表. */
export function selfEvaluationGrid(subject: TableSubject): Grid {
  // Three level columns as in the national template; deeper trees get more, and a two-level framework
  // (seed 002) keeps its two, so that its indicators stand in the last level column.
  const depth = treeDepth(subject.indicators);
  const levels = depth === 0 ? 3 : Math.max(2, depth);
  const computed = computedScores(subject);
  const cc = computed.show ? 1 : 0;
  const width = levels + 6 + cc;
  const col = {
    target: levels + 1,
    actual: levels + 2,
    weight: levels + 3,
    score: levels + 4,
    computed: levels + 5,
    reason: width - 1,
  };
  const g = new GridBuilder(width);
  const header = (t: string): Cell => text(t, 'header');
  const label = (t: string): Cell => text(t, 'label');

  // Header: 项目名称 / 主管部门 / 实施单位, or 预算部门.
  if (subject.level === 'department') {
    const r = g.row();
    g.put(r, 0, header(WORDS.budgetDepartment));
    g.put(r, 1, optText(subject.organisation), width - 1);
  } else {
    let r = g.row();
    g.put(r, 0, header(WORDS.projectName));
    g.put(r, 1, optText(subject.projectName), width - 1);
    r = g.row();
    const half = Math.floor(width / 2);
    g.put(r, 0, header(WORDS.supervisingDepartment));
    g.put(r, 1, optText(subject.supervisingDepartment), half - 1);
    g.put(r, half, header(WORDS.implementingUnit));
    g.put(r, half + 1, optText(subject.implementingUnits.join('、')), width - half - 1);
  }

  // Funding block.
  const main = subject.fundingTables.find((t) => t.kind === 'project-funding');
  // The 按收入性质分 / 按支出性质分 breakdown belongs to the department table only.
  const income = subject.fundingTables.find((t) => t.kind === 'income-nature' && isBreakdown(t, subject.level));
  const expenditure = subject.fundingTables.find((t) => t.kind === 'expenditure-nature' && isBreakdown(t, subject.level));
  if (main || subject.execution || income || expenditure) {
    const numeric = 6 + cc;
    const first = width - numeric;
    const start = g.row();
    // The official label, with the unit (a table title such as "资金使用情况（据正文）" is not printed here).
    const labelTitle = `${subject.level === 'department' ? WORDS.departmentFunding : WORDS.projectFunding}（${main?.unit ?? subject.unit}）`;
    const heads: string[] = [WORDS.initialBudget, WORDS.annualBudget, WORDS.executed, WORDS.weight, WORDS.rate, WORDS.score];
    if (cc) heads.push(WORDS.computedScore);
    g.put(start, 1, undefined, first - 1);
    heads.forEach((h, i) => g.put(start, first + i, header(h)));
    const rows = main?.rows ?? [{ label: WORDS.totalFunds, role: 'total' as const, amounts: {} }];
    let totalSeen = false;
    for (const fr of rows) {
      const r = g.row();
      // The total row is 年度资金总额 in the official table, whatever the source called it.
      g.put(r, 1, label(fr.role === 'total' && main?.kind === 'project-funding' ? WORDS.totalFunds : fr.label), first - 1);
      g.put(r, first, money(fr.amounts.initialBudget));
      g.put(r, first + 1, money(fr.amounts.annualBudget));
      g.put(r, first + 2, money(fr.amounts.executed));
      if (fr.role === 'total' && !totalSeen) {
        totalSeen = true;
        g.put(r, first + 3, score(subject.execution?.weight));
        g.put(r, first + 4, optText(subject.execution?.printedRate, 'value'));
        g.put(r, first + 5, score(subject.execution?.printedScore));
        if (cc) g.put(r, first + 6, score(computed.execution?.score, computed.execution?.note));
      }
    }
    if (income || expenditure) {
      // 按收入性质分 on the left half, 按支出性质分 on the right, as the official template prints them:
      // one cell per item, "其中：一般公共预算：9846.08". The two headings are single cells (not merged),
      // so that readers scanning the row meet each heading once.
      const split = Math.floor((width - 1) / 2) + 1;
      const incomeItems = income?.rows.filter((x) => x.role === 'item') ?? [];
      const expenditureItems = expenditure?.rows.filter((x) => x.role === 'item') ?? [];
      let r = g.row();
      g.put(r, 1, header(WORDS.incomeNature));
      g.put(r, split, header(WORDS.expenditureNature));
      const n = Math.max(incomeItems.length, expenditureItems.length);
      const item = (x: FundingRow | undefined): Cell | undefined =>
        x ? text(`${x.label.replace(/[:：]\s*$/u, '')}：${x.amounts.amount !== undefined ? moneyText(x.amounts.amount) : ''}`, 'text') : undefined;
      for (let i = 0; i < n; i++) {
        r = g.row();
        g.put(r, 1, item(incomeItems[i]), split - 1);
        g.put(r, split, item(expenditureItems[i]), width - split);
      }
    }
    g.put(start, 0, header(labelTitle), 1, g.rows.length - start);
  }

  // Goals block: 预期目标 | 实际完成情况, one row per goal. The official table has no column for the goal's
  // subject (sub-project); the report names it.
  {
    const start = g.row();
    const split = Math.floor((width - 1) / 2) + 1;
    g.put(start, 1, header(WORDS.expected), split - 1);
    g.put(start, split, header(WORDS.actual), width - split);
    const goals = subject.goals.length > 0 ? subject.goals : [{ expected: '' } as Goal];
    for (const goal of goals) {
      const r = g.row();
      g.put(r, 1, optText(goal.expected), split - 1);
      g.put(r, split, optText(goal.actual), width - split);
    }
    g.put(start, 0, header(WORDS.goals), 1, g.rows.length - start);
  }

  // Indicator block.
  const indicatorHeader = g.row();
  {
    for (let l = 0; l < levels; l++) g.put(indicatorHeader, 1 + l, header(LEVEL_NAMES[l] ?? `${l + 1}级指标`));
    g.put(indicatorHeader, col.target, header(WORDS.target));
    g.put(indicatorHeader, col.actual, header(WORDS.actualValue));
    g.put(indicatorHeader, col.weight, header(WORDS.weight));
    g.put(indicatorHeader, col.score, header(WORDS.score));
    if (cc) g.put(indicatorHeader, col.computed, header(WORDS.computedScore));
    g.put(indicatorHeader, col.reason, header(WORDS.reason));
    const place = (nodes: readonly IndicatorNode[], depth: number): void => {
      for (const node of nodes) {
        if (node.children && node.children.length > 0) {
          const top = g.rows.length;
          place(node.children, depth + 1);
          g.put(top, 1 + depth, text(sectionLabel(node), 'label'), 1, g.rows.length - top);
        } else {
          const r = g.row();
          // A childless node without figures is an empty section: its label keeps a declared weight.
          const empty = node.target === undefined && node.actual === undefined && node.weight === undefined && node.printedScore === undefined;
          g.put(r, 1 + depth, optText(empty ? sectionLabel(node) : node.name, depth === 0 || empty ? 'label' : 'text'));
          g.put(r, col.target, optText(node.target, 'value'));
          g.put(r, col.actual, optText(node.actual, 'value'));
          g.put(r, col.weight, score(node.weight));
          g.put(r, col.score, score(node.printedScore));
          if (cc) {
            const c = computed.items.get(node.id);
            g.put(r, col.computed, score(c?.score, c?.note));
          }
          g.put(r, col.reason, optText(node.deviationReason));
        }
      }
    };
    place(subject.indicators, 0);
    if (g.rows.length === indicatorHeader + 1) g.row();
    g.put(indicatorHeader, 0, header(WORDS.indicators), 1, g.rows.length - indicatorHeader);
  }

  // Total row.
  {
    const r = g.row();
    g.put(r, 0, { ...header(WORDS.total) }, col.weight);
    const totalWeight = sum([subject.execution?.weight, ...leaves(subject.indicators).map((n) => n.weight)]);
    g.put(r, col.weight, totalWeight ? { ...score(totalWeight.toString())!, bold: true } : undefined);
    const printed = score(subject.printedTotal);
    g.put(r, col.score, printed ? { ...printed, bold: true } : undefined);
    if (cc) {
      const t = computed.total;
      g.put(r, col.computed, t ? { ...score(t.score, t.note)!, bold: true } : undefined);
    }
    g.put(r, col.reason, undefined);
  }

  return {
    name: subject.sheetName,
    title: tableTitle(subject.level, subject.year),
    columns: columnWidths(levels, cc === 1, levelUse(subject.indicators, levels)),
    rows: g.rows,
    merges: g.merges,
    repeatRows: { first: indicatorHeader, last: indicatorHeader },
    orientation: 'landscape',
  };
}

/** What each level column holds: indicator names (wide), section names only (narrow) or nothing. */
function levelUse(nodes: readonly IndicatorNode[], levels: number): Array<'leaf' | 'section' | 'empty'> {
  const use: Array<'leaf' | 'section' | 'empty'> = new Array<'leaf' | 'section' | 'empty'>(levels).fill('empty');
  const walk = (list: readonly IndicatorNode[], depth: number): void => {
    for (const n of list) {
      const real = n.target !== undefined || n.actual !== undefined || n.weight !== undefined || n.printedScore !== undefined;
      if (n.children && n.children.length > 0) {
        if (use[depth] === 'empty') use[depth] = 'section';
        walk(n.children, depth + 1);
      } else use[depth] = real ? 'leaf' : use[depth] === 'empty' ? 'section' : use[depth]!;
    }
  };
  walk(nodes, 0);
  return use;
}

function columnWidths(levels: number, computed: boolean, use: ReadonlyArray<'leaf' | 'section' | 'empty'>): Column[] {
  const w: number[] = [10];
  const wide = levels > 3 ? 22 : 26;
  const narrow = levels > 3 ? 9 : 11;
  const noLeaves = !use.includes('leaf');
  for (let l = 0; l < levels; l++) {
    const u = use[l] ?? 'empty';
    w.push(u === 'leaf' || (noLeaves && l === levels - 1) ? wide : u === 'section' ? narrow : 6);
  }
  w.push(14, 14, 7, 7);
  if (computed) w.push(9);
  w.push(24);
  return w.map((width) => ({ width }));
}
