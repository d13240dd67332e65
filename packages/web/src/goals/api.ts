/** @module Endpoints of the goal pages (绩效目标申报): list, derive, adjustments, quality, prior record. */
import { request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { AuditEvent, Page } from '../api/types.js';
import { derivedFromEvents } from './derived.js';
import type { Adjustments, Derived, DerivedStage, GoalQuality, GoalQuery, GoalSummary, PriorRecordAnswer } from './types.js';

const id = (s: string) => encodeURIComponent(s);

export function listGoals(query: GoalQuery, signal?: AbortSignal): Promise<Page<GoalSummary>> {
  return request<Page<GoalSummary>>('GET', `/goals${queryString({ ...query })}`, { signal });
}

export function deriveFromGoals(goalId: string, stage: DerivedStage): Promise<{ id: string; stage: DerivedStage; title: string; baseline: { id: string; version: number } }> {
  return request('POST', `/goals/${id(goalId)}/derive`, { json: { stage } });
}

export function goalAdjustments(goalId: string, signal?: AbortSignal): Promise<Adjustments> {
  return request<Adjustments>('GET', `/goals/${id(goalId)}/adjustments`, { signal });
}

export function requestAdjustment(goalId: string, body: { indicatorId: string; project?: string | undefined; field: 'target' | 'weight'; to: string; reason: string }): Promise<unknown> {
  return request('POST', `/goals/${id(goalId)}/adjustments`, { json: body });
}

export function decideAdjustment(goalId: string, adjustmentId: string, decision: 'approve' | 'reject', reason?: string): Promise<unknown> {
  return request('POST', `/goals/${id(goalId)}/adjustments/${id(adjustmentId)}/decision`, { json: { decision, ...(reason ? { reason } : {}) } });
}

export function goalQuality(goalId: string, signal?: AbortSignal): Promise<GoalQuality> {
  return request<GoalQuality>('GET', `/goals/${id(goalId)}/quality`, { signal });
}

export function priorRecord(goalId: string, signal?: AbortSignal): Promise<PriorRecordAnswer> {
  return request<PriorRecordAnswer>('GET', `/goals/${id(goalId)}/prior-record`, { signal });
}

/**
 * The documents derived from a goal document. The API has no query for them, so they are read from the
 * goal document's audit trail (`goal.derive` events name the new draft), newest first.
 */
export async function derivedDocuments(goalId: string, signal?: AbortSignal): Promise<Derived[]> {
  const events: AuditEvent[] = [];
  for (let page = 1; page <= 5; page++) {
    const p = await request<Page<AuditEvent>>('GET', `/evaluations/${id(goalId)}/audit-trail${queryString({ page, pageSize: 200 })}`, { signal });
    events.push(...p.items);
    if (p.items.length < p.pageSize || events.length >= p.total) break;
  }
  return derivedFromEvents(events);
}
