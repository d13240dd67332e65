/**
 * @module What one grid row shows besides the document's own text, as plain values (strings and
 * numbers) so a row is drawn again only when something it shows has changed.
 */
import { Dec, describeTarget, parseTargetCached } from '@jixiao/core';
import type { Finding, IndicatorNode, ScoredItem } from '@jixiao/core';
import { formatScore } from '../format/numbers.js';
import { ITEM_STATUS_LABELS } from '../format/labels.js';
import type { GridColumnKey } from './paths.js';
import { locate } from './paths.js';

export interface RowView {
  score: string;
  scoreTitle: string;
  statusLabel: string;
  statusKind: 'good' | 'partial' | 'bad' | 'neutral';
  overridden: boolean;
  review: string;
  /** "column:severity" pairs, worst first per column, joined by commas. */
  findings: string;
  findingCount: number;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function statusKindOf(status: string | undefined): RowView['statusKind'] {
  switch (status) {
    case 'met':
    case 'within-band':
      return 'good';
    case 'partly-met':
    case 'proposed':
      return 'partial';
    case 'not-met':
    case 'outside-band':
    case 'missing':
      return 'bad';
    default:
      return 'neutral';
  }
}

export function rowView(item: ScoredItem | undefined, findings: readonly Finding[] | undefined, node: IndicatorNode, leaf: boolean): RowView {
  const perColumn = new Map<GridColumnKey, Finding['severity']>();
  for (const f of findings ?? []) {
    const loc = locate(f.path);
    const col: GridColumnKey = loc.area === 'indicator' ? loc.column : 'name';
    const had = perColumn.get(col);
    if (had === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had]) perColumn.set(col, f.severity);
  }
  let statusLabel = '';
  // An empty row with no weight (a group not used) says nothing; one with a weight says what it lacks.
  if (item && leaf && !(item.status === 'missing' && item.weight === undefined)) {
    statusLabel = ITEM_STATUS_LABELS[item.status] ?? item.status;
    if (item.status === 'partly-met' && item.ratio) statusLabel += ` ${item.ratio.times(Dec.HUNDRED).round(2).normalize().toString()}%`;
  }
  return {
    score: formatScore(item?.effective),
    scoreTitle: item?.explanation.text ?? '',
    statusLabel,
    statusKind: leaf ? statusKindOf(item?.status) : 'neutral',
    overridden: node.override !== undefined,
    review: formatScore(item?.review ?? node.review?.score),
    findings: [...perColumn.entries()].map(([c, s]) => `${c}:${s}`).join(','),
    findingCount: findings?.length ?? 0,
  };
}


/** How a target was understood, in one line: "不少于600批次（含）". */
export function targetPreview(target: string | undefined): { text: string; unparsed: boolean } | undefined {
  if (!target || !target.trim()) return undefined;
  const parsed = parseTargetCached(target);
  return { text: describeTarget(parsed), unparsed: parsed.kind === 'unparsed' };
}

/** The severity of a column's findings in a row, from the `findings` string. */
export function severityIn(findings: string, column: GridColumnKey): string | undefined {
  if (!findings) return undefined;
  for (const part of findings.split(',')) {
    const [c, s] = part.split(':');
    if (c === column) return s;
  }
  return undefined;
}
