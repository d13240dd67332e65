/**
 * @module Changes to a document in words: JSON paths (`$.indicators[0].children[1].actual`) read as
 * "产出指标 › 数量指标 › 抽查量 › 实际完成值", values as short text, and a structural diff of two
 * documents (arrays of objects with ids matched by id) for the conflict dialog.
 */
import type { DiffChange } from '../api/types.js';
import { parseJsonPath } from '../editor/paths.js';
import type { Segment } from '../editor/paths.js';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  level: '评价类型',
  stage: '阶段',
  year: '评价年度',
  organisation: '预算单位',
  supervisingDepartment: '主管部门',
  implementingUnits: '实施单位',
  projectName: '项目名称',
  projectCode: '项目编码',
  name: '指标名称',
  category: '指标类别',
  declaredWeight: '标注分值',
  weight: '分值',
  target: '年度指标值',
  actual: '实际完成值',
  lastYearActual: '上年完成值',
  unit: '计量单位',
  direction: '指标方向',
  printedScore: '填报得分',
  printedGrade: '完成质量',
  override: '调整得分',
  review: '复核得分',
  score: '得分',
  reason: '理由',
  deviationReason: '偏差原因分析及改进措施',
  explanation: '指标解释',
  note: '备注',
  evidence: '佐证材料',
  expected: '预期目标',
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  budget: '预算数',
  amount: '金额',
  label: '名称',
  printedRate: '填报执行率',
  status: '流程状态',
  ruleSet: '评分规则',
  children: '下级指标',
  problems: '存在的问题',
  measures: '改进措施',
  printedTotal: '填报总分',
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  header: '基本信息',
  funding: '资金情况',
  goals: '年度总体目标',
  indicators: '绩效指标',
  department: '基础数据',
  projects: '项目',
  prose: '报告正文',
  meta: '评价信息',
  notes: '备注',
};

const STATUS_WORDS: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  rechecked: '已复核',
  published: '已公开',
};

type Json = unknown;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(value: Json, seg: Segment): Json {
  if (typeof seg === 'number') return Array.isArray(value) ? value[seg] : undefined;
  return isObject(value) ? value[seg] : undefined;
}

/** A JSON path in words, with indicator and row names taken from `doc` when it has them. */
export function describePath(path: string, doc?: unknown): string {
  const segs = parseJsonPath(path);
  if (segs.length === 0) return '文档';
  const parts: string[] = [];
  let value: Json = doc;
  let i = 0;
  const first = segs[0];
  if (typeof first === 'string' && SECTION_LABELS[first] !== undefined && first !== 'header' && first !== 'indicators') parts.push(SECTION_LABELS[first]!);
  if (first === 'status') return '流程状态';
  while (i < segs.length) {
    const seg = segs[i]!;
    const next = get(value, seg);
    if (seg === 'indicators' || seg === 'children') {
      const index = segs[i + 1];
      if (typeof index === 'number') {
        const node = get(next, index);
        const name = isObject(node) && typeof node['name'] === 'string' && node['name'] ? node['name'] : `第${index + 1}项指标`;
        parts.push(name);
        value = node;
        i += 2;
        continue;
      }
      parts.push(seg === 'indicators' ? '绩效指标' : '下级指标');
      value = next;
      i++;
      continue;
    }
    if (seg === 'tables' && typeof segs[i + 1] === 'number') {
      const t = get(next, segs[i + 1]!);
      parts.push(isObject(t) && typeof t['title'] === 'string' ? t['title'] : '资金表');
      value = t;
      i += 2;
      continue;
    }
    if (seg === 'rows' && typeof segs[i + 1] === 'number') {
      const r = get(next, segs[i + 1]!);
      parts.push(isObject(r) && typeof r['label'] === 'string' ? r['label'] : `第${(segs[i + 1] as number) + 1}行`);
      value = r;
      i += 2;
      continue;
    }
    if (seg === 'goals' && typeof segs[i + 1] === 'number') {
      parts.pop();
      parts.push(`年度总体目标 ${(segs[i + 1] as number) + 1}`);
      value = get(next, segs[i + 1]!);
      i += 2;
      continue;
    }
    if (seg === 'execution') {
      parts.push('预算执行率');
      value = next;
      i++;
      continue;
    }
    if (seg === 'amounts' || seg === 'funding' || seg === 'header') {
      value = next;
      i++;
      continue;
    }
    if (typeof seg === 'number') {
      parts.push(`第${seg + 1}项`);
    } else {
      parts.push(FIELD_LABELS[seg] ?? SECTION_LABELS[seg] ?? seg);
    }
    value = next;
    i++;
  }
  return parts.join(' › ');
}

/** A value as a short text: （空） for nothing, names for indicator objects, numbers and words as they are. */
export function describeValue(value: unknown, key?: string): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (key === 'status' && typeof value === 'string') return STATUS_WORDS[value] ?? value;
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join('、') || '（空）';
    return `${value.length} 项`;
  }
  if (isObject(value)) {
    if (typeof value['name'] === 'string') {
      const bits = [value['name'] || '（未命名）'];
      if (typeof value['target'] === 'string') bits.push(`目标 ${value['target']}`);
      if (typeof value['actual'] === 'string') bits.push(`实际 ${value['actual']}`);
      if (typeof value['weight'] === 'string') bits.push(`${value['weight']}分`);
      return bits.join('，');
    }
    if (typeof value['score'] === 'string') return `${value['score']}分${typeof value['reason'] === 'string' ? `（理由：${value['reason']}）` : ''}`;
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 200)}…` : json;
  }
  return String(value);
}

export interface DescribedChange {
  path: string;
  where: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
}

export function describeChange(change: DiffChange, doc?: unknown): DescribedChange {
  const segs = parseJsonPath(change.path);
  const last = segs[segs.length - 1];
  const key = typeof last === 'string' ? last : undefined;
  const hasBefore = change.before !== undefined;
  const hasAfter = change.after !== undefined;
  return {
    path: change.path,
    where: describePath(change.path, doc),
    kind: hasBefore && hasAfter ? 'changed' : hasAfter ? 'added' : 'removed',
    before: describeValue(change.before, key),
    after: describeValue(change.after, key),
  };
}

/** The changes in an audit event's `diff`, when it has them. */
export function changesOf(diff: unknown): DiffChange[] {
  if (!isObject(diff) || !Array.isArray(diff['changes'])) return [];
  return diff['changes'].filter((c): c is DiffChange => isObject(c) && typeof c['path'] === 'string') as DiffChange[];
}

function idsOf(items: readonly unknown[]): string[] | undefined {
  const ids: string[] = [];
  for (const it of items) {
    if (!isObject(it) || typeof it['id'] !== 'string') return undefined;
    ids.push(it['id']);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

const pathOf = (segs: readonly Segment[]) => `$${segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/** Differences from `a` to `b` (paths as in `b`, or as in `a` for removals), at most `limit`. */
export function diffDocuments(a: unknown, b: unknown, limit = 200): DiffChange[] {
  const out: DiffChange[] = [];
  const walk = (x: unknown, y: unknown, path: Segment[]) => {
    if (out.length >= limit || x === y) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      const ix = idsOf(x);
      const iy = idsOf(y);
      if (ix && iy) {
        const old = new Map(ix.map((id, i) => [id, i]));
        const kept = new Set(iy);
        iy.forEach((id, i) => {
          const j = old.get(id);
          if (j === undefined) out.push({ path: pathOf([...path, i]), before: undefined, after: y[i] });
          else walk(x[j], y[i], [...path, i]);
        });
        ix.forEach((id, j) => {
          if (!kept.has(id)) out.push({ path: pathOf([...path, j]), before: x[j], after: undefined });
        });
        return;
      }
      const n = Math.max(x.length, y.length);
      for (let i = 0; i < n; i++) walk(x[i], y[i], [...path, i]);
      return;
    }
    if (isObject(x) && isObject(y)) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys) walk(x[k], y[k], [...path, k]);
      return;
    }
    if (x === undefined && y === undefined) return;
    out.push({ path: pathOf(path), before: x, after: y });
  };
  walk(a, b, []);
  return out;
}
