/**
 * @module Building the indicator library (指标库) from documents: every leaf indicator with a target is a
 * use (`IndicatorUse`, one plain row, what the server stores in SQL); uses with the same key (normalised
 * name + unit family) make an entry with counts, spellings, units, direction, category, the groupings the
 * documents carry (sector, function classification, project type), how well it was used (met ÷ evaluated),
 * and the exact distributions of targets and actuals per year (histograms, quantiles) and per unit (单位).
 *
 * Streaming: `LibraryBuilder.add(doc)` or `addUse(row)` one at a time, then `build()`; `buildLibrary(docs)`
 * does both. Deterministic: the same documents give the same library, whatever the order within a year.
 */
import { Dec } from '../decimal/index.js';
import { generateProvince } from '../generate/province.js';
import type { ProvinceOptions } from '../generate/province.js';
import type { EvaluationDocument, IndicatorCategory, IndicatorNode } from '../model/index.js';
import { categoryOf } from '../model/index.js';
import { directionOf, evaluate, parseActualCached, parseTargetCached, resolveTarget, unitInfo } from '../targets/index.js';
import type { EvaluateOptions, EvaluationDirection, ParsedTarget, TargetHint } from '../targets/index.js';
import { applyCuration } from './curation.js';
import { compareEntries, counts, summarize } from './entry.js';
import { cleanIndicatorName, normalizeIndicatorName, unitFamily } from './normalize.js';
import { tallyText, toHistogram } from './stats.js';
import type { Tally } from './stats.js';
import type { CurationAction, IndicatorUse, Library, LibraryEntry, OrganisationUse, YearStats } from './types.js';

export interface BuildOptions {
  /** Curation actions to apply after building (merge, recommend, retire, restore, rename). */
  curation?: readonly CurationAction[] | undefined;
}

const COST_NAME = /成本|费用|单价|经费/;
const TIME_NAME = /时间|时限|时长|周期|天数/;

interface TargetFacts {
  family: string;
  direction: EvaluationDirection;
  resolved: ParsedTarget;
  unit: string | undefined;
  value: Dec | undefined;
  valueText: string | undefined;
  factor: Dec;
  /** Per actual text: met and base-unit value. */
  actuals: Map<string, ActualFacts>;
  /** Per normalised name: the library key `normalized|family`. */
  keys: Map<string, string>;
}

/** Target facts per target text, then per hint and direction ('' when none). */
const factsCache = new Map<string, Map<string, TargetFacts>>();

function targetFacts(text: string, hint: TargetHint | undefined, direction: string | undefined, options: EvaluateOptions): TargetFacts {
  let byOptions = factsCache.get(text);
  if (!byOptions) {
    if (factsCache.size > 50_000) factsCache.clear();
    factsCache.set(text, (byOptions = new Map()));
  }
  const k = hint === undefined && direction === undefined ? '' : `${hint ?? ''}/${direction ?? ''}`;
  let hit = byOptions.get(k);
  if (hit) return hit;
  const parsed = parseTargetCached(text);
  const resolved = resolveTarget(parsed, options);
  let unit: string | undefined;
  let value: Dec | undefined;
  let factor = Dec.ONE;
  if (parsed.kind === 'threshold' || parsed.kind === 'exact') {
    unit = parsed.percent ? '%' : parsed.unit;
    factor = parsed.percent || parsed.unit === undefined ? Dec.ONE : unitInfo(parsed.unit).factor;
    value = parsed.value.times(factor);
  } else if (parsed.kind === 'range') {
    unit = parsed.percent ? '%' : parsed.unit;
  } else if (parsed.kind === 'deadline' && parsed.due.form === 'duration') {
    unit = parsed.due.unit;
    factor = unitInfo(parsed.due.unit).factor;
    value = parsed.due.value.times(factor);
  }
  const family = unitFamily(parsed);
  hit = { family, direction: directionOf(resolved), resolved, unit, value, valueText: value?.toString(), factor, actuals: new Map(), keys: new Map() };
  byOptions.set(k, hit);
  return hit;
}

/** An actual's number in the family's base unit, when it is a measurement of that family. */
function actualValue(text: string, facts: TargetFacts): Dec | undefined {
  const a = parseActualCached(text);
  if (a.kind === 'deadline' && a.due.form === 'duration') {
    const info = unitInfo(a.due.unit);
    return info.base === facts.family ? a.due.value.times(info.factor) : undefined;
  }
  if (a.kind !== 'measure') return undefined;
  if (a.percent) return facts.family === '%' ? a.value : undefined;
  if (a.unit === undefined) return facts.family === 'qualitative' || facts.family === 'text' || facts.family === 'date' ? undefined : a.value.times(facts.factor);
  const info = unitInfo(a.unit);
  return info.base === facts.family ? a.value.times(info.factor) : undefined;
}

const cleanCache = new Map<string, string>();
function cleanName(name: string): string {
  let hit = cleanCache.get(name);
  if (hit === undefined) {
    if (cleanCache.size > 50_000) cleanCache.clear();
    hit = cleanIndicatorName(name);
    cleanCache.set(name, hit);
  }
  return hit;
}

function keyOf(facts: TargetFacts, normalized: string): string {
  let k = facts.keys.get(normalized);
  if (k === undefined) {
    if (facts.keys.size > 4096) facts.keys.clear();
    k = `${normalized}|${facts.family}`;
    facts.keys.set(normalized, k);
  }
  return k;
}

/** What an actual says against a target: met (null when not comparable) and its base-unit value. */
interface ActualFacts {
  met: boolean | null;
  value: string | undefined;
}

function actualFacts(facts: TargetFacts, actual: string, options: EvaluateOptions): ActualFacts {
  let hit = facts.actuals.get(actual);
  if (hit === undefined) {
    if (facts.actuals.size > 4096) facts.actuals.clear();
    const e = evaluate(facts.resolved, parseActualCached(actual), options);
    hit = { met: e.status === 'not-comparable' ? null : e.status === 'met', value: actualValue(actual, facts)?.toString() };
    facts.actuals.set(actual, hit);
  }
  return hit;
}

/** Every leaf indicator with a target in a document (main tree and embedded projects), as library uses. */
export function indicatorUses(doc: EvaluationDocument): IndicatorUse[] {
  const out: IndicatorUse[] = [];
  const h = doc.header;
  const visit = (node: IndicatorNode, depth: number, category: IndicatorCategory | undefined, cost: boolean, time: boolean) => {
    const own = categoryOf(node, depth);
    const cat = own ?? category;
    const isCost = cost || own === 'cost' || own === 'cost-output';
    const isTime = time || own === 'timeliness';
    const kids = node.children;
    if (kids && kids.length > 0) {
      for (const k of kids) visit(k, depth + 1, cat, isCost, isTime);
      return;
    }
    const target = node.target?.trim();
    if (!target) return;
    const normalized = normalizeIndicatorName(node.name);
    if (normalized === '') return;
    const hint: TargetHint | undefined = isCost || COST_NAME.test(node.name) ? 'cost' : isTime || TIME_NAME.test(node.name) ? 'time' : undefined;
    const options: EvaluateOptions = { ...(hint ? { hint } : {}), ...(node.direction ? { direction: node.direction } : {}) };
    const facts = targetFacts(target, hint, node.direction, options);
    const use: IndicatorUse = {
      key: keyOf(facts, normalized),
      normalized,
      family: facts.family,
      name: cleanName(node.name),
      direction: facts.direction,
      year: h.year,
      organisation: h.organisation,
      stage: h.stage,
      target,
    };
    const unit = node.unit ?? facts.unit;
    if (unit !== undefined) use.unit = unit;
    if (cat !== undefined) use.category = cat;
    if (h.sector !== undefined) use.sector = h.sector;
    if (h.functionClass !== undefined) use.functionClass = h.functionClass;
    if (h.projectType !== undefined) use.projectType = h.projectType;
    if (doc.id !== undefined) use.document = doc.id;
    if (facts.valueText !== undefined) use.targetValue = facts.valueText;
    const actual = node.actual?.trim();
    if (actual) {
      use.actual = actual;
      const af = actualFacts(facts, actual, options);
      if (af.value !== undefined) use.actualValue = af.value;
      if (af.met !== null) use.met = af.met;
    }
    out.push(use);
  };
  for (const n of doc.indicators) visit(n, 0, undefined, false, false);
  for (const p of doc.projects) for (const n of p.indicators) visit(n, 0, undefined, false, false);
  return out;
}

interface YearAcc {
  uses: number;
  met: number;
  evaluated: number;
  targets: Tally;
  actuals: Tally;
}

interface EntryAcc {
  key: string;
  normalized: string;
  family: string;
  uses: number;
  names: Map<string, number>;
  units: Map<string, number>;
  directions: Map<string, number>;
  categories: Map<string, number>;
  sectors: Map<string, number>;
  functionClasses: Map<string, number>;
  projectTypes: Map<string, number>;
  years: Map<number, YearAcc>;
  orgs: Map<string, OrganisationUse>;
}

function bump(m: Map<string, number>, k: string | undefined): void {
  if (k === undefined || k === '') return;
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Incremental builder: add documents or uses, then build (the builder can keep going afterwards). */
export class LibraryBuilder {
  private readonly acc = new Map<string, EntryAcc>();
  private documentCount = 0;
  private useCount = 0;

  /** Adds every indicator of a document. */
  add(doc: EvaluationDocument): this {
    this.documentCount++;
    for (const u of indicatorUses(doc)) this.addUse(u);
    return this;
  }

  /** Adds one use (e.g. a row read back from the server's table). */
  addUse(u: IndicatorUse): this {
    this.useCount++;
    let e = this.acc.get(u.key);
    if (!e) {
      e = {
        key: u.key,
        normalized: u.normalized,
        family: u.family,
        uses: 0,
        names: new Map(),
        units: new Map(),
        directions: new Map(),
        categories: new Map(),
        sectors: new Map(),
        functionClasses: new Map(),
        projectTypes: new Map(),
        years: new Map(),
        orgs: new Map(),
      };
      this.acc.set(u.key, e);
    }
    e.uses++;
    bump(e.names, u.name);
    bump(e.units, u.unit);
    bump(e.directions, u.direction);
    bump(e.categories, u.category);
    bump(e.sectors, u.sector);
    bump(e.functionClasses, u.functionClass);
    bump(e.projectTypes, u.projectType);
    let y = e.years.get(u.year);
    if (!y) e.years.set(u.year, (y = { uses: 0, met: 0, evaluated: 0, targets: new Map(), actuals: new Map() }));
    y.uses++;
    if (u.met !== undefined) {
      y.evaluated++;
      if (u.met) y.met++;
    }
    if (u.targetValue !== undefined) tallyText(y.targets, u.targetValue);
    if (u.actualValue !== undefined) tallyText(y.actuals, u.actualValue);
    const org = e.orgs.get(u.organisation);
    if (!org) e.orgs.set(u.organisation, { organisation: u.organisation, year: u.year, target: u.target, ...(u.actual !== undefined ? { actual: u.actual } : {}), uses: 1 });
    else {
      org.uses++;
      // Keep the latest year; within a year, the use with an actual (a self-evaluation over a declaration).
      if (u.year > org.year || (u.year === org.year && org.actual === undefined && u.actual !== undefined)) {
        org.year = u.year;
        org.target = u.target;
        if (u.actual !== undefined) org.actual = u.actual;
        else delete org.actual;
      }
    }
    return this;
  }

  /**
   * An independent copy of everything added so far: a base added once (a region's seed set) and then
   * extended on every rebuild without adding the base again.
   */
  clone(): LibraryBuilder {
    const c = new LibraryBuilder();
    c.documentCount = this.documentCount;
    c.useCount = this.useCount;
    for (const [k, e] of this.acc) {
      c.acc.set(k, {
        ...e,
        names: new Map(e.names),
        units: new Map(e.units),
        directions: new Map(e.directions),
        categories: new Map(e.categories),
        sectors: new Map(e.sectors),
        functionClasses: new Map(e.functionClasses),
        projectTypes: new Map(e.projectTypes),
        years: new Map([...e.years].map(([year, y]) => [year, { ...y, targets: new Map(y.targets), actuals: new Map(y.actuals) }])),
        orgs: new Map([...e.orgs].map(([name, o]) => [name, { ...o }])),
      });
    }
    return c;
  }

  /** The library of everything added so far, with curation applied. */
  build(options: BuildOptions = {}): Library {
    const entries = [...this.acc.values()].map(finishEntry).sort(compareEntries);
    const library: Library = { schema: 1, documents: this.documentCount, indicators: this.useCount, entries, curation: [] };
    if (!options.curation || options.curation.length === 0) return library;
    return applyCuration(library, options.curation).library;
  }
}

function finishEntry(e: EntryAcc): LibraryEntry {
  const years: YearStats[] = [...e.years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, y]) => ({ year, uses: y.uses, met: y.met, evaluated: y.evaluated, targets: toHistogram(y.targets), actuals: toHistogram(y.actuals) }));
  return summarize({
    key: e.key,
    name: counts(e.names)[0]?.value ?? e.normalized,
    normalized: e.normalized,
    family: e.family,
    direction: (counts(e.directions)[0]?.value ?? 'unknown') as EvaluationDirection,
    names: counts(e.names),
    units: counts(e.units),
    categories: counts(e.categories),
    sectors: counts(e.sectors),
    functionClasses: counts(e.functionClasses),
    projectTypes: counts(e.projectTypes),
    years,
    byOrganisation: [...e.orgs.values()].map((o) => ({ ...o })).sort((a, b) => (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0)),
    recommended: false,
    status: 'active',
    aliases: [],
    aliasNames: [],
  });
}

/**
 * The library a new installation starts with: the given seed documents (the five transcribed reports,
 * which core cannot read itself: pass them in) plus the deterministic province-scale set.
 */
export function seedLibrary(seeds: Iterable<EvaluationDocument>, province: ProvinceOptions = {}, options: BuildOptions = {}): Library {
  const b = new LibraryBuilder();
  for (const d of seeds) b.add(d);
  for (const d of generateProvince(province)) b.add(d);
  return b.build(options);
}

/**
 * A builder holding the deterministic province-scale set (core's `generateProvince`), for a server to
 * start each build of a region's library from (`clone()`, then the stored documents) instead of
 * generating the set again on every rebuild.
 */
export function provinceBase(province: ProvinceOptions = {}): LibraryBuilder {
  const b = new LibraryBuilder();
  for (const d of generateProvince(province)) b.add(d);
  return b;
}

/** Builds the library from documents (any iterable, e.g. a generator streaming from storage). */
export function buildLibrary(docs: Iterable<EvaluationDocument>, options: BuildOptions = {}): Library {
  const b = new LibraryBuilder();
  for (const d of docs) b.add(d);
  return b.build(options);
}

