/**
 * @module Deriving the monitoring (绩效运行监控) and self-evaluation (绩效自评) documents from an approved
 * goal declaration (绩效目标申报), "with one click": header, money requested, overall goals and the
 * indicator tree with targets, weights and categories carried over; actuals, scores and evidence empty;
 * `header.stage` set and `header.baseline` pointing back at the goal document.
 */
import type {
  AmountColumn,
  DepartmentData,
  EmbeddedProject,
  EvaluationDocument,
  Funding,
  IndicatorNode,
  TargetAdjustment,
} from '../model/index.js';
import type { WorkflowState } from '../workflow/index.js';
import { CREATE_ERRORS, DERIVED_TITLE, GOAL_TITLE_WORDS } from './messages.js';
import type { CreateErrorCode } from './messages.js';

/** The stages a goal document is the baseline of. */
export type DerivedStage = 'monitoring' | 'self-evaluation';

export interface CreateFromGoalsOptions {
  /** Id of the new document (the server's); absent leaves it to the caller. */
  id?: string | undefined;
  /** Id of the goal document when it has none of its own (defaults to `goals.id`). */
  baselineId?: string | undefined;
  /** The approved version of the goal document. */
  baselineVersion?: number | undefined;
  /** When the goals were approved (ISO date-time). */
  approvedAt?: string | undefined;
  /**
   * The goal document's workflow state, when known: only approved goals (已审核 / 已复核 / 已公开) are a
   * baseline. The server passes it; without it the caller vouches for the approval.
   */
  status?: WorkflowState | undefined;
  /** Title of the new document; default: the goal title with 绩效目标申报表 replaced by the stage's name. */
  title?: string | undefined;
  /** Adjustments recorded elsewhere (e.g. on the monitoring document) to carry into the new one. */
  adjustments?: readonly TargetAdjustment[] | undefined;
}

export type CreateFromGoalsResult =
  | { ok: true; document: EvaluationDocument }
  | { ok: false; code: CreateErrorCode; message: string };

/** Workflow states in which goals count as approved. */
export const APPROVED_STATES: readonly WorkflowState[] = ['approved', 'rechecked', 'published'];

/** Money columns that are budget (carried over); the others are execution (left empty). */
const BUDGET_COLUMNS: ReadonlySet<AmountColumn> = new Set(['initialBudget', 'annualBudget', 'budget', 'arranged', 'amount', 'carryOverStart']);

/** A deep copy of plain JSON data (documents hold nothing else). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function fail(code: CreateErrorCode): CreateFromGoalsResult {
  return { ok: false, code, message: CREATE_ERRORS[code] };
}

/**
 * A monitoring or self-evaluation document built from an approved goal document. Pure: the goal
 * document is not changed and nothing is shared with it (the result can be edited freely).
 */
export function createFromGoals(goals: EvaluationDocument, stage: DerivedStage, options: CreateFromGoalsOptions = {}): CreateFromGoalsResult {
  if (goals.header.stage !== 'goals') return fail('not-goals');
  if (options.status !== undefined && !APPROVED_STATES.includes(options.status)) return fail('not-approved');
  const baselineId = options.baselineId ?? goals.id;
  if (baselineId === undefined || baselineId === '') return fail('no-baseline-id');

  const adjustments = mergeAdjustments(goals.adjustments ?? [], options.adjustments ?? []);
  const header: EvaluationDocument['header'] = {
    ...clone(goals.header),
    title: options.title ?? derivedTitle(goals.header.title, stage),
    stage,
    baseline: {
      id: baselineId,
      ...(options.baselineVersion !== undefined ? { version: options.baselineVersion } : {}),
      ...(options.approvedAt !== undefined ? { approvedAt: options.approvedAt } : {}),
    },
  };
  const document: EvaluationDocument = {
    schemaVersion: goals.schemaVersion,
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(goals.ruleSet !== undefined ? { ruleSet: goals.ruleSet } : {}),
    header,
    ...(goals.funding ? { funding: carryFunding(goals.funding) } : {}),
    goals: goals.goals.map((g) => ({ ...(g.subject !== undefined ? { subject: g.subject } : {}), expected: g.expected })),
    indicators: goals.indicators.map(carryIndicator),
    ...(goals.department ? { department: carryDepartment(goals.department, goals.header.year) } : {}),
    projects: goals.projects.map(carryProject),
    prose: [],
    meta: { team: [], problems: [], measures: [] },
    notes: [],
    ...(adjustments.length > 0 ? { adjustments } : {}),
  };
  return { ok: true, document };
}

/** `createFromGoals(goals, 'monitoring', options)`. */
export function createMonitoringDocument(goals: EvaluationDocument, options?: CreateFromGoalsOptions): CreateFromGoalsResult {
  return createFromGoals(goals, 'monitoring', options);
}

/** `createFromGoals(goals, 'self-evaluation', options)`. */
export function createSelfEvaluation(goals: EvaluationDocument, options?: CreateFromGoalsOptions): CreateFromGoalsResult {
  return createFromGoals(goals, 'self-evaluation', options);
}

/** "2024年度质量监管专项绩效目标申报表" → "2024年度质量监管专项绩效自评表"; other titles get the stage's name appended. */
export function derivedTitle(title: string, stage: DerivedStage): string {
  const name = DERIVED_TITLE[stage];
  for (const word of GOAL_TITLE_WORDS) {
    const at = title.lastIndexOf(word);
    if (at >= 0) return `${title.slice(0, at)}${name}${title.slice(at + word.length)}`;
  }
  return `${title.trim()}${name}`;
}

function mergeAdjustments(a: readonly TargetAdjustment[], b: readonly TargetAdjustment[]): TargetAdjustment[] {
  const out: TargetAdjustment[] = [];
  const seen = new Set<string>();
  for (const x of [...a, ...b]) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    out.push(clone(x));
  }
  return out;
}

function carryFunding(f: Funding): Funding {
  return {
    unit: f.unit,
    tables: f.tables.map((t) => ({
      ...clone(t),
      rows: t.rows.map((r) => {
        const amounts: FundingAmounts = {};
        for (const [k, v] of Object.entries(r.amounts) as Array<[AmountColumn, string | undefined]>) {
          if (v !== undefined && BUDGET_COLUMNS.has(k)) amounts[k] = v;
        }
        // The declared amount is the year's budget until it is adjusted: 全年预算数 starts as 年初预算数.
        if (amounts.annualBudget === undefined && amounts.initialBudget !== undefined) amounts.annualBudget = amounts.initialBudget;
        return { ...clone(r), amounts };
      }),
    })),
    ...(f.execution?.weight !== undefined ? { execution: { weight: f.execution.weight } } : {}),
  };
}

type FundingAmounts = Partial<Record<AmountColumn, string>>;

/** Fields of an indicator that belong to the goals (carried over); everything else is filled in later. */
function carryIndicator(n: IndicatorNode): IndicatorNode {
  const out: IndicatorNode = { id: n.id, name: n.name };
  if (n.category !== undefined) out.category = n.category;
  if (n.declaredWeight !== undefined) out.declaredWeight = n.declaredWeight;
  if (n.weight !== undefined) out.weight = n.weight;
  if (n.target !== undefined) out.target = n.target;
  if (n.lastYearActual !== undefined) out.lastYearActual = n.lastYearActual;
  if (n.unit !== undefined) out.unit = n.unit;
  if (n.direction !== undefined) out.direction = n.direction;
  if (n.bands !== undefined) out.bands = { ...n.bands };
  if (n.explanation !== undefined) out.explanation = n.explanation;
  if (n.note !== undefined) out.note = n.note;
  if (n.subProject !== undefined) out.subProject = n.subProject;
  if (n.children !== undefined) out.children = n.children.map(carryIndicator);
  return out;
}

function carryProject(p: EmbeddedProject): EmbeddedProject {
  return {
    id: p.id,
    name: p.name,
    ...(p.funding !== undefined ? { funding: p.funding } : {}),
    goals: p.goals.map((g) => ({ ...(g.subject !== undefined ? { subject: g.subject } : {}), expected: g.expected })),
    indicators: p.indicators.map(carryIndicator),
    problems: [],
    measures: [],
  };
}

/** Department data: the authorised posts and this year's budget columns of the expense-control table. */
function carryDepartment(d: DepartmentData, year: number): DepartmentData {
  const out: DepartmentData = { buildings: [] };
  if (d.staffing?.authorized !== undefined) out.staffing = { authorized: d.staffing.authorized };
  const ec = d.expenseControl;
  if (ec) {
    const columns = ec.columns.filter((c) => c.stage === 'budget' && (c.year === undefined || c.year === year));
    const keys = new Set(columns.map((c) => c.key));
    out.expenseControl = {
      unit: ec.unit,
      columns: clone(columns),
      rows: ec.rows.map((r) => ({
        ...clone(r),
        values: Object.fromEntries(Object.entries(r.values).filter(([k]) => keys.has(k))),
      })),
    };
  }
  return out;
}
