/**
 * @module The audit engine (智能审核): runs every family of checks over a document and returns the
 * findings in a deterministic order (document order of the JSON path, then code).
 */
import type { EvaluationDocument } from '../model/index.js';
import { ruleSetRef } from '../rulesets/index.js';
import { ruleSetFor, scoreDocument } from '../scoring/index.js';
import { checkArithmetic } from './checks/arithmetic.js';
import { checkGoals } from './checks/goals.js';
import { checkHistory } from './checks/history.js';
import { checkProse } from './checks/prose.js';
import { checkQuality } from './checks/quality.js';
import { checkScoring } from './checks/scoring.js';
import { checkWeights } from './checks/weights.js';
import { AuditContext } from './context.js';
import type { AuditOptions, AuditResult, Finding } from './types.js';

/** Audits one document. Pure and deterministic; reuses `options.score` when given. */
export function auditDocument(doc: EvaluationDocument, options: AuditOptions = {}): AuditResult {
  const rs = ruleSetFor(doc, options.ruleSet);
  const report = options.score ?? scoreDocument(doc, rs);
  const ctx = new AuditContext(doc, rs, report, options.history ?? [], options.peers ?? []);
  checkArithmetic(ctx);
  checkWeights(ctx);
  checkScoring(ctx);
  checkQuality(ctx);
  checkProse(ctx);
  checkHistory(ctx);
  checkGoals(ctx);
  const findings = sortFindings(ctx.findings());
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, ruleSet: ruleSetRef(rs) };
}

// ---------------------------------------------------------------------------------------------
// Order

/**
 * Every field of the interchange format in schema order (document, header, money, goals, indicator
 * nodes, department data, projects, prose, meta). Paths are ordered by these ranks and by array
 * index, so findings read top to bottom in the order the document is laid out.
 */
const FIELD_ORDER = [
  'schemaVersion', 'id', 'ruleSet', 'header', 'title', 'level', 'stage', 'year', 'organisation', 'supervisingDepartment',
  'implementingUnits', 'projectName', 'projectCode', 'period', 'subProjects', 'region', 'budget',
  'funding', 'unit', 'tables', 'kind', 'rows', 'label', 'role', 'sourceKind', 'subProject', 'project', 'amounts',
  'initialBudget', 'annualBudget', 'executed', 'carryOverStart', 'income', 'expenditure', 'carryOverEnd', 'arranged', 'arrived', 'amount',
  'execution', 'printedRate',
  'goals', 'subject', 'expected',
  'indicators', 'name', 'category', 'declaredWeight', 'weight', 'target', 'actual', 'lastYearActual', 'direction', 'bands',
  'completion', 'completionRate', 'printedGrade', 'printedScore', 'override', 'review', 'deviationReason', 'explanation', 'note',
  'evidence', 'source', 'children',
  'department', 'staffing', 'authorized', 'actualLabel', 'printedControlRate', 'retired', 'expenseControl', 'columns', 'parent',
  'partsListed', 'values', 'buildings', 'approvedArea', 'actualArea', 'printedScaleRate', 'budgetInvestment', 'actualInvestment',
  'printedInvestmentRate', 'savingMeasures',
  'projects', 'printedTotal',
  'prose', 'heading', 'path', 'text',
  'meta', 'evaluator', 'evaluationDate', 'method', 'team', 'survey', 'sampleSize', 'score', 'description', 'problems', 'measures',
  'publication', 'statedSelfScore', 'notes',
];
const FIELD_RANK = new Map(FIELD_ORDER.map((k, i) => [k, i]));
const UNKNOWN_FIELD = FIELD_ORDER.length;

const sortKeys = new Map<string, readonly number[]>();

/** `rankPath` cached: the same path shapes recur across the documents of a data set. */
function sortKey(path: string): readonly number[] {
  let hit = sortKeys.get(path);
  if (hit === undefined) {
    if (sortKeys.size > 50_000) sortKeys.clear();
    hit = rankPath(path);
    sortKeys.set(path, hit);
  }
  return hit;
}

/** Ranks of a JSON path's steps: `$.funding.tables[0].rows[2]` → [rank(funding), rank(tables), 0, rank(rows), 2]. */
function rankPath(path: string): number[] {
  const out: number[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(FIELD_RANK.get(path.slice(i + 1, j)) ?? UNKNOWN_FIELD);
      i = j;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      // Array index; a quoted key (expense-control column) sorts after the known fields, by its text.
      out.push(/^\d+$/.test(inner) ? Number(inner) : UNKNOWN_FIELD);
      i = close < 0 ? path.length : close + 1;
    } else {
      i++;
    }
  }
  return out;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Document order of the path, then code, then path text and message (so ties still sort the same way every time). */
function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const keyed = findings.map((f) => ({ f, k: sortKey(f.path) }));
  keyed.sort((x, y) => compareKeys(x.k, y.k) || compareText(x.f.code, y.f.code) || compareText(x.f.path, y.f.path) || compareText(x.f.message, y.f.message));
  return keyed.map((x) => x.f);
}
