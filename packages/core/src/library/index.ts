/**
 * @module The indicator library (指标库): names normalised by a documented pure function, entries built
 * from every stored goal and evaluation with exact target and actual distributions, search as you type
 * ranked by how often and how well an indicator was used, curation as data, and where a target stands
 * among peers and against last year.
 */
export { normalizeIndicatorName, unitFamily, libraryKey, nameBigrams } from './normalize.js';
export { TRADITIONAL_TO_SIMPLIFIED, SYNONYMS, SUFFIXES } from './tables.js';
export { buildLibrary, seedLibrary, provinceBase, indicatorUses, LibraryBuilder } from './build.js';
export { cleanIndicatorName } from './normalize.js';
export type { BuildOptions } from './build.js';
export { applyCuration } from './curation.js';
export { searchLibrary, libraryEntry, matchRelevance, rankScore, usagePrior } from './search.js';
export type { SearchOptions, LibraryHit, MatchKind, RankInput } from './search.js';
export { targetPosition, MIN_PEERS } from './position.js';
export type { TargetPosition, TargetStanding, PositionReason, PositionOptions } from './position.js';
export { quantiles, percentileOf, mergeHistograms } from './stats.js';
export type { Histogram, Quantiles } from './stats.js';
export { CURATION_ISSUES, POSITION_REASONS, LIBRARY_LABELS } from './messages.js';
export type { CurationIssueCode, PositionReasonCode } from './messages.js';
export type { IndicatorUse, LibraryEntry, Library, Count, YearStats, OrganisationUse, CurationAction, CurationStamp, CurationIssue } from './types.js';
