/**
 * @module Live scoring and audit in the browser: the same core code the server runs, on every edit.
 * Each run is timed with performance.now() and the recent times are kept for the browser benchmark
 * (`window.__jixiaoRecompute`).
 */
import { auditDocument, goalQuality, scoreDocument } from '@jixiao/core';
import type { AuditResult, EvaluationDocument, Finding, ScoreReport, ScoredItem } from '@jixiao/core';

export interface Analysis {
  score: ScoreReport | undefined;
  audit: AuditResult | undefined;
  /** Set when the engines could not handle the document as it is. */
  failure: string | undefined;
  ms: number;
  /** Score items by JSON path. */
  items: Map<string, ScoredItem>;
  /** Findings by the JSON path of the indicator node they are about (and every other path as given). */
  findingsByNode: Map<string, Finding[]>;
}

declare global {
  interface Window {
    __jixiaoRecompute?: number[];
  }
}

const SAMPLES = 2000;

function remember(ms: number): void {
  if (typeof window === 'undefined') return;
  const list = (window.__jixiaoRecompute ??= []);
  list.push(ms);
  if (list.length > SAMPLES) list.splice(0, list.length - SAMPLES);
}

/** The JSON path of the indicator node a path is inside: `$.indicators[0].children[1].actual` → `$.indicators[0].children[1]` (also under `$.projects[i]`). */
export function nodePathOf(path: string): string | undefined {
  const m = /^\$(?:\.projects\[\d+\])?\.indicators\[\d+\](?:\.children\[\d+\])*/.exec(path);
  return m?.[0];
}

export function analyse(doc: EvaluationDocument): Analysis {
  const started = performance.now();
  let score: ScoreReport | undefined;
  let audit: AuditResult | undefined;
  let failure: string | undefined;
  try {
    if (doc.header.stage === 'goals') {
      // A goal declaration (绩效目标申报) is not scored: it is checked for the quality of its goals
      // (vague targets, missing units and categories…), the checks the reviewer will apply.
      audit = goalQuality(doc);
    } else {
      score = scoreDocument(doc);
      audit = auditDocument(doc, { score });
    }
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
  }
  const ms = performance.now() - started;
  remember(ms);
  const items = new Map<string, ScoredItem>();
  for (const item of score?.items ?? []) items.set(item.path, item);
  const findingsByNode = new Map<string, Finding[]>();
  for (const f of audit?.findings ?? []) {
    const key = nodePathOf(f.path) ?? f.path;
    const list = findingsByNode.get(key);
    if (list) list.push(f);
    else findingsByNode.set(key, [f]);
  }
  return { score, audit, failure, ms, items, findingsByNode };
}
