/** @module Small pure helpers shared by the converters: section labels, money labels, row kinds. */
import type { ExpenseRowKind, IndicatorCategory } from '@jixiao/core';
import { joinWrapped, matchKey } from '../text-util/normalise.js';

/** "产出指标\n(50分)" → { name: "产出指标", declaredWeight: "50" }. */
export function sectionLabel(text: string): { name: string; declaredWeight?: string } {
  const joined = joinWrapped(text);
  const m = /[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[)）]/u.exec(joined);
  if (!m) return { name: joined };
  const name = joinWrapped(joined.replace(m[0], ''));
  const w = m[1]!.replace(/[０-９．]/gu, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return { name: name.length > 0 ? name : joined, declaredWeight: w };
}

/** A money-table label: wrap and layout blanks removed ("其中：  一般公共预算" → "其中：一般公共预算", "合     计" → "合计"). */
export function moneyLabel(text: string): string {
  return joinWrapped(text).replace(/[\s\u3000]+/gu, '').replace(/[：:]$/u, '');
}

/** An expense-control label: only the leading and trailing layout blanks go. */
export function expenseLabel(text: string): string {
  return joinWrapped(text);
}

const ID_PARTS: Partial<Record<IndicatorCategory, string>> = {
  output: 'out',
  benefit: 'ben',
  satisfaction: 'sat',
  cost: 'cost',
  input: 'in',
  process: 'proc',
  effect: 'eff',
  decision: 'dec',
  management: 'mgmt',
  performance: 'perf',
  quantity: 'qty',
  quality: 'qual',
  timeliness: 'time',
  'cost-output': 'cost',
  economic: 'econ',
  social: 'soc',
  ecological: 'eco',
  sustainable: 'sus',
  'service-satisfaction': 'svc',
};

export function idPart(category: IndicatorCategory | undefined, fallback: string): string {
  return (category && ID_PARTS[category]) ?? fallback;
}

/** True for cells that say "no indicator here": 无, 不适用, 暂无, /. */
export function isNotApplicable(text: string): boolean {
  return /^(无|不适用|暂无|不涉及|\/|—|-|n\/a)$/i.test(matchKey(text));
}

export function isNotApplicableWord(text: string): boolean {
  return /^(不适用|不涉及)$/.test(matchKey(text));
}

/** Expense-control row kinds by label; `undefined` when the label is not a known row. */
export function expenseKind(label: string): ExpenseRowKind | undefined {
  const k = matchKey(label)
    .replace(/^(其中[:：]?|[0-9]+[、.．]|[(（][0-9一二三四五六七八九十]+[)）])+/u, '')
    .replace(/[:：]$/u, '');
  if (/^三公经费/.test(k)) return 'three-public-total';
  if (/公务用车购置(和|及)(运行)?维护/.test(k) || /^公务用车$/.test(k)) return 'vehicles';
  if (/公车购置|公务用车购置$/.test(k)) return 'vehicle-purchase';
  if (/公车运行|公务用车运行/.test(k)) return 'vehicle-operation';
  if (/出国|出境/.test(k)) return 'overseas';
  if (/公务接待/.test(k)) return 'reception';
  if (/^项目支出/.test(k)) return 'project-total';
  if (/业务工作经费/.test(k)) return 'business-funds';
  if (/运行维护经费/.test(k)) return 'operation-maintenance';
  if (/本级专项/.test(k)) return 'own-special-total';
  if (/^公用经费/.test(k)) return 'public-funds-total';
  if (/办公经费/.test(k)) return 'office';
  if (/水费|电费|差旅/.test(k)) return 'utilities-travel';
  if (/会议费|培训费/.test(k)) return 'meetings-training';
  if (/政府采购/.test(k)) return 'procurement';
  if (/预算调整/.test(k)) return 'budget-adjustment';
  return undefined;
}

/** The kind a row's natural parent has (a part of which total). */
export const EXPENSE_PARENT: Partial<Record<ExpenseRowKind, ExpenseRowKind>> = {
  vehicles: 'three-public-total',
  overseas: 'three-public-total',
  reception: 'three-public-total',
  'vehicle-purchase': 'vehicles',
  'vehicle-operation': 'vehicles',
  'business-funds': 'project-total',
  'operation-maintenance': 'project-total',
  'own-special-total': 'project-total',
  'special-fund': 'own-special-total',
  office: 'public-funds-total',
  'utilities-travel': 'public-funds-total',
  'meetings-training': 'public-funds-total',
};

export const EXPENSE_TOP: ReadonlySet<ExpenseRowKind> = new Set([
  'three-public-total',
  'project-total',
  'public-funds-total',
  'procurement',
  'budget-adjustment',
]);

export const EXPENSE_ID: Partial<Record<ExpenseRowKind, string>> = {
  'three-public-total': 'three-public',
  vehicles: 'vehicles',
  'vehicle-purchase': 'vehicle-purchase',
  'vehicle-operation': 'vehicle-operation',
  overseas: 'overseas',
  reception: 'reception',
  'project-total': 'projects',
  'business-funds': 'business-funds',
  'operation-maintenance': 'operation-maintenance',
  'own-special-total': 'own-special',
  'special-fund': 'fund',
  'public-funds-total': 'public-funds',
  office: 'office',
  'utilities-travel': 'utilities-travel',
  'meetings-training': 'meetings-training',
  procurement: 'procurement',
  'budget-adjustment': 'budget-adjustment',
  other: 'row',
};

/** A 4-digit year with 决算 / 预算: "2022年决算数" → { year: 2022, stage: 'final' }. */
export function expenseColumn(text: string): { year?: number; stage: 'budget' | 'final' } | undefined {
  const k = matchKey(text);
  const m = /^(?:(\d{4})年(?:度)?)?(决算|预算)(?:数|金额)?$/u.exec(k);
  if (!m) return undefined;
  const out: { year?: number; stage: 'budget' | 'final' } = { stage: m[2] === '决算' ? 'final' : 'budget' };
  if (m[1]) out.year = Number(m[1]);
  return out;
}

/** Grades as printed: 优 / 优秀 / 良 / 良好 / 中 / 合格 / 差 / 不合格. */
export function gradeOf(text: string): string | undefined {
  const k = matchKey(text).replace(/^(等级|评价等级|绩效等级|自评等级)[:：]?/u, '');
  return /^(优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)$/.test(k) ? k : undefined;
}
