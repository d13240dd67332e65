/** @module Indicator categories (指标类别) recognised from printed names such as "产出指标(50分)" or "经济效\n益指标". */
import type { IndicatorCategory, IndicatorNode } from './schema.js';

/** Keywords per category, most specific first: "成本指标" under 产出 is cost-output, at the top level cost. */
const KEYWORDS: ReadonlyArray<readonly [IndicatorCategory, RegExp]> = [
  ['service-satisfaction', /服务对象满意|社会公众.*满意|满意度指标$/],
  ['satisfaction', /满意/],
  ['quantity', /数量/],
  ['quality', /质量指标|^质量$/],
  ['timeliness', /时效|及时/],
  ['economic', /经济效益|^经济/],
  ['social', /社会效益|^社会/],
  ['ecological', /生态效益|^生态|环境效益/],
  ['sustainable', /可持续/],
  ['output', /产出/],
  ['benefit', /效益/],
  ['effect', /效果/],
  ['cost', /成本/],
  ['input', /投入/],
  ['process', /过程/],
  ['decision', /决策/],
  ['management', /管理$/],
  ['performance', /^绩效$/],
];

/** Removes layout whitespace and the weight label: "产出指标\n(50分)" → "产出指标". */
export function normaliseIndicatorName(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]\s*\d+(\.\d+)?\s*分\s*[)）]/g, '')
    .trim();
}

/**
 * Classifies an indicator by its printed name. `depth` 0 is a first-level (一级) node: there 成本指标 is
 * the cost section (seed 004); below it, under 产出, it is cost-output (seed 000).
 */
export function classifyIndicator(name: string, depth: number): IndicatorCategory | undefined {
  const level = depth > 2 ? 2 : depth;
  const cache = classified[level]!;
  const hit = cache.get(name);
  if (hit !== undefined) return hit === NONE ? undefined : hit;
  const result = classifyUncached(name, level);
  if (cache.size >= CLASSIFY_CACHE_LIMIT) cache.clear();
  cache.set(name, result ?? NONE);
  return result;
}

/** Names repeat across documents (数量指标, 质量指标 …): remember recent answers per depth, bounded. */
const NONE = 'none' as const;
const classified = [0, 1, 2].map(() => new Map<string, IndicatorCategory | typeof NONE>());
const CLASSIFY_CACHE_LIMIT = 8192;

function classifyUncached(name: string, depth: number): IndicatorCategory | undefined {
  const n = normaliseIndicatorName(name);
  if (n.length === 0) return undefined;
  if (depth > 0 && /成本/.test(n) && n.length <= 8) return 'cost-output';
  if (depth === 0 && /满意/.test(n)) return 'satisfaction';
  for (const [category, re] of KEYWORDS) {
    if (re.test(n)) {
      // Only short section-like names are sections; a long indicator name that happens to contain
      // 质量 (生产及流通领域产品质量监督抽查合格率) is not the 质量指标 section.
      if (depth >= 2 && n.length > 8) return undefined;
      return category;
    }
  }
  return undefined;
}

/** The category of a node: its own when set, else recognised from its name. */
export function categoryOf(node: IndicatorNode, depth: number): IndicatorCategory | undefined {
  return node.category ?? classifyIndicator(node.name, depth);
}

/** Categories that belong to the satisfaction family (满意度). */
export function isSatisfaction(category: IndicatorCategory | undefined): boolean {
  return category === 'satisfaction' || category === 'service-satisfaction';
}

/** The weight printed in a section label: "产出指标(50分)" → "50", "（30分）" → "30". */
export function weightInLabel(label: string): string | undefined {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(label.replace(/\s+/g, ''));
  return m?.[1];
}
