/** @module Endpoints of the goal pages (绩效目标申报): list, derive, derived documents, adjustments, quality, prior record. */
import { request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { Page } from '../api/types.js';
import type { Adjustments, Derived, DerivedItem, DerivedStage, GoalQuality, GoalQuery, GoalSummary, PriorRecordAnswer } from './types.js';

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
 * The monitoring and self-evaluation documents created from a goal document (their `header.baseline`),
 * not deleted and in the caller's scope, newest first.
 */
export async function derivedDocuments(goalId: string, signal?: AbortSignal): Promise<Derived[]> {
  const r = await request<{ items: DerivedItem[] }>('GET', `/goals/${id(goalId)}/derived`, { signal });
  return r.items.map(({ createdAt, ...d }) => ({ ...d, at: createdAt }));
}
