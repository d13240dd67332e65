/** @module The rule sets shipped with jixiao, validated once at load, looked up by `id` or `id@version`. */
import { RuleSet } from './schema.js';
import type { RuleSetInput } from './schema.js';
import { nanchang2014 } from './data/nanchang-2014.js';
import { nationalDepartment } from './data/national-department.js';
import { nationalProject } from './data/national-project.js';
import { yunnan2017 } from './data/yunnan-2017.js';

const shipped: readonly RuleSetInput[] = [nationalProject, nationalDepartment, yunnan2017, nanchang2014];

let cache: ReadonlyMap<string, RuleSet> | undefined;

function registry(): ReadonlyMap<string, RuleSet> {
  if (!cache) {
    const map = new Map<string, RuleSet>();
    for (const input of shipped) {
      const rs = RuleSet.parse(input);
      map.set(`${rs.id}@${rs.version}`, rs);
    }
    cache = map;
  }
  return cache;
}

/** Every shipped rule set, newest version of each id first within the id, ids in shipping order. */
export function listRuleSets(): RuleSet[] {
  return [...registry().values()];
}

/** Looks up `id` (newest version) or `id@version`; undefined when unknown. */
export function getRuleSet(ref: string): RuleSet | undefined {
  const reg = registry();
  if (ref.includes('@')) return reg.get(ref);
  if (newest.has(ref)) return newest.get(ref);
  const found = newestOf(reg, ref);
  newest.set(ref, found);
  return found;
}

/** Newest version per bare id; the shipped registry never changes after load, so this is safe to keep. */
const newest = new Map<string, RuleSet | undefined>();

function newestOf(reg: ReadonlyMap<string, RuleSet>, ref: string): RuleSet | undefined {
  let best: RuleSet | undefined;
  for (const rs of reg.values()) {
    if (rs.id === ref && (!best || compareVersions(rs.version, best.version) > 0)) best = rs;
  }
  return best;
}

/** The reference recorded with every score. */
export function ruleSetRef(rs: Pick<RuleSet, 'id' | 'version'>): string {
  return `${rs.id}@${rs.version}`;
}

/** The default rule set for a document level when the document names none. */
export function defaultRuleSetFor(level: 'project' | 'department'): RuleSet {
  const rs = getRuleSet(level === 'department' ? 'national-department' : 'national-project');
  if (!rs) throw new Error('shipped rule sets are missing');
  return rs;
}

/** Validates a rule set given as data (e.g. a province's own, loaded by the CLI or server). */
export function parseRuleSet(input: unknown): { ok: true; ruleSet: RuleSet } | { ok: false; issues: string[] } {
  const r = RuleSet.safeParse(input);
  if (r.success) return { ok: true, ruleSet: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
