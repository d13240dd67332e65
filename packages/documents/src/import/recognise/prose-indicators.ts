/**
 * @module Indicators written as prose rather than tables:
 * - itemised scoring (seed 003): "（3）工业产品生产许可证核发（5分）… 该项指标得3.8分" → a leaf with
 *   weight 5 and printedScore 3.8, under "1.数量指标（20分）" under "（一）项目产出指标（50分）";
 * - declared targets (seed 001): "数量指标：2021年度食品安全监督抽检1040批次，…" under a project
 *   heading → an embedded project whose leaves carry name and target.
 * Items that cannot be completed (no stated points, a statement with no target) go to the report.
 */
import type { EmbeddedProject, IndicatorCategory, IndicatorNode } from '@jixiao/core';
import { joinWrapped, matchKey, toHalfWidth } from '../text-util/normalise.js';
import type { Draft } from './draft.js';
import { idPart } from './labels.js';
import type { Paragraph } from './prose.js';
import { headingOf } from './prose.js';
import { sectionCategory } from './vocabulary.js';

const NUMBERING = /^[\s\u3000]*(?:[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]{1,2}[.．、](?![0-9]))\s*/u;
const WEIGHT_TAIL = /[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[)）]\s*$/u;
const L1_NAME = /^(项目)?(产出|效益|效果|满意度|投入|过程|决策|管理)(指标)?$/u;
const L2_NAME = /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|社会公众或服务对象满意度)(指标)?$/u;
const SCORE_RE = /得\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/gu;

function half(s: string): string {
  return toHalfWidth(s);
}

interface WeightLine {
  level: 1 | 2 | 3;
  name: string;
  weight: string;
  numbered: boolean;
}

function weightLine(text: string): WeightLine | undefined {
  const t = text.trim();
  const m = WEIGHT_TAIL.exec(t);
  if (!m) return undefined;
  const numbered = NUMBERING.test(t);
  const name = t.slice(0, m.index).replace(NUMBERING, '').trim();
  if (name.length === 0) return undefined;
  const key = matchKey(name);
  const weight = half(m[1]!);
  if (L1_NAME.test(key)) return { level: 1, name, weight, numbered };
  if (L2_NAME.test(key)) return { level: 2, name, weight, numbered };
  if (numbered || (name.length <= 20 && !/[，,。]/u.test(name))) return { level: 3, name, weight, numbered };
  return undefined;
}

/** Itemised scoring in prose (seed 003). Returns true when a tree was read into `d.indicators`. */
export function readProseScoring(paras: readonly Paragraph[], d: Draft): boolean {
  const roots: IndicatorNode[] = [];
  let top: IndicatorNode | undefined;
  let mid: IndicatorNode | undefined;
  let leaf: { node: IndicatorNode; body: string[]; where: string } | undefined;
  let started = false;
  const leaves: Array<{ node: IndicatorNode; body: string[]; where: string }> = [];
  const closeLeaf = (): void => {
    if (leaf) leaves.push(leaf);
    leaf = undefined;
  };
  for (const p of paras) {
    const text = p.text.trim();
    if (text === '') continue;
    const w = weightLine(text);
    if (!w) {
      if (started && headingOf(text)?.level === 1) break;
      if (leaf) leaf.body.push(text);
      continue;
    }
    if (w.level === 1) {
      closeLeaf();
      started = true;
      const category = sectionCategory(w.name, 0);
      top = { id: d.uniqueId(idPart(category, 's')), name: w.name, declaredWeight: w.weight, source: p.where, children: [] };
      if (category) top.category = category;
      roots.push(top);
      mid = undefined;
      d.rec('prose-indicator', p.where, { name: w.name });
      continue;
    }
    if (!started) continue;
    if (w.level === 2) {
      closeLeaf();
      const category = sectionCategory(w.name, 1, top?.category);
      mid = { id: d.uniqueId(`${top?.id ?? 's'}.${idPart(category, 's')}`), name: w.name, declaredWeight: w.weight, source: p.where, children: [] };
      if (category) mid.category = category;
      (top?.children ?? roots).push(mid);
      d.rec('prose-indicator', p.where, { name: w.name });
      continue;
    }
    closeLeaf();
    const parent = mid ?? top;
    const node: IndicatorNode = {
      id: d.uniqueId(`${parent?.id ?? 'i'}.${(parent?.children?.length ?? 0) + 1}`),
      name: w.name,
      weight: w.weight,
      source: p.where,
    };
    (parent?.children ?? roots).push(node);
    leaf = { node, body: [], where: p.where };
  }
  closeLeaf();
  if (leaves.length < 3) return false;
  for (const l of leaves) {
    const body = l.body.join('\n');
    const scores = [...body.matchAll(SCORE_RE)];
    const last = scores[scores.length - 1];
    if (last) {
      l.node.printedScore = half(last[1]!);
      d.rec('prose-score', l.where, { name: l.node.name, weight: l.node.weight ?? '', score: l.node.printedScore });
    } else {
      d.skipWarn('prose-score-missing', l.where, { name: l.node.name, weight: l.node.weight ?? '' });
    }
    const rest = body
      .replace(/[，,]?\s*(根据评分标准[，,]?\s*)?(该项指标)?得\s*[0-9０-９.．]+\s*分[。.]?/gu, '')
      .replace(/根据评分标准[。.]?/gu, '')
      .trim()
      .replace(/[，,]$/u, '');
    if (rest) l.node.note = rest;
  }
  // Sections listed only in the description of the indicator system ("项目投入指标（10分），过程指标（10分）").
  const present = new Set(roots.map((r) => r.category));
  const extra: IndicatorNode[] = [];
  for (const p of paras) {
    if (!/指标体系/.test(p.text)) continue;
    for (const part of p.text.split(/[，,、；;。]/u)) {
      const m = /([\u4e00-\u9fa5]{2,10}?)[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[)）]\s*$/u.exec(part.replace(/^.*?(包括|包含)/u, ''));
      if (!m) continue;
      const name = m[1]!;
      if (!L1_NAME.test(matchKey(name))) continue;
      const category = sectionCategory(name, 0);
      if (!category || present.has(category)) continue;
      present.add(category);
      const node: IndicatorNode = { id: d.uniqueId(idPart(category, 's')), name, category, declaredWeight: m[2]!, source: p.where };
      extra.push(node);
      d.rec('prose-indicator', p.where, { name });
      d.skip('empty-section', p.where, { name });
    }
  }
  for (const r of roots) if (r.children && r.children.length === 0) delete r.children;
  d.indicators.push(...extra, ...roots);
  d.scoredInProse = true;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Declared targets in prose (seed 001)

const TARGET_LINE =
  /^(数量指标|质量指标|时效指标|成本指标|效益指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|可持续影响|社会公众或服务对象满意度指标|服务对象满意度指标|满意度指标)\s*[:：]\s*(.+)$/u;
const TREND =
  /(逐步提升|逐步提高|逐步完善|逐步改善|逐步减少|不断增强|不断提升|不断提高|不断降低|不断完善|长期有效|持续向好|持续改善|稳步提升|明显提升|明显提高|有效提升|得到提升|得到提高|长期)$/u;
const VALUE =
  /^(.+?)((?:[≥≤≧≦><＞＜=]|不低于|不高于|不少于|不超过|大于|小于)?\s*[0-9０-９][0-9０-９.．,，\-~—至年月日]*[^\d\s，。；,;]{0,4}?(?:以上|以下|以内|左右)?)$/u;

/** "2021年度食品安全监督抽检1040批次" → name "2021年度食品安全监督抽检", target "1040批次". */
export function splitTarget(item: string): { name: string; target: string } {
  const t = item.trim().replace(/[。.]$/u, '');
  if (t.length > 200) return { name: t, target: t };
  const v = VALUE.exec(t);
  if (v && v[1]!.length >= 2) return { name: v[1]!.trim(), target: v[2]!.trim() };
  const tr = TREND.exec(t);
  if (tr && tr.index >= 2) return { name: t.slice(0, tr.index).trim(), target: tr[1]! };
  return { name: t, target: t };
}

/** Splits a statement into items at ，and ；, keeping purpose clauses ("为…", "确保…") with the item before. */
export function splitItems(text: string): Array<{ name: string; target: string }> {
  const body = text.trim().replace(/[。.]$/u, '');
  const raw = splitOutsideQuotes(body);
  const parts: string[] = [];
  for (const r of raw) {
    const p = r.trim();
    if (!p) continue;
    if (parts.length > 0 && /^(为|以|从而|进而|使|并)/u.test(p)) parts[parts.length - 1] += `，${p}`;
    else parts.push(p);
  }
  const last = parts[parts.length - 1];
  const trendOnly = last ? /^指标值(.+)$/u.exec(last) : null;
  if (trendOnly && parts.length > 1) return [{ name: parts.slice(0, -1).join('，'), target: trendOnly[1]! }];
  return parts.map(splitTarget);
}

function splitOutsideQuotes(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '“' || ch === '（' || ch === '(' || ch === '《') depth++;
    else if (ch === '”' || ch === '）' || ch === ')' || ch === '》') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '，' || ch === '；' || ch === ';' || ch === ',')) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Declared targets of the projects of a department report (seed 001) → `d.projects`. */
export function readProseTargets(paras: readonly Paragraph[], d: Draft): void {
  let project: { p: EmbeddedProject; groups: Map<string, IndicatorNode> } | undefined;
  let heading: { text: string; where: string } | undefined;
  for (const para of paras) {
    const text = para.text.trim();
    const h = headingOf(text);
    if (h && !TARGET_LINE.test(text)) {
      heading = { text: h.heading, where: para.where };
      project = undefined;
      continue;
    }
    const goal = /^绩效目标\s*[:：]\s*(.+)$/u.exec(text);
    const m = TARGET_LINE.exec(text);
    if (!goal && !m) continue;
    if (!heading || !/目标情况$/u.test(joinWrapped(heading.text))) {
      if (m) d.skip('unused-row', para.where, { text: text.slice(0, 60) });
      continue;
    }
    if (!project) {
      const name = heading.text.replace(NUMBERING, '').replace(/(工作)?(绩效)?目标情况$/u, '').trim();
      const p: EmbeddedProject = { id: d.uniqueId(`p${d.projects.length + 1}`), name, goals: [], indicators: [], problems: [], measures: [] };
      d.projects.push(p);
      project = { p, groups: new Map() };
      d.rec('indicator-section', heading.where, { name });
    }
    if (goal) {
      project.p.goals.push({ expected: goal[1]!.trim() });
      d.rec('goal-row', para.where);
      continue;
    }
    addTargets(project, m![1]!, m![2]!, para.where, d);
  }
}

const TOP_OF: Record<string, { name: string; category: IndicatorCategory }> = {
  output: { name: '产出指标', category: 'output' },
  benefit: { name: '效益指标', category: 'benefit' },
  satisfaction: { name: '满意度指标', category: 'satisfaction' },
};

function addTargets(
  project: { p: EmbeddedProject; groups: Map<string, IndicatorNode> },
  label: string,
  text: string,
  where: string,
  d: Draft,
): void {
  const key = matchKey(label);
  const topKey = /满意度/.test(key) ? 'satisfaction' : /^(数量|质量|时效|成本)/.test(key) ? 'output' : 'benefit';
  let top = project.groups.get(topKey);
  if (!top) {
    const def = TOP_OF[topKey]!;
    top = { id: d.uniqueId(`${project.p.id}.${idPart(def.category, 's')}`), name: def.name, category: def.category, children: [] };
    project.groups.set(topKey, top);
    project.p.indicators.push(top);
    // Keep the usual order 产出 / 效益 / 满意度 whatever order the lines come in.
    const order = ['output', 'benefit', 'satisfaction'];
    project.p.indicators.sort((a, b) => order.indexOf(a.category ?? '') - order.indexOf(b.category ?? ''));
  }
  let parent = top;
  if (key !== '效益指标' && key !== '满意度指标') {
    const category = sectionCategory(label, 1, top.category);
    let sec = top.children!.find((c) => c.name === label);
    if (!sec) {
      sec = { id: d.uniqueId(`${top.id}.${idPart(category, 's')}`), name: label, source: where, children: [] };
      if (category) sec.category = category;
      top.children!.push(sec);
    }
    parent = sec;
  }
  for (const item of splitItems(text)) {
    const node: IndicatorNode = {
      id: d.uniqueId(`${parent.id}.${parent.children!.length + 1}`),
      name: item.name,
      target: item.target,
      source: where,
    };
    parent.children!.push(node);
    d.rec('prose-target', where, { name: item.name });
  }
}
