/**
 * @module Curation of the indicator library (指标库维护) by finance officers, as data: merge entries
 * (exact: histograms and counts add up), recommend or un-recommend, retire with a reason, restore,
 * rename. `applyCuration` applies actions in order and reports those it could not apply.
 */
import { compareEntries, counts, summarize } from './entry.js';
import { CURATION_ISSUES } from './messages.js';
import type { CurationIssueCode } from './messages.js';
import { mergeHistograms } from './stats.js';
import type { Count, CurationAction, CurationIssue, Library, LibraryEntry, OrganisationUse, YearStats } from './types.js';

function mergeCounts(a: readonly Count[], b: readonly Count[]): Count[] {
  const m = new Map<string, number>();
  for (const c of [...a, ...b]) m.set(c.value, (m.get(c.value) ?? 0) + c.count);
  return counts(m);
}

function mergeYears(a: readonly YearStats[], b: readonly YearStats[]): YearStats[] {
  const m = new Map<number, YearStats>();
  for (const y of [...a, ...b]) {
    const x = m.get(y.year);
    m.set(
      y.year,
      x
        ? { year: y.year, uses: x.uses + y.uses, met: x.met + y.met, evaluated: x.evaluated + y.evaluated, targets: mergeHistograms(x.targets, y.targets), actuals: mergeHistograms(x.actuals, y.actuals) }
        : y,
    );
  }
  return [...m.values()].sort((p, q) => p.year - q.year);
}

function mergeOrganisations(a: readonly OrganisationUse[], b: readonly OrganisationUse[]): OrganisationUse[] {
  const m = new Map<string, OrganisationUse>();
  for (const o of [...a, ...b]) {
    const x = m.get(o.organisation);
    if (!x) m.set(o.organisation, { ...o });
    else {
      const latest = o.year > x.year ? o : x;
      m.set(o.organisation, { ...latest, uses: x.uses + o.uses });
    }
  }
  return [...m.values()].sort((p, q) => (p.organisation < q.organisation ? -1 : p.organisation > q.organisation ? 1 : 0));
}

function merged(into: LibraryEntry, from: LibraryEntry): LibraryEntry {
  return summarize({
    ...into,
    names: mergeCounts(into.names, from.names),
    units: mergeCounts(into.units, from.units),
    categories: mergeCounts(into.categories, from.categories),
    sectors: mergeCounts(into.sectors, from.sectors),
    functionClasses: mergeCounts(into.functionClasses, from.functionClasses),
    projectTypes: mergeCounts(into.projectTypes, from.projectTypes),
    years: mergeYears(into.years, from.years),
    byOrganisation: mergeOrganisations(into.byOrganisation, from.byOrganisation),
    recommended: into.recommended || from.recommended,
    aliases: [...new Set([...into.aliases, from.key, ...from.aliases])].sort(),
    aliasNames: [...new Set([...into.aliasNames, from.normalized, ...from.aliasNames])].filter((n) => n !== into.normalized).sort(),
  });
}

/** Applies curation actions in order; returns the new library (the given one is unchanged) and the actions refused. */
export function applyCuration(library: Library, actions: readonly CurationAction[]): { library: Library; issues: CurationIssue[] } {
  const byKey = new Map(library.entries.map((e) => [e.key, e]));
  /** Where a merged key went, so later actions on an old key reach the entry. */
  const moved = new Map<string, string>();
  for (const e of library.entries) for (const a of e.aliases) moved.set(a, e.key);
  const resolve = (key: string) => {
    let k = key;
    for (let guard = 0; guard < 32 && !byKey.has(k) && moved.has(k); guard++) k = moved.get(k)!;
    return k;
  };
  const issues: CurationIssue[] = [];
  const applied: CurationAction[] = [];
  const refuse = (action: number, code: CurationIssueCode, ...args: [string] | [string, string]) => {
    const make = CURATION_ISSUES[code] as (...a: string[]) => string;
    issues.push({ action, code, message: make(...args) });
  };
  actions.forEach((a, i) => {
    if (a.kind === 'merge') {
      const intoKey = resolve(a.into);
      let target = byKey.get(intoKey);
      if (!target) return refuse(i, 'unknown-entry', a.into);
      let ok = false;
      for (const f of a.from) {
        const fromKey = resolve(f);
        const source = byKey.get(fromKey);
        if (!source) {
          refuse(i, 'unknown-entry', f);
          continue;
        }
        if (source.key === target.key) {
          refuse(i, 'merge-into-self', f);
          continue;
        }
        if (source.family !== target.family) {
          refuse(i, 'family-mismatch', f, a.into);
          continue;
        }
        target = merged(target, source);
        byKey.delete(source.key);
        moved.set(source.key, target.key);
        ok = true;
      }
      byKey.set(target.key, target);
      if (ok) applied.push(a);
      return undefined;
    }
    const key = resolve(a.key);
    const e = byKey.get(key);
    if (!e) return refuse(i, 'unknown-entry', a.key);
    switch (a.kind) {
      case 'recommend':
        byKey.set(key, { ...e, recommended: a.recommended });
        break;
      case 'retire': {
        if (a.reason.trim() === '') return refuse(i, 'reason-required', a.key);
        byKey.set(key, { ...e, status: 'retired', retiredReason: a.reason.trim(), recommended: false });
        break;
      }
      case 'restore': {
        const { retiredReason: _r, ...rest } = e;
        byKey.set(key, { ...rest, status: 'active' });
        break;
      }
      case 'rename':
        if (a.name.trim() === '') return refuse(i, 'empty-name', a.key);
        byKey.set(key, { ...e, name: a.name.trim() });
        break;
    }
    applied.push(a);
    return undefined;
  });
  const entries = [...byKey.values()].sort(compareEntries);
  return { library: { ...library, entries, curation: [...library.curation, ...applied] }, issues };
}
