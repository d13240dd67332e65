/**
 * @module The 绩效目标申报表 (二级项目支出绩效目标申报表) as an xlsx workbook, in the layout of the real
 * declarations exported by the budget systems: one sheet per project.
 *
 *     title row                                   二级项目支出绩效目标申报表
 *     项目编码： | code            | 项目名称：       | name
 *     申请单位： | unit            | 一级预算单位：   | unit
 *     实施期限： | …               | 项目类型：       | …
 *     是否新增项目： | …           | 分配方式：       | …
 *     项目总金额（中期规划，万元）： | 0.00 | 本年度项目金额（万元）： | 0.00
 *     政策依据： / 测算依据： / 年度目标： / 长期目标（跨度多年的项目需填）： | text across the sheet
 *     一级指标 | 二级指标 | 三级指标 | 目标值 [| 调整后目标值] [| 分值] | 指标解释, first and second
 *              levels merged down
 *     备注：…
 *
 * Money is always written in 万元 (a document kept in 元 is converted exactly), because the labels say
 * so. The 调整后目标值 column appears only when the document has approved target adjustments; each
 * adjusted cell carries the reasons as a note. Every label is an official word the xlsx importer reads,
 * so an exported declaration imports back to the same goals document.
 */
import ExcelJS from 'exceljs';
import { applyAdjustments, Dec } from '@jixiao/core';
import type { EvaluationDocument, IndicatorNode, TargetAdjustment } from '@jixiao/core';
import type { Cell, Grid } from './grid.js';
import { GridBuilder, text } from './grid.js';
import { dec, moneyText } from './numbers.js';
import { sectionLabel } from './table.js';
import { ExportError } from './types.js';
import { writeSheet } from './xlsx.js';

export interface GoalsXlsxOptions {
  /** ISO date-time the workbook is stamped with (document properties); the clock is never read. */
  generatedAt?: string;
  /** Text of the 备注 footer (after "备注："); default: the document's remaining notes. */
  remark?: string;
}

/** Official words of the declaration, shared with the tests. */
export const GOALS_WORDS = {
  title: '二级项目支出绩效目标申报表',
  projectCode: '项目编码：',
  projectName: '项目名称：',
  applicant: '申请单位：',
  topUnit: '一级预算单位：',
  period: '实施期限：',
  projectType: '项目类型：',
  isNew: '是否新增项目：',
  allocation: '分配方式：',
  totalAmount: '项目总金额（中期规划，万元）：',
  annualAmount: '本年度项目金额（万元）：',
  policyBasis: '政策依据：',
  calculationBasis: '测算依据：',
  annualGoal: '年度目标：',
  longTermGoal: '长期目标（跨度多年的项目需填）：',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '目标值',
  adjusted: '调整后目标值',
  weight: '分值',
  explanation: '指标解释',
  remark: '备注：',
} as const;

/** Header-block notes written by the importer ("项目类型：15 其他经费") that have their own cell here. */
const NOTE_FIELDS = ['实施期限', '项目类型', '是否新增项目', '分配方式'] as const;
type NoteField = (typeof NOTE_FIELDS)[number];

const LABEL_FILL = 'FFF2F2F2';
const HEADER_FILL = 'FFD9E1F2';
const TEN_THOUSAND = Dec.fromInt(10_000);

/** Exports one declaration (one sheet) or several (one sheet each, named "1.项目名称" like the real files). */
export async function exportGoalsXlsx(docs: EvaluationDocument | readonly EvaluationDocument[], options: GoalsXlsxOptions = {}): Promise<Uint8Array> {
  const list = Array.isArray(docs) ? (docs as readonly EvaluationDocument[]) : [docs as EvaluationDocument];
  if (list.length === 0) throw new ExportError('invalid-document', '没有可导出的绩效目标申报表。');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  workbook.title = goalsTitle(list[0]!);
  if (options.generatedAt !== undefined) {
    const at = new Date(options.generatedAt);
    if (!Number.isNaN(at.getTime())) {
      workbook.created = at;
      workbook.modified = at;
    }
  }
  const used = new Set<string>();
  list.forEach((doc, i) => {
    const grid = goalsGrid(doc, options);
    let name = list.length > 1 ? sheetName(`${i + 1}.${grid.name}`) : grid.name;
    for (let k = 2; used.has(name); k++) name = `${sheetName(grid.name).slice(0, 27)}(${k})`;
    used.add(name);
    writeSheet(workbook.addWorksheet(name), grid);
  });
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } catch (cause) {
    throw new ExportError('invalid-document', '生成绩效目标申报表（xlsx）失败。', { cause });
  }
}

/** The title: the document's own when it is a 申报表 title, else the official one with the year. */
export function goalsTitle(doc: EvaluationDocument): string {
  const t = doc.header.title.replace(/\s+/g, '');
  if (/(申报表|目标表)$/.test(t)) return /(19|20)\d{2}年/.test(t) ? t : `${doc.header.year}年度${t}`;
  return `${doc.header.year}年度${doc.header.level === 'department' ? '部门整体支出绩效目标申报表' : GOALS_WORDS.title}`;
}

/** The declaration of one document as a grid (pure; the xlsx writer draws it). */
export function goalsGrid(doc: EvaluationDocument, options: Pick<GoalsXlsxOptions, 'remark'> = {}): Grid {
  const adjusted = approvedTargets(doc);
  const showAdjusted = adjusted.size > 0;
  const showWeight = allNodes(doc.indicators).some((n) => !hasChildren(n) && n.weight !== undefined);
  const cols: Array<{ key: 'l1' | 'l2' | 'l3' | 'target' | 'adjusted' | 'weight' | 'explanation'; width: number }> = [
    { key: 'l1', width: 32 },
    { key: 'l2', width: 24 },
    { key: 'l3', width: 42.75 },
    { key: 'target', width: 27.5 },
    ...(showAdjusted ? [{ key: 'adjusted' as const, width: 27.5 }] : []),
    ...(showWeight ? [{ key: 'weight' as const, width: 10 }] : []),
    { key: 'explanation', width: 42.75 },
  ];
  const width = cols.length;
  const g = new GridBuilder(width);
  const label = (s: string): Cell => text(s, 'label', { fill: LABEL_FILL });
  const value = (s: string | undefined): Cell | undefined => (s === undefined || s.trim() === '' ? undefined : text(s, 'text'));
  const money = (v: string | undefined): Cell | undefined => (v === undefined ? undefined : { text: moneyText(v), role: 'money', value: v });

  const notes = noteFields(doc.notes);
  const pair = (l1: string, v1: Cell | undefined, l2: string, v2: Cell | undefined): void => {
    const r = g.row();
    g.put(r, 0, label(l1));
    g.put(r, 1, v1, 2);
    g.put(r, 3, label(l2));
    g.put(r, 4, v2, width - 4);
  };
  const wide = (l: string, v: Cell | undefined): void => {
    const r = g.row();
    g.put(r, 0, label(l));
    g.put(r, 1, v, width - 1);
  };
  const h = doc.header;
  pair(GOALS_WORDS.projectCode, value(h.projectCode), GOALS_WORDS.projectName, value(h.projectName ?? h.title));
  pair(GOALS_WORDS.applicant, value(h.organisation), GOALS_WORDS.topUnit, value(h.supervisingDepartment));
  pair(GOALS_WORDS.period, value(notes.get('实施期限') ?? periodText(doc)), GOALS_WORDS.projectType, value(h.projectType ?? notes.get('项目类型')));
  pair(GOALS_WORDS.isNew, value(notes.get('是否新增项目')), GOALS_WORDS.allocation, value(notes.get('分配方式')));
  pair(GOALS_WORDS.totalAmount, money(amountInWan(doc, 'total-amount')), GOALS_WORDS.annualAmount, money(amountInWan(doc, 'annual-amount')));
  wide(GOALS_WORDS.policyBasis, value(proseText(doc, /^(政策依据|立项依据)/)));
  wide(GOALS_WORDS.calculationBasis, value(proseText(doc, /^测算依据/)));
  wide(GOALS_WORDS.annualGoal, value(doc.goals.map((x) => x.expected).filter((x) => x.trim() !== '').join('\n')));
  wide(GOALS_WORDS.longTermGoal, value(proseText(doc, /^(长期目标|总体目标)/)));

  // The indicator grid.
  const header = g.row();
  const headerText: Record<(typeof cols)[number]['key'], string> = {
    l1: GOALS_WORDS.level1,
    l2: GOALS_WORDS.level2,
    l3: GOALS_WORDS.level3,
    target: GOALS_WORDS.target,
    adjusted: GOALS_WORDS.adjusted,
    weight: GOALS_WORDS.weight,
    explanation: GOALS_WORDS.explanation,
  };
  cols.forEach((c, i) => g.put(header, i, text(headerText[c.key], 'header', { fill: HEADER_FILL })));
  const col = (key: (typeof cols)[number]['key']): number => cols.findIndex((c) => c.key === key);
  const lines = gridLines(doc.indicators);
  const first = header + 1;
  lines.forEach((line) => {
    const r = g.row();
    if (line.l1) g.put(r, 0, text(sectionLabel(line.l1), 'label'));
    if (line.l2) g.put(r, 1, text(sectionLabel(line.l2), 'label'));
    const leaf = line.leaf;
    if (!leaf) return;
    g.put(r, 2, text(leaf.name, 'text'));
    g.put(r, col('target'), value(leaf.target));
    if (leaf.weight !== undefined && showWeight) g.put(r, col('weight'), { text: leaf.weight, role: 'score', value: leaf.weight });
    const adj = adjusted.get(leaf.id);
    if (adj && showAdjusted) g.put(r, col('adjusted'), text(adj.to, 'text', { note: adj.note }));
    g.put(r, col('explanation'), value(leaf.explanation));
  });
  // Merge the first and second levels down over their rows.
  for (const level of ['l1', 'l2'] as const) {
    const c = level === 'l1' ? 0 : 1;
    let start = 0;
    for (let i = 1; i <= lines.length; i++) {
      const same = i < lines.length && lines[i]![level] !== undefined && lines[i]![level] === lines[start]![level] && (level === 'l1' || lines[i]!.l1 === lines[start]!.l1);
      if (same) continue;
      if (i - start > 1 && lines[start]![level] !== undefined) {
        const cell = g.rows[first + start]![c];
        for (let k = start + 1; k < i; k++) g.rows[first + k]![c] = undefined;
        g.put(first + start, c, cell, 1, i - start);
      }
      start = i;
    }
  }
  // 备注 footer.
  const footer = g.row();
  g.put(footer, 0, text(`${GOALS_WORDS.remark}${options.remark ?? remarkText(doc, showAdjusted)}`, 'text'), width);

  return {
    name: sheetName(h.projectName ?? h.title),
    title: goalsTitle(doc),
    columns: cols.map((c) => ({ width: c.width })),
    rows: g.rows,
    merges: g.merges,
    repeatRows: { first: header, last: header },
    // The real forms are about 170 characters wide: landscape keeps the text readable when fitted to the width.
    orientation: 'landscape',
  };
}

interface Line {
  l1?: IndicatorNode | undefined;
  l2?: IndicatorNode | undefined;
  leaf?: IndicatorNode | undefined;
}

const hasChildren = (n: IndicatorNode): boolean => (n.children?.length ?? 0) > 0;

/** A childless node is an empty section (a row with its name and no 三级指标) when it is categorised and has no target. */
const isEmptySection = (n: IndicatorNode): boolean => n.category !== undefined && n.target === undefined && n.explanation === undefined && n.weight === undefined;

/** One line per leaf (三级指标; deeper leaves are written at the third level), and one per empty section. */
function gridLines(roots: readonly IndicatorNode[]): Line[] {
  const out: Line[] = [];
  const leavesUnder = (n: IndicatorNode): IndicatorNode[] => (hasChildren(n) ? n.children!.flatMap(leavesUnder) : [n]);
  for (const top of roots) {
    if (!hasChildren(top)) {
      out.push(isEmptySection(top) ? { l1: top } : { leaf: top });
      continue;
    }
    for (const mid of top.children!) {
      if (!hasChildren(mid)) {
        out.push(isEmptySection(mid) ? { l1: top, l2: mid } : { l1: top, leaf: mid });
        continue;
      }
      for (const leaf of leavesUnder(mid)) out.push({ l1: top, l2: mid, leaf });
    }
  }
  return out;
}

function allNodes(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])]);
}

/** Approved target adjustments of the main tree: the adjusted value and the note with the reasons. */
function approvedTargets(doc: EvaluationDocument): Map<string, { to: string; note: string }> {
  const out = new Map<string, { to: string; note: string }>();
  if (!(doc.adjustments ?? []).some((a) => a.status === 'approved')) return out;
  const applied = applyAdjustments(doc);
  for (const v of applied.views) {
    if (v.field !== 'target' || v.project !== undefined) continue;
    const approved = v.history.filter((a) => a.status === 'approved');
    if (approved.length === 0 || v.adjusted === undefined) continue;
    out.set(v.indicatorId, { to: v.adjusted, note: approved.map(adjustmentNote).join('\n') });
  }
  return out;
}

function adjustmentNote(a: TargetAdjustment): string {
  const who = [a.approvedBy, a.approvedAt?.slice(0, 10)].filter((x) => x !== undefined && x !== '').join('，');
  return `由“${a.from}”调整为“${a.to}”。调整原因：${a.reason}${who ? `（审批：${who}）` : ''}`;
}

/** "实施期限：3" and the like, as the importer writes them into the notes. */
function noteFields(notes: readonly string[]): Map<NoteField, string> {
  const out = new Map<NoteField, string>();
  for (const n of notes) {
    const m = /^([^：:]+)[：:]([\s\S]*)$/u.exec(n);
    const key = m?.[1]?.trim();
    if (m && key && (NOTE_FIELDS as readonly string[]).includes(key) && !out.has(key as NoteField)) out.set(key as NoteField, m[2]!.trim());
  }
  return out;
}

function isFieldNote(n: string): boolean {
  const m = /^([^：:]+)[：:]/u.exec(n);
  return m !== null && (NOTE_FIELDS as readonly string[]).includes(m[1]!.trim());
}

function remarkText(doc: EvaluationDocument, adjusted: boolean): string {
  const parts = doc.notes.filter((n) => !isFieldNote(n)).map((n) => n.trim()).filter((n) => n !== '');
  if (adjusted) parts.push('“调整后目标值”为经审批的绩效目标调整，调整原因见单元格批注');
  return parts.join('；');
}

function periodText(doc: EvaluationDocument): string | undefined {
  const p = doc.header.period;
  if (!p || (p.start === undefined && p.end === undefined)) return undefined;
  return [p.start, p.end].filter((x) => x !== undefined).join('至');
}

function proseText(doc: EvaluationDocument, heading: RegExp): string | undefined {
  const found = doc.prose.find((p) => heading.test(p.heading.replace(/\s+/g, '')));
  return found?.text;
}

/** 项目总金额 / 本年度项目金额 in 万元: the declared figure, else the main money table's total. */
export function amountInWan(doc: EvaluationDocument, id: 'total-amount' | 'annual-amount'): string | undefined {
  const tables = doc.funding?.tables ?? [];
  const declared = tables.find((t) => t.id === id);
  let figure: string | undefined;
  let unit = declared?.unit;
  if (declared) {
    const a = declared.rows[0]?.amounts ?? {};
    figure = id === 'annual-amount' ? (a.annualBudget ?? a.budget ?? a.amount) : (a.budget ?? a.amount ?? a.annualBudget);
  } else if (id === 'annual-amount') {
    const main = tables.find((t) => t.kind === 'project-funding');
    const total = main?.rows.find((r) => r.role === 'total') ?? main?.rows[0];
    figure = total?.amounts.annualBudget ?? total?.amounts.initialBudget ?? total?.amounts.budget;
    unit = main?.unit;
  }
  const d = dec(figure);
  if (!d) return undefined;
  return unit === '元' ? d.div(TEN_THOUSAND, 6)!.normalize().toString() : d.toString();
}

/** Worksheet names: at most 31 characters, none of []:*?/\. */
function sheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return s === '' ? '绩效目标申报表' : s;
}
