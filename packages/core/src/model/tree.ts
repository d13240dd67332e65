/** @module Walking the indicator tree: depth-first visits with JSON and human paths. */
import type { EvaluationDocument, IndicatorNode } from './schema.js';

export interface IndicatorVisit {
  node: IndicatorNode;
  /** Names from the root section down to this node. */
  names: string[];
  /** JSON path of the node, e.g. `$.indicators[1].children[0]`. */
  path: string;
  depth: number;
  parent: IndicatorNode | undefined;
}

/** Visits every node depth-first, parents before children, in document order. */
export function* walkIndicators(
  roots: readonly IndicatorNode[],
  basePath = '$.indicators',
): Generator<IndicatorVisit> {
  const stack: Array<{ nodes: readonly IndicatorNode[]; index: number; path: string; names: string[]; parent: IndicatorNode | undefined }> = [
    { nodes: roots, index: 0, path: basePath, names: [], parent: undefined },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const i = frame.index++;
    const node = frame.nodes[i]!;
    const path = `${frame.path}[${i}]`;
    const names = [...frame.names, node.name];
    yield { node, names, path, depth: stack.length - 1, parent: frame.parent };
    if (node.children && node.children.length > 0) {
      stack.push({ nodes: node.children, index: 0, path: `${path}.children`, names, parent: node });
    }
  }
}

/** True when the node has no children: it is scored itself rather than summed from below. */
export function isLeaf(node: IndicatorNode): boolean {
  return !node.children || node.children.length === 0;
}

/** The human path shown to users: "产出指标 › 数量指标 › 生产及流通领域产品质量监督抽查量". */
export function humanPath(names: readonly string[]): string {
  return names.map((n) => n.replace(/\s+/g, ' ').trim()).join(' › ');
}

/** Every indicator tree in a document: the main one and those of embedded projects. */
export function* indicatorTrees(
  doc: EvaluationDocument,
): Generator<{ roots: IndicatorNode[]; basePath: string; project: string | undefined }> {
  yield { roots: doc.indicators, basePath: '$.indicators', project: undefined };
  for (const [i, p] of doc.projects.entries()) {
    yield { roots: p.indicators, basePath: `$.projects[${i}].indicators`, project: p.id };
  }
}
