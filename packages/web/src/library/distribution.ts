/**
 * @module The distributions of an entry for its charts: per year the quartiles of targets and actuals
 * (core's `quantiles`, in the entry's unit), and one year's histogram in the entry's unit. Values stay
 * decimal strings; numbers appear only as chart coordinates.
 */
import { Dec, parseActual, parseTarget, quantiles, unitInfo } from '@jixiao/core';
import type { Histogram, LibraryEntry, Quantiles } from '@jixiao/core';

/** The entry unit's factor to the family's base unit (as core's library shows quantiles). */
export function displayDivisor(family: string, unit: string | undefined): Dec {
  if (unit === undefined || unit === '%' || family === '%' || family === '#') return Dec.ONE;
  const info = unitInfo(unit);
  return info.base === family ? info.factor : Dec.ONE;
}

export interface YearQuartiles {
  year: number;
  uses: number;
  targets?: Quantiles | undefined;
  actuals?: Quantiles | undefined;
}

export function yearQuartiles(entry: Pick<LibraryEntry, 'family' | 'unit' | 'years'>): YearQuartiles[] {
  const d = displayDivisor(entry.family, entry.unit);
  return [...entry.years].sort((a, b) => a.year - b.year).map((y) => ({ year: y.year, uses: y.uses, targets: quantiles(y.targets, d), actuals: quantiles(y.actuals, d) }));
}

/** One year's targets and actuals on a shared value axis (entry unit): `[value, targets, actuals]`, values ascending. */
export function yearHistogram(entry: Pick<LibraryEntry, 'family' | 'unit' | 'years'>, year: number): Array<{ value: string; targets: number; actuals: number }> {
  const y = entry.years.find((x) => x.year === year);
  if (!y) return [];
  const d = displayDivisor(entry.family, entry.unit);
  const show = (k: string) => (d.eq(Dec.ONE) ? Dec.of(k).normalize().toString() : Dec.of(k).div(d, 6)!.normalize().toString());
  const rows = new Map<string, { value: string; targets: number; actuals: number; sort: Dec }>();
  const add = (h: Histogram, field: 'targets' | 'actuals') => {
    for (const [k, n] of h) {
      const v = show(k);
      const row = rows.get(v) ?? { value: v, targets: 0, actuals: 0, sort: Dec.of(k) };
      row[field] += n;
      rows.set(v, row);
    }
  };
  add(y.targets, 'targets');
  add(y.actuals, 'actuals');
  return [...rows.values()].sort((a, b) => a.sort.cmp(b.sort)).map(({ value, targets, actuals }) => ({ value, targets, actuals }));
}

/** A target or actual as written → its number when written in the entry's unit (no conversion), else undefined. */
function figureIn(text: string | undefined, unit: string | undefined, actual: boolean): Dec | undefined {
  if (!text) return undefined;
  const t = actual ? parseActual(text) : undefined;
  const parsed = t ? (t.kind === 'measure' ? t : t.kind === 'expression' ? t.parsed : undefined) : parseTarget(text);
  if (!parsed || (parsed.kind !== 'threshold' && parsed.kind !== 'exact' && parsed.kind !== 'measure')) return undefined;
  const written = parsed.percent ? '%' : parsed.unit;
  return written === unit || (written === undefined && unit === undefined) ? parsed.value : undefined;
}

export interface UnitFigure {
  organisation: string;
  year: number;
  /** Decimal strings in the entry's unit. */
  target?: string | undefined;
  actual?: string | undefined;
}

/** Each unit's latest target and actual as numbers in the entry's unit (those written in another unit or as words are left out). */
export function unitFigures(entry: Pick<LibraryEntry, 'unit' | 'byOrganisation'>): UnitFigure[] {
  const out: UnitFigure[] = [];
  for (const o of entry.byOrganisation) {
    const t = figureIn(o.target, entry.unit, false);
    const a = figureIn(o.actual, entry.unit, true);
    if (!t && !a) continue;
    out.push({ organisation: o.organisation, year: o.year, ...(t ? { target: t.normalize().toString() } : {}), ...(a ? { actual: a.normalize().toString() } : {}) });
  }
  return out;
}
