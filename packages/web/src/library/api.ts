/** @module Endpoints of the indicator library (指标库): search as you type, one entry, curation. No core code: the editor's suggestions load only this. */
import { request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { CurationBody, LibraryEntryAnswer, LibrarySearch, LibrarySearchQuery } from './types.js';

export function searchLibrary(query: LibrarySearchQuery, signal?: AbortSignal): Promise<LibrarySearch> {
  return request<LibrarySearch>('GET', `/library/indicators${queryString({ q: query.q, category: query.category, limit: query.limit, includeRetired: query.includeRetired ? 'true' : undefined })}`, { signal });
}

export function libraryEntry(key: string, position: { target?: string | undefined; lastYearActual?: string | undefined } = {}, signal?: AbortSignal): Promise<LibraryEntryAnswer> {
  return request<LibraryEntryAnswer>('GET', `/library/indicators/${encodeURIComponent(key)}${queryString({ target: position.target, lastYearActual: position.lastYearActual })}`, { signal });
}

export function curate(body: CurationBody): Promise<{ seq: number; action: Record<string, unknown>; entry?: LibraryEntryAnswer['entry'] }> {
  return request('POST', '/library/curation', { json: body });
}

/** The route of an entry page. */
export function entryHref(key: string): string {
  return `/library/${encodeURIComponent(key)}`;
}
