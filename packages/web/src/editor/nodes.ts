/**
 * @module Indicator nodes anywhere in a document — the main tree or an embedded project's — found by
 * id, changed immutably, and named for people ("项目 › 产出指标 › 数量指标 › …").
 */
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';
import { indexOfId, jsonPathOf, nodeAt, updateAt } from './tree.js';

export interface NodeRef {
  node: IndicatorNode;
  idx: number[];
  /** Index of the embedded project, undefined for the main tree. */
  project: number | undefined;
  /** JSON path of the node. */
  path: string;
}

export function treeBase(project: number | undefined): string {
  return project === undefined ? '$.indicators' : `$.projects[${project}].indicators`;
}

export function findNode(doc: EvaluationDocument, id: string | undefined): NodeRef | undefined {
  if (!id) return undefined;
  const trees: Array<[IndicatorNode[], number | undefined]> = [[doc.indicators, undefined], ...doc.projects.map((p, i): [IndicatorNode[], number] => [p.indicators, i])];
  for (const [roots, project] of trees) {
    const idx = indexOfId(roots, id);
    if (idx) return { node: nodeAt(roots, idx)!, idx, project, path: jsonPathOf(idx, treeBase(project)) };
  }
  return undefined;
}

/** Applies `fn` to the tree a node lives in (the main tree or its project's). */
export function updateTree(doc: EvaluationDocument, project: number | undefined, fn: (roots: IndicatorNode[]) => IndicatorNode[]): EvaluationDocument {
  if (project === undefined) return { ...doc, indicators: fn(doc.indicators) };
  return { ...doc, projects: doc.projects.map((p, i) => (i === project ? { ...p, indicators: fn(p.indicators) } : p)) };
}

export function updateNode(doc: EvaluationDocument, ref: Pick<NodeRef, 'idx' | 'project'>, fn: (node: IndicatorNode) => IndicatorNode): EvaluationDocument {
  return updateTree(doc, ref.project, (roots) => updateAt(roots, ref.idx, fn));
}

/** "产出指标 › 数量指标 › 抽查量", with the project's name first for an embedded project. */
export function describeNode(doc: EvaluationDocument, ref: Pick<NodeRef, 'idx' | 'project'>): string {
  const roots = ref.project === undefined ? doc.indicators : (doc.projects[ref.project]?.indicators ?? []);
  const names: string[] = ref.project === undefined ? [] : [doc.projects[ref.project]?.name ?? '项目'];
  for (let d = 1; d <= ref.idx.length; d++) names.push(nodeAt(roots, ref.idx.slice(0, d))?.name ?? '');
  return names.join(' › ');
}
