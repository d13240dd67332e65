/**
 * @module Sorting and click-through filters of the list: the server sorts (the whole list, the id breaking
 * ties); this maps table columns to its sort keys and names the filters analytics links add.
 */
import type { ListQuery } from '../../api/types.js';

type SortKey = NonNullable<ListQuery['sort']>;

/** Compares two decimal strings without floating point: sign, integer length, then digits. */
export function compareDecimalText(a: string, b: string): number {
  const parse = (s: string) => {
    const neg = s.startsWith('-');
    const [i = '0', f = ''] = (neg ? s.slice(1) : s).split('.');
    return { neg, int: i.replace(/^0+(?=\d)/, ''), frac: f.replace(/0+$/, '') };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  const sign = x.neg ? -1 : 1;
  if (x.int.length !== y.int.length) return sign * (x.int.length - y.int.length);
  if (x.int !== y.int) return sign * (x.int < y.int ? -1 : 1);
  const len = Math.max(x.frac.length, y.frac.length);
  const fx = x.frac.padEnd(len, '0');
  const fy = y.frac.padEnd(len, '0');
  return fx === fy ? 0 : sign * (fx < fy ? -1 : 1);
}

/** The server's sort key of a table column (the update time column is `updatedAt`). */
export function sortOfColumnKey(columnKey: string): SortKey | undefined {
  if (columnKey === 'updatedAt') return 'updated';
  return (['updated', 'total', 'year', 'title', 'grade'] as const).find((k) => k === columnKey);
}

/** Audit families as the list names them. */
export const FAMILY_LABELS: Readonly<Record<string, string>> = {
  arithmetic: '数字核对',
  weights: '权重',
  scoring: '评分',
  quality: '指标质量',
  prose: '正文与表格',
  history: '跨年度',
  goals: '绩效目标申报',
  other: '其他',
};

const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: '错误', warning: '警告', info: '提示' };
const STAGE_LABELS: Readonly<Record<string, string>> = { goals: '目标申报', monitoring: '运行监控', 'self-evaluation': '绩效自评', evaluation: '绩效评价' };

export interface ClickFilter {
  key: string;
  label: string;
  /** The patch that removes it. */
  clear: Partial<ListQuery>;
}

/** The click-through filters set in a list query (beyond the filter bar), each with a Chinese label. */
export function activeClickFilters(q: ListQuery): ClickFilter[] {
  const out: ClickFilter[] = [];
  const range = (min: string | undefined, max: string | undefined, unit: string) =>
    min !== undefined && max !== undefined ? `${min}${unit} 至 ${max}${unit}（不含）` : min !== undefined ? `不低于 ${min}${unit}` : `低于 ${max}${unit}`;
  if (q.stage) out.push({ key: 'stage', label: `阶段：${q.stage.split(',').map((s) => STAGE_LABELS[s] ?? s).join('、')}`, clear: { stage: undefined } });
  if (q.sector) out.push({ key: 'sector', label: `行业：${q.sector}`, clear: { sector: undefined } });
  if (q.family) {
    const sev = q.severity ? `（${SEVERITY_LABELS[q.severity] ?? q.severity}）` : '';
    out.push({ key: 'family', label: `问题类别：${FAMILY_LABELS[q.family] ?? q.family}${sev}`, clear: { family: undefined, severity: undefined } });
  }
  if (q.hasFindings !== undefined) {
    const sev = q.severity && !q.family ? SEVERITY_LABELS[q.severity] ?? q.severity : '审核问题';
    out.push({ key: 'hasFindings', label: q.hasFindings ? `有${sev}` : `无${sev}`, clear: { hasFindings: undefined, ...(q.family ? {} : { severity: undefined }) } });
  }
  if (q.execMin !== undefined || q.execMax !== undefined) out.push({ key: 'exec', label: `预算执行率：${range(q.execMin, q.execMax, '%')}`, clear: { execMin: undefined, execMax: undefined } });
  if (q.totalMin !== undefined || q.totalMax !== undefined) out.push({ key: 'total', label: `总分：${range(q.totalMin, q.totalMax, '分')}`, clear: { totalMin: undefined, totalMax: undefined } });
  if (q.selfScored !== undefined) out.push({ key: 'selfScored', label: q.selfScored ? '有自评分' : '无自评分', clear: { selfScored: undefined } });
  if (q.reviewed !== undefined) out.push({ key: 'reviewed', label: q.reviewed ? '已录入复核分' : '未录入复核分', clear: { reviewed: undefined } });
  if (q.scorable !== undefined) out.push({ key: 'scorable', label: q.scorable ? '可评分' : '不可评分', clear: { scorable: undefined } });
  if (q.reportedBy) out.push({ key: 'reportedBy', label: `截至 ${q.reportedBy} 已报送监控数据`, clear: { reportedBy: undefined } });
  return out;
}
