/** @module Shapes of the indicator library routes (`/api/library…`), mirrors of the server's zod schemas. */
import type { LibraryEntry, TargetPosition } from '@jixiao/core';

export interface LibraryHit {
  key: string;
  name: string;
  normalized: string;
  family: string;
  unit?: string | undefined;
  direction: string;
  category?: string | undefined;
  uses: number;
  organisations: number;
  /** met ÷ evaluated, a decimal string (fraction). */
  completionRate?: string | undefined;
  recommended: boolean;
  retired: boolean;
  match: 'exact' | 'prefix' | 'substring' | 'similar';
  matched: string;
}

export interface LibrarySearch {
  items: LibraryHit[];
  documents: number;
  indicators: number;
  builtAt: string;
}

export interface LibrarySearchQuery {
  q: string;
  category?: string | undefined;
  limit?: number | undefined;
  includeRetired?: boolean | undefined;
}

export type LibraryEntryView = LibraryEntry & { byOrganisationComplete: boolean };

export interface LibraryEntryAnswer {
  entry: LibraryEntryView;
  position?: TargetPosition | undefined;
}

export type CurationBody =
  | { kind: 'merge'; from: string[]; into: string; note?: string | undefined }
  | { kind: 'recommend'; key: string; recommended: boolean }
  | { kind: 'retire'; key: string; reason: string }
  | { kind: 'restore'; key: string }
  | { kind: 'rename'; key: string; name: string };
