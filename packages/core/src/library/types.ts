/** @module Shapes of the indicator library (指标库): uses, entries, the library, curation actions. Plain JSON data. */
import type { DocumentStage, IndicatorCategory } from '../model/index.js';
import type { EvaluationDirection } from '../targets/index.js';
import type { CurationIssueCode } from './messages.js';
import type { Histogram, Quantiles } from './stats.js';

/** One leaf indicator of one document, as the library (and the server's table of uses) sees it. */
export interface IndicatorUse {
  key: string;
  normalized: string;
  family: string;
  /** The name as printed (trimmed). */
  name: string;
  /** The unit as written (`%` for percentages); absent for qualitative and unitless targets. */
  unit?: string | undefined;
  category?: IndicatorCategory | undefined;
  direction: EvaluationDirection;
  year: number;
  organisation: string;
  sector?: string | undefined;
  functionClass?: string | undefined;
  projectType?: string | undefined;
  /** Document id, when the document has one. */
  document?: string | undefined;
  stage: DocumentStage;
  target: string;
  /** The target's number in the family's base unit (万元 → 元), when it has one. */
  targetValue?: string | undefined;
  actual?: string | undefined;
  actualValue?: string | undefined;
  /** Whether the actual met the target (absent when there is no comparable actual). */
  met?: boolean | undefined;
}

export interface Count {
  value: string;
  count: number;
}

/** Targets and actuals of one year. */
export interface YearStats {
  year: number;
  uses: number;
  met: number;
  evaluated: number;
  /** Base-unit values. */
  targets: Histogram;
  actuals: Histogram;
}

/** What one unit (单位) did with the indicator in its latest year. */
export interface OrganisationUse {
  organisation: string;
  year: number;
  target: string;
  actual?: string | undefined;
  uses: number;
}

export interface LibraryEntry {
  /** `normalized|family`. */
  key: string;
  /** The most used spelling. */
  name: string;
  normalized: string;
  family: string;
  /** The most used written unit: quantiles are shown in it. */
  unit?: string | undefined;
  direction: EvaluationDirection;
  category?: IndicatorCategory | undefined;
  uses: number;
  organisations: number;
  firstYear: number;
  lastYear: number;
  met: number;
  evaluated: number;
  /** met ÷ evaluated, 4 places; absent when nothing was evaluated. */
  completionRate?: string | undefined;
  names: Count[];
  units: Count[];
  categories: Count[];
  sectors: Count[];
  functionClasses: Count[];
  projectTypes: Count[];
  years: YearStats[];
  /** Over all years, in `unit`. */
  targets?: Quantiles | undefined;
  actuals?: Quantiles | undefined;
  byOrganisation: OrganisationUse[];
  recommended: boolean;
  status: 'active' | 'retired';
  retiredReason?: string | undefined;
  /** Keys merged into this entry, and their normalised names (searched too). */
  aliases: string[];
  aliasNames: string[];
}

export interface Library {
  schema: 1;
  documents: number;
  indicators: number;
  /** Entries, most used first (ties by key). */
  entries: LibraryEntry[];
  /** Curation applied, in order. */
  curation: CurationAction[];
}

export interface CurationStamp {
  by: string;
  /** ISO date-time. */
  at: string;
}

export type CurationAction =
  | ({ kind: 'merge'; from: string[]; into: string; note?: string | undefined } & CurationStamp)
  | ({ kind: 'recommend'; key: string; recommended: boolean } & CurationStamp)
  | ({ kind: 'retire'; key: string; reason: string } & CurationStamp)
  | ({ kind: 'restore'; key: string } & CurationStamp)
  | ({ kind: 'rename'; key: string; name: string } & CurationStamp);

export interface CurationIssue {
  /** Index of the action in the list given. */
  action: number;
  code: CurationIssueCode;
  message: string;
}

