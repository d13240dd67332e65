/**
 * @module Drafted text of the 自评报告: one deterministic template per standard section, filled from the data.
 *
 * Nothing here reads a clock or guesses: every sentence states a figure of the document (or of the
 * caller's scoring and findings), computed with exact decimals. Where the data says nothing, the section
 * says that it is to be completed (待补充) rather than inventing text.
 */
import type { EvaluationDocument, FundingRow, FundingTable, IndicatorNode } from '@jixiao/core';
import type { Grid } from './grid.js';
import { GridBuilder, text } from './grid.js';
import { dec, moneyText, percent, percentText, plain, sameFigure, sum } from './numbers.js';
import { placesIn } from '@jixiao/core';
import type { SectionKey } from './skeleton.js';
import { STATUS_WORDS, inSelfEvaluationTable, isBreakdown, leaves, subProjectNames } from './table.js';
import type { ExportFinding, ExportOptions } from './types.js';

/** A block of body content below a heading. */
export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; caption: string; unit: string; grid: Grid };

/**
 * Drafted content of a section. `lead` is the drafted text (replaced by the user's own text when there is
 * some); `tables` are data tables, kept in any case after the text; `trail` comes after the user's kept
 * sections (audit findings, which are never the user's words).
 */
export interface Drafted {
  lead: BodyBlock[];
  tables?: BodyBlock[];
  trail: BodyBlock[];
}

export interface DraftContext {
  doc: EvaluationDocument;
  options: ExportOptions;
  department: boolean;
  /** 本项目 / 本部门. */
  self: string;
  unit: string;
}

/** Placeholder for a section the data says nothing about. */
export const TO_BE_COMPLETED = '（本部分待填报单位补充。）';

const p = (t: string): BodyBlock => ({ kind: 'paragraph', text: t });

export function draftContext(doc: EvaluationDocument, options: ExportOptions): DraftContext {
  const department = doc.header.level === 'department';
  return { doc, options, department, self: department ? '本部门' : '本项目', unit: doc.funding?.unit ?? '万元' };
}

/** What the subject is called in running text: the project name, or the department's 部门整体支出. */
export function subjectName(doc: EvaluationDocument): string {
  if (doc.header.level === 'department') return `${doc.header.organisation}部门整体支出`;
  return doc.header.projectName ?? doc.header.title;
}

/** The introduction under the title when the document has none. */
export function draftPreamble(ctx: DraftContext): string {
  const { doc } = ctx;
  return `根据${doc.header.year}年度预算绩效管理工作要求，${doc.header.organisation}对${doc.header.year}年度${subjectName(doc)}开展了绩效自评，现将自评情况报告如下：`;
}

/** Drafted content of one standard section; `userContent` tells whether the user wrote anything under it. */
export function draftSection(key: SectionKey, ctx: DraftContext, userContent: boolean): Drafted {
  const none: Drafted = { lead: [], trail: [] };
  switch (key) {
    case 'unit':
      return { lead: [p(unitSentence(ctx))], trail: [] };
    case 'project':
      return { lead: projectSentences(ctx).map(p), trail: [] };
    case 'staff':
      return { lead: [p(staffSentence(ctx) ?? TO_BE_COMPLETED)], trail: [] };
    case 'process':
      return { lead: processSentences(ctx).map(p), trail: [] };
    case 'conclusion':
      return { lead: conclusionSentences(ctx).map(p), trail: [] };
    case 'funds':
    case 'revenue':
      return { lead: fundingSentences(ctx).map(p), tables: fundingTables(ctx), trail: [] };
    case 'basic':
      return { lead: basicSentences(ctx).map(p), trail: [] };
    case 'project-spending':
      return { lead: projectSpendingSentences(ctx).map(p), trail: [] };
    case 'fund-budget': {
      const row = nature(ctx, 'income-nature').find((r) => r.sourceKind === 'government-fund' && r.amounts.amount !== undefined);
      return row ? { lead: [p(`${ctx.doc.header.year}年${stripLead(row.label)}${plain(row.amounts.amount)}${ctx.unit}。`)], trail: [] } : none;
    }
    case 'goals':
      return { lead: goalSentences(ctx).map(p), trail: [] };
    case 'indicators':
      return { lead: indicatorSentences(ctx).map(p), trail: [] };
    case 'problems':
      return problemsDraft(ctx, userContent);
    case 'measures':
      return measuresDraft(ctx, userContent);
    case 'application':
      return { lead: [p(applicationSentence(ctx))], trail: [] };
    case 'overview':
    case 'analysis':
    case 'problems-measures':
    case 'general-budget':
    case 'performance':
    case 'state-capital':
    case 'social-insurance':
      return none;
  }
}

/** "其中：同级财政拨款" → "同级财政拨款"; a trailing colon goes too. */
function stripLead(label: string): string {
  return label.replace(/^\s*其中\s*[:：]\s*/u, '').replace(/[:：]\s*$/u, '').trim();
}

function unitSentence(ctx: DraftContext): string {
  const h = ctx.doc.header;
  const parts: string[] = [];
  if (ctx.department) {
    parts.push(`${h.organisation}为本次部门整体支出绩效自评的预算部门${h.supervisingDepartment ? `，主管部门为${h.supervisingDepartment}` : ''}。`);
  } else {
    const units = h.implementingUnits.length > 0 ? h.implementingUnits.join('、') : h.organisation;
    parts.push(`${h.projectName ?? '本项目'}由${units}负责实施${h.supervisingDepartment ? `，主管部门为${h.supervisingDepartment}` : ''}。`);
  }
  return parts.join('');
}

function projectSentences(ctx: DraftContext): string[] {
  const h = ctx.doc.header;
  const out: string[] = [];
  const period = h.period?.start && h.period.end ? `，实施期间为${h.period.start}至${h.period.end}` : '';
  const code = h.projectCode ? `（项目编码${h.projectCode}）` : '';
  const total = mainTotal(ctx);
  const budget = total?.amounts.annualBudget ?? total?.amounts.initialBudget;
  out.push(
    `${h.projectName ?? '本项目'}${code}为${h.year}年度项目支出${period}${budget !== undefined ? `，全年预算数${plain(budget)}${ctx.unit}` : ''}。`,
  );
  if (h.subProjects.length > 0) {
    const list = h.subProjects
      .map((sp) => `${sp.unit ? `（${sp.unit}）` : ''}${sp.name}${sp.budget !== undefined ? `${plain(sp.budget)}${ctx.unit}` : ''}`)
      .join('；');
    out.push(`本项目包括${h.subProjects.length}个二级项目：${list}。`);
  }
  return out;
}

function staffSentence(ctx: DraftContext): string | undefined {
  const st = ctx.doc.department?.staffing;
  if (!st || (st.authorized === undefined && st.actual === undefined)) return undefined;
  const parts: string[] = [];
  if (st.authorized !== undefined) parts.push(`编制数${plain(st.authorized)}人`);
  if (st.actual !== undefined) parts.push(`${st.actualLabel ?? '实际在职人数'}${plain(st.actual)}人`);
  const rate = st.printedControlRate ?? (() => {
    const r = percent(st.actual, st.authorized);
    return r ? percentText(r) : undefined;
  })();
  if (rate !== undefined) parts.push(`编制控制率${rate}`);
  if (st.retired !== undefined) parts.push(`离退休人员${plain(st.retired)}人`);
  return `${ctx.doc.header.organisation}${parts.join('，')}。`;
}

function processSentences(ctx: DraftContext): string[] {
  const { doc } = ctx;
  const out = [
    `根据${doc.header.year}年度预算绩效自评工作要求，${doc.header.organisation}组织财务和业务科室对${subjectName(doc)}开展绩效自评：核实全年预算执行数据和绩效指标完成情况，查阅财务账簿和业务台账，对照年度绩效目标逐项评分，形成本报告。`,
  ];
  const m = doc.meta;
  const who = [m.evaluator ? `自评工作由${m.evaluator}负责` : undefined, m.method ? `评价方法为${m.method}` : undefined, m.evaluationDate ? `自评日期为${m.evaluationDate}` : undefined].filter(
    (x): x is string => x !== undefined,
  );
  if (who.length > 0) out.push(`${who.join('，')}。`);
  if (m.team.length > 0) {
    const team = m.team.map((t) => `${t.role}${t.name}${t.title || t.unit ? `（${[t.unit, t.title].filter((x) => x).join('，')}）` : ''}`).join('，');
    out.push(`自评工作组成员：${team}。`);
  }
  return out;
}

/** Sum of the printed scores of the leaves under a node, when every scored leaf has one. */
function printedSum(node: IndicatorNode): string | undefined {
  const ls = leaves([node]).filter((l) => l.weight !== undefined || l.printedScore !== undefined);
  if (ls.length === 0 || ls.some((l) => l.printedScore === undefined)) return node.printedScore;
  return sum(ls.map((l) => l.printedScore))?.toString();
}

function weightSum(node: IndicatorNode): string | undefined {
  const w = sum(leaves([node]).map((l) => l.weight));
  return w?.toString() ?? node.declaredWeight ?? node.weight;
}

function conclusionSentences(ctx: DraftContext): string[] {
  const { doc, options } = ctx;
  const m = doc.meta;
  const out: string[] = [];
  const scoring = options.scoring;
  if (m.printedTotal !== undefined) {
    out.push(
      `经自评，${subjectName(doc)}${doc.header.year}年度绩效自评得分为${plain(m.printedTotal)}分${m.printedGrade ? `，评价等级为“${m.printedGrade}”` : ''}。`,
    );
  } else if (m.statedSelfScore !== undefined) {
    out.push(`经自评，${subjectName(doc)}${doc.header.year}年度绩效自评得分为${plain(m.statedSelfScore)}分。`);
  }
  const parts: string[] = [];
  const ex = doc.funding?.execution;
  if (ex?.printedScore !== undefined) parts.push(`预算执行率得分${plain(ex.printedScore)}分${ex.weight ? `（分值${plain(ex.weight)}分）` : ''}`);
  for (const root of doc.indicators) {
    const got = printedSum(root);
    const w = weightSum(root);
    if (got === undefined && w === undefined) continue;
    parts.push(`${root.name}${got !== undefined ? `得分${plain(got)}分` : '未评分'}${w !== undefined ? `（分值${plain(w)}分）` : ''}`);
  }
  if (parts.length > 0) out.push(`其中：${parts.join('；')}。`);
  if (scoring) {
    const same = sameFigure(scoring.total, m.printedTotal);
    out.push(
      `按${scoring.ruleSet}规则计算，总分为${plain(scoring.total)}分，评价等级为“${scoring.grade}”${
        m.printedTotal === undefined ? '' : same ? '，与自评得分一致' : `，与自评得分${plain(m.printedTotal)}分不一致，差异见附件自评表“计算得分”列`
      }。`,
    );
  }
  if (out.length === 0) out.push(`${subjectName(doc)}尚未评分。${TO_BE_COMPLETED}`);
  return out;
}

function mainTotal(ctx: DraftContext): FundingRow | undefined {
  const t = ctx.doc.funding?.tables.find((x) => x.kind === 'project-funding');
  return t?.rows.find((r) => r.role === 'total');
}

function nature(ctx: DraftContext, kind: 'income-nature' | 'expenditure-nature'): FundingRow[] {
  const t = ctx.doc.funding?.tables.find((x) => x.kind === kind && isBreakdown(x, ctx.doc.header.level));
  return t?.rows.filter((r) => r.role === 'item') ?? [];
}

/** "截至2020年12月31日，本项目全年预算数155万元，全年执行数243.03万元，预算执行率156.79%。" and the sources. */
export function fundingSentences(ctx: DraftContext): string[] {
  const { doc, unit } = ctx;
  const out: string[] = [];
  const total = mainTotal(ctx);
  const ex = doc.funding?.execution;
  if (total) {
    const a = total.amounts;
    const budget = a.annualBudget ?? a.initialBudget;
    const budgetWord = a.annualBudget !== undefined ? '全年预算数' : '年初预算数';
    const figures: string[] = [];
    if (a.initialBudget !== undefined && a.annualBudget !== undefined && !sameFigure(a.initialBudget, a.annualBudget)) {
      figures.push(`年初预算数${plain(a.initialBudget)}${unit}`);
    }
    if (budget !== undefined) figures.push(`${budgetWord}${plain(budget)}${unit}`);
    if (a.executed !== undefined) figures.push(`全年执行数${plain(a.executed)}${unit}`);
    const rate = percent(a.executed, budget);
    if (rate) figures.push(`预算执行率${percentText(rate)}`);
    if (figures.length > 0) out.push(`截至${doc.header.year}年12月31日，${ctx.self}${figures.join('，')}。`);
    if (rate && ex?.printedRate !== undefined && !rateAgrees(ex.printedRate, rate.toFixed(2))) {
      out.push(`自评表填列的预算执行率为${ex.printedRate}，与按全年执行数÷${budgetWord}计算的${percentText(rate)}不一致。`);
    }
    if (ex?.printedScore !== undefined) {
      out.push(`预算执行率${ex.weight !== undefined ? `分值${plain(ex.weight)}分，` : ''}自评得分${plain(ex.printedScore)}分。`);
    }
  }
  const table = doc.funding?.tables.find((x) => x.kind === 'project-funding');
  const items = (table?.rows ?? []).filter((r) => r.role === 'item' && Object.keys(r.amounts).length > 0);
  if (items.length > 0) {
    const list = items.map((r) => {
      const bits: string[] = [];
      if (r.amounts.annualBudget !== undefined) bits.push(`全年预算数${plain(r.amounts.annualBudget)}${unit}`);
      else if (r.amounts.initialBudget !== undefined) bits.push(`年初预算数${plain(r.amounts.initialBudget)}${unit}`);
      if (r.amounts.executed !== undefined) bits.push(`全年执行数${plain(r.amounts.executed)}${unit}`);
      return `${stripLead(r.label)}${bits.join('、')}`;
    });
    out.push(`按资金来源分：${list.join('；')}。`);
  }
  for (const kind of ['income-nature', 'expenditure-nature'] as const) {
    const rows = nature(ctx, kind).filter((r) => r.amounts.amount !== undefined);
    if (rows.length === 0) continue;
    out.push(`${kind === 'income-nature' ? '按收入性质分' : '按支出性质分'}：${rows.map((r) => `${stripLead(r.label)}${plain(r.amounts.amount)}${unit}`).join('，')}。`);
  }
  if (out.length === 0) out.push(TO_BE_COMPLETED);
  return out;
}

/** A printed rate agrees with a computed one when they are equal at the printed number of decimals. */
function rateAgrees(printed: string, computed: string): boolean {
  const pr = dec(printed.replace('%', ''));
  const c = dec(computed);
  if (!pr || !c) return false;
  return c.round(placesIn(printed), 'half-up').eq(pr);
}

const AMOUNT_LABELS: Record<string, string> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  budget: '预算数',
  carryOverStart: '年初结转结余',
  income: '本年收入',
  expenditure: '本年支出',
  carryOverEnd: '年末结转结余',
  arranged: '预算安排资金',
  arrived: '实际到位资金',
  amount: '金额',
};
const AMOUNT_ORDER = Object.keys(AMOUNT_LABELS);

/** The money tables that are not part of the 自评表, as body tables. */
function fundingTables(ctx: DraftContext): BodyBlock[] {
  const names = subProjectNames(ctx.doc);
  return (ctx.doc.funding?.tables ?? []).filter((t) => !inSelfEvaluationTable(t, ctx.doc.header.level) && t.rows.length > 0).map((t) => ({
    kind: 'table' as const,
    caption: t.title ?? '资金情况表',
    unit: t.unit,
    grid: fundingGrid(t, names),
  }));
}

/** A money table as a grid: a label column and one column per amount kind present. */
export function fundingGrid(t: FundingTable, names: ReadonlyMap<string, string> = new Map()): Grid {
  const cols = AMOUNT_ORDER.filter((k) => t.rows.some((r) => (r.amounts as Record<string, string | undefined>)[k] !== undefined));
  const g = new GridBuilder(1 + cols.length);
  const h = g.row();
  const first = t.kind === 'subordinate-units' ? '单位名称' : t.kind === 'sub-projects' ? '项目名称' : t.kind === 'funds-arrival' ? '资金来源' : '项目';
  g.put(h, 0, text(first, 'header'));
  cols.forEach((k, i) => g.put(h, i + 1, text(AMOUNT_LABELS[k]!, 'header')));
  for (const r of t.rows) {
    const row = g.row();
    const label = r.subProject !== undefined && r.label === '' ? (names.get(r.subProject) ?? r.subProject) : r.label;
    g.put(row, 0, text(label, 'text', r.role === 'total' ? { bold: true } : {}));
    cols.forEach((k, i) => {
      const v = (r.amounts as Record<string, string | undefined>)[k];
      const d = dec(v);
      g.put(row, i + 1, v === undefined ? undefined : d ? { text: moneyText(v), role: 'money', value: d.toString() } : text(v, 'value'));
    });
  }
  return {
    name: t.title ?? t.id,
    title: t.title ?? '',
    columns: [{ width: 30 }, ...cols.map(() => ({ width: 12 }))],
    rows: g.rows,
    merges: g.merges,
    orientation: 'portrait',
  };
}

function basicSentences(ctx: DraftContext): string[] {
  const out: string[] = [];
  const basic = nature(ctx, 'expenditure-nature').find((r) => r.sourceKind === 'basic-expenditure');
  if (basic?.amounts.amount !== undefined) out.push(`${ctx.doc.header.year}年基本支出${plain(basic.amounts.amount)}${ctx.unit}。`);
  const ec = ctx.doc.department?.expenseControl;
  const three = ec?.rows.find((r) => r.kind === 'three-public-total');
  if (ec && three) {
    const year = ctx.doc.header.year;
    const b = ec.columns.find((c) => c.stage === 'budget' && c.year === year);
    const f = ec.columns.find((c) => c.stage === 'final' && c.year === year);
    const bv = b ? three.values[b.key] : undefined;
    const fv = f ? three.values[f.key] : undefined;
    if (bv !== undefined || fv !== undefined) {
      const r = percent(fv, bv);
      out.push(
        `“三公”经费${bv !== undefined ? `预算数${plain(bv)}${ec.unit}` : ''}${bv !== undefined && fv !== undefined ? '，' : ''}${fv !== undefined ? `决算数${plain(fv)}${ec.unit}` : ''}${r ? `，决算数为预算数的${percentText(r)}` : ''}。`,
      );
    }
  }
  if (out.length === 0) out.push(TO_BE_COMPLETED);
  return out;
}

function projectSpendingSentences(ctx: DraftContext): string[] {
  const out: string[] = [];
  const proj = nature(ctx, 'expenditure-nature').find((r) => r.sourceKind === 'project-expenditure');
  if (proj?.amounts.amount !== undefined) out.push(`${ctx.doc.header.year}年项目支出${plain(proj.amounts.amount)}${ctx.unit}。`);
  const ec = ctx.doc.department?.expenseControl;
  const f = ec?.columns.find((c) => c.stage === 'final' && c.year === ctx.doc.header.year);
  if (ec && f) {
    const funds = ec.rows.filter((r) => r.kind === 'special-fund' && r.values[f.key] !== undefined);
    if (funds.length > 0) out.push(`本级专项资金${f.label}：${funds.map((r) => `${r.label}${plain(r.values[f.key])}${ec.unit}`).join('，')}。`);
  }
  for (const p of ctx.doc.projects) {
    if (p.funding !== undefined) out.push(`${p.name}资金${plain(p.funding)}${ctx.unit}。`);
  }
  if (out.length === 0) out.push(TO_BE_COMPLETED);
  return out;
}

function goalSentences(ctx: DraftContext): string[] {
  const names = subProjectNames(ctx.doc);
  const out: string[] = [];
  for (const g of ctx.doc.goals) {
    const who = g.subject !== undefined ? `${names.get(g.subject) ?? g.subject}：` : '';
    out.push(`${who}年度总体目标：${g.expected}`);
    out.push(`实际完成情况：${g.actual ?? '未填报。'}`);
  }
  if (out.length === 0) out.push(`${ctx.self}未填报年度总体目标。${TO_BE_COMPLETED}`);
  return out.flatMap((t) => t.split('\n')).filter((t) => t.trim() !== '');
}


const COMPLETION_WORDS: Record<string, string> = {
  achieved: '达成年度指标',
  partly: '部分达成年度指标',
  'not-achieved': '未达成年度指标',
};

/** One sentence per indicator: target, actual, met or not, weight and score, and the reason for a deduction. */
export function indicatorSentence(node: IndicatorNode, path: readonly string[], ctx: DraftContext): string {
  const parts: string[] = [];
  if (node.target !== undefined) parts.push(`年度指标值为${node.target}`);
  if (node.actual !== undefined) parts.push(`实际完成值为${node.actual}`);
  if (node.completionRate !== undefined) parts.push(`完成率${node.completionRate}`);
  const computed = ctx.options.scoring?.items[node.id];
  const status = computed?.status !== undefined ? STATUS_WORDS[computed.status] : undefined;
  const w = dec(node.weight);
  const s = dec(node.printedScore);
  if (status) parts.push(status);
  else if (node.completion) parts.push(COMPLETION_WORDS[node.completion]!);
  else if (w && s) parts.push(s.gte(w) ? '达成年度指标' : `未完全达成年度指标，扣${w.minus(s).toString()}分`);
  if (node.weight !== undefined) parts.push(`分值${plain(node.weight)}分`);
  parts.push(node.printedScore !== undefined ? `自评得分${plain(node.printedScore)}分` : '未评分');
  if (computed?.score !== undefined && !sameFigure(computed.score, node.printedScore)) parts.push(`按规则计算得分${plain(computed.score)}分`);
  const where = path.length > 0 ? `（${path.join('—')}）` : '';
  let sentence = `“${node.name}”${where}：${parts.join('，')}。`;
  if (node.deviationReason) sentence += `偏差原因分析及改进措施：${node.deviationReason.replace(/\s*\n\s*/g, '')}${/[。；！]$/u.test(node.deviationReason.trim()) ? '' : '。'}`;
  return sentence;
}

function indicatorSentences(ctx: DraftContext): string[] {
  const out: string[] = [];
  const trees: Array<{ title?: string; roots: readonly IndicatorNode[] }> = [{ roots: ctx.doc.indicators }];
  for (const p of ctx.doc.projects) if (p.indicators.length > 0) trees.push({ title: p.name, roots: p.indicators });
  for (const tree of trees) {
    if (tree.roots.length === 0) continue;
    const counts: number[] = [];
    const empty: string[] = [];
    const rows: string[] = [];
    const walk = (nodes: readonly IndicatorNode[], depth: number, path: string[]): void => {
      for (const n of nodes) {
        counts[depth] = (counts[depth] ?? 0) + 1;
        if (n.children && n.children.length > 0) walk(n.children, depth + 1, [...path, n.name]);
        else if (n.target === undefined && n.actual === undefined && n.weight === undefined && n.printedScore === undefined) empty.push(n.name);
        else rows.push(indicatorSentence(n, path, ctx));
      }
    };
    walk(tree.roots, 0, []);
    const levelWords = ['一', '二', '三', '四', '五', '六', '七', '八'];
    const countText = counts.map((c, i) => `${c}个${levelWords[i] ?? String(i + 1)}级指标`).join('、');
    out.push(`${tree.title ? `${tree.title}` : ctx.self}共设置${countText}${empty.length > 0 ? `（其中${empty.join('、')}未设置具体指标）` : ''}，各项指标完成情况如下：`);
    out.push(...rows);
  }
  if (out.length === 0) out.push(`${ctx.self}未设置绩效指标。${TO_BE_COMPLETED}`);
  return out;
}

function numbered(items: readonly string[]): string[] {
  return items.map((t, i) => `${i + 1}.${t.replace(/\s*\n\s*/g, '：').replace(/：：/g, '：')}`);
}

/** Errors and warnings, errors first, each once. */
function reportable(findings: readonly ExportFinding[] | undefined): ExportFinding[] {
  const list = (findings ?? []).filter((f) => f.severity === 'error' || f.severity === 'warning');
  const seen = new Set<string>();
  const out: ExportFinding[] = [];
  for (const f of [...list.filter((f) => f.severity === 'error'), ...list.filter((f) => f.severity === 'warning')]) {
    const key = `${f.code}|${f.location}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function problemsDraft(ctx: DraftContext, userContent: boolean): Drafted {
  const lead: BodyBlock[] = [];
  const trail: BodyBlock[] = [];
  const problems = ctx.doc.meta.problems;
  if (!userContent && problems.length > 0) lead.push(...numbered(problems).map(p));
  const findings = reportable(ctx.options.findings);
  if (findings.length > 0) {
    const already = userContent || problems.length > 0;
    trail.push(p(`${already ? '此外，' : ''}经对自评材料进行审核，发现以下问题：`));
    findings.forEach((f, i) => {
      trail.push(p(`（${i + 1}）${f.message}${/[。！？]$/u.test(f.message) ? '' : '。'}（${f.severity === 'error' ? '错误' : '提示'}，位置：${f.location}）`));
    });
  }
  if (!userContent && lead.length === 0 && trail.length === 0) lead.push(p(TO_BE_COMPLETED));
  return { lead, trail };
}

function measuresDraft(ctx: DraftContext, userContent: boolean): Drafted {
  const lead: BodyBlock[] = [];
  const trail: BodyBlock[] = [];
  const measures = ctx.doc.meta.measures;
  if (!userContent && measures.length > 0) lead.push(...numbered(measures).map(p));
  const suggestions = [...new Set(reportable(ctx.options.findings).map((f) => f.suggestion).filter((x): x is string => x !== undefined && x.trim() !== ''))];
  if (suggestions.length > 0) {
    trail.push(p(`针对审核发现的问题，拟采取以下措施：`));
    suggestions.forEach((t, i) => trail.push(p(`（${i + 1}）${t}${/[。！？]$/u.test(t) ? '' : '。'}`)));
  }
  if (!userContent && lead.length === 0 && trail.length === 0) lead.push(p(TO_BE_COMPLETED));
  return { lead, trail };
}

function applicationSentence(ctx: DraftContext): string {
  const { doc } = ctx;
  const pub = doc.meta.publication;
  const first = `${doc.header.organisation}将及时通报自评结果，认真分析自评发现的问题并加以整改，将自评结果作为${doc.header.year + 1}年度预算安排和改进管理的重要依据。`;
  const second =
    pub?.date || pub?.place
      ? `按照绩效自评结果公开要求，自评报告和自评表${pub.date ? `于${pub.date}` : ''}${pub.place ? `在${pub.place}` : ''}公开，接受社会监督。`
      : '自评结果将按规定公开，接受社会监督。';
  return first + second;
}
