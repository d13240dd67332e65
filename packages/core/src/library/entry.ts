/** @module Library entries: the summary fields derived from counts and yearly histograms (after building or merging). */
import { Dec } from '../decimal/index.js';
import type { IndicatorCategory } from '../model/index.js';
import { unitInfo } from '../targets/index.js';
import { quantiles, toHistogram } from './stats.js';
import type { Histogram, Tally } from './stats.js';
import type { Count, LibraryEntry } from './types.js';

/** Counts, most frequent first, ties by value. */
export function counts(m: ReadonlyMap<string, number>): Count[] {
  return [...m.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The display unit's factor to the family's base unit. */
export function displayDivisor(family: string, unit: string | undefined): Dec {
  if (unit === undefined || unit === '%' || family === '%' || family === '#') return Dec.ONE;
  const info = unitInfo(unit);
  return info.base === family ? info.factor : Dec.ONE;
}

export function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  return b.uses - a.uses || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The parts of an entry derived from its counts and years (after building or merging). */
export function summarize(
  e: Omit<LibraryEntry, 'uses' | 'organisations' | 'firstYear' | 'lastYear' | 'met' | 'evaluated' | 'completionRate' | 'targets' | 'actuals' | 'unit' | 'category'> & {
    retiredReason?: string | undefined;
  },
): LibraryEntry {
  let uses = 0;
  let met = 0;
  let evaluated = 0;
  let allTargets: Histogram = [];
  let allActuals: Histogram = [];
  const t: Tally = new Map();
  const a: Tally = new Map();
  for (const y of e.years) {
    uses += y.uses;
    met += y.met;
    evaluated += y.evaluated;
    for (const [k, c] of y.targets) t.set(k, (t.get(k) ?? 0) + c);
    for (const [k, c] of y.actuals) a.set(k, (a.get(k) ?? 0) + c);
  }
  allTargets = toHistogram(t);
  allActuals = toHistogram(a);
  const unit = e.units[0]?.value;
  const divisor = displayDivisor(e.family, unit);
  const targets = quantiles(allTargets, divisor);
  const actuals = quantiles(allActuals, divisor);
  const category = e.categories[0]?.value as IndicatorCategory | undefined;
  return {
    key: e.key,
    name: e.name,
    normalized: e.normalized,
    family: e.family,
    ...(unit !== undefined ? { unit } : {}),
    direction: e.direction,
    ...(category !== undefined ? { category } : {}),
    uses,
    organisations: e.byOrganisation.length,
    firstYear: e.years[0]?.year ?? 0,
    lastYear: e.years[e.years.length - 1]?.year ?? 0,
    met,
    evaluated,
    ...(evaluated > 0 ? { completionRate: Dec.fromInt(met).div(Dec.fromInt(evaluated), 4)!.toFixed(4) } : {}),
    names: e.names,
    units: e.units,
    categories: e.categories,
    sectors: e.sectors,
    functionClasses: e.functionClasses,
    projectTypes: e.projectTypes,
    years: e.years,
    ...(targets ? { targets } : {}),
    ...(actuals ? { actuals } : {}),
    byOrganisation: e.byOrganisation,
    recommended: e.recommended,
    status: e.status,
    ...(e.retiredReason !== undefined ? { retiredReason: e.retiredReason } : {}),
    aliases: e.aliases,
    aliasNames: e.aliasNames,
  };
}

