/**
 * @module The typed HTTP client: same-origin fetch with the session cookie, the CSRF token on every
 * state-changing request, ETag / If-Match for documents, and `ApiError` with a Chinese message.
 */
import type { EvaluationDocument, WorkflowAction } from '@jixiao/core';
import { ApiError, errorFromResponse, networkError } from './errors.js';
import { listQueryString, queryString } from './query.js';
import type {
  AuditEvent,
  Comment,
  Evaluation,
  EvaluationSummary,
  Evidence,
  HistoryItem,
  ImportPreview,
  ListQuery,
  Org,
  Page,
  PublicEvaluation,
  PublicSummary,
  Role,
  Session,
  User,
  Versioned,
  VersionInfo,
} from './types.js';

const BASE = '/api';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;
const unauthenticatedListeners = new Set<(err: ApiError) => void>();

/** Remembers the token the login (or the session read) returned. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called whenever the server says the session is gone (expired, logged out elsewhere). */
export function onUnauthenticated(listener: (err: ApiError) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface CallOptions {
  json?: unknown;
  form?: FormData;
  ifMatch?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Do not tell the listeners about a 401 (the session probe on start-up). */
  quiet401?: boolean;
}

interface Answer<T> {
  data: T;
  etag: string | undefined;
  status: number;
}

async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, { method, headers, body: body ?? null, credentials: 'same-origin', signal: options.signal ?? null });
  } catch (err) {
    throw networkError(err);
  }
  const etag = res.headers.get('ETag') ?? undefined;
  if (res.status === 204) return { data: undefined as T, etag, status: 204 };
  const type = res.headers.get('Content-Type') ?? '';
  let parsed: unknown;
  if (type.includes('json')) {
    try {
      parsed = await res.json();
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const err = errorFromResponse(res.status, parsed);
    if (err.isUnauthenticated && !options.quiet401) for (const l of unauthenticatedListeners) l(err);
    throw err;
  }
  return { data: parsed as T, etag, status: res.status };
}

const id = (s: string) => encodeURIComponent(s);

/**
 * One JSON call to the API for feature modules that keep their own endpoints beside their pages
 * (`goals/api.ts`, `analytics/api.ts`…): same cookie, CSRF token and Chinese errors as `api`.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { json?: unknown; form?: FormData; signal?: AbortSignal | undefined } = {}): Promise<T> {
  return (await call<T>(method, path, options)).data;
}

/** Downloads a file the API serves (xlsx, docx…) under the name the server gives, or `fallback`. */
export async function download(path: string, fallback: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, { credentials: 'same-origin' });
  } catch (err) {
    throw networkError(err);
  }
  if (!res.ok) {
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      parsed = undefined;
    }
    throw errorFromResponse(res.status, parsed);
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : fallback;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function versioned(p: Promise<Answer<Evaluation>>): Promise<Versioned<Evaluation>> {
  const a = await p;
  return { data: a.data, etag: a.etag ?? `"${a.data.version}-${a.data.status}"` };
}

export type ExportFormat = 'xlsx' | 'docx' | 'pdf' | 'html' | 'json';

export const api = {
  // --- session
  async session(): Promise<Session | undefined> {
    try {
      return (await call<Session>('GET', '/auth/session', { quiet401: true })).data;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  },
  async login(username: string, password: string): Promise<Session> {
    return (await call<Session>('POST', '/auth/login', { json: { username, password }, quiet401: true })).data;
  },
  async logout(): Promise<void> {
    await call<void>('POST', '/auth/logout', { quiet401: true });
  },
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await call<void>('POST', '/auth/password', { json: { currentPassword, newPassword } });
  },

  // --- evaluations
  async listEvaluations(query: ListQuery, signal?: AbortSignal): Promise<Page<EvaluationSummary>> {
    return (await call<Page<EvaluationSummary>>('GET', `/evaluations${listQueryString(query)}`, { signal })).data;
  },
  getEvaluation(evaluationId: string): Promise<Versioned<Evaluation>> {
    return versioned(call<Evaluation>('GET', `/evaluations/${id(evaluationId)}`));
  },
  createEvaluation(document: EvaluationDocument, orgId?: string): Promise<Versioned<Evaluation>> {
    return versioned(call<Evaluation>('POST', '/evaluations', { json: { document, ...(orgId ? { orgId } : {}) } }));
  },
  saveEvaluation(evaluationId: string, document: EvaluationDocument, etag: string): Promise<Versioned<Evaluation>> {
    return versioned(call<Evaluation>('PUT', `/evaluations/${id(evaluationId)}`, { json: { document }, ifMatch: etag }));
  },
  async deleteEvaluation(evaluationId: string, etag?: string): Promise<void> {
    await call<void>('DELETE', `/evaluations/${id(evaluationId)}`, { ifMatch: etag });
  },
  act(evaluationId: string, action: WorkflowAction, etag: string, reason?: string): Promise<Versioned<Evaluation>> {
    return versioned(
      call<Evaluation>('POST', `/evaluations/${id(evaluationId)}/actions/${action}`, { json: reason ? { reason } : {}, ifMatch: etag }),
    );
  },
  rescore(evaluationId: string, indicatorId: string, score: string, reason: string, etag: string): Promise<Versioned<Evaluation>> {
    return versioned(
      call<Evaluation>('PUT', `/evaluations/${id(evaluationId)}/reviews/${id(indicatorId)}`, { json: { score, reason }, ifMatch: etag }),
    );
  },
  async comments(evaluationId: string): Promise<Comment[]> {
    return (await call<{ items: Comment[] }>('GET', `/evaluations/${id(evaluationId)}/comments`)).data.items;
  },
  async addComment(evaluationId: string, body: string, indicatorId?: string): Promise<Comment> {
    return (await call<Comment>('POST', `/evaluations/${id(evaluationId)}/comments`, { json: { body, ...(indicatorId ? { indicatorId } : {}) } })).data;
  },
  async history(evaluationId: string): Promise<HistoryItem[]> {
    return (await call<{ items: HistoryItem[] }>('GET', `/evaluations/${id(evaluationId)}/history`)).data.items;
  },
  async auditTrail(evaluationId: string, page = 1, pageSize = 100): Promise<Page<AuditEvent>> {
    return (await call<Page<AuditEvent>>('GET', `/evaluations/${id(evaluationId)}/audit-trail${queryString({ page, pageSize })}`)).data;
  },
  async versions(evaluationId: string): Promise<VersionInfo[]> {
    return (await call<{ items: VersionInfo[] }>('GET', `/evaluations/${id(evaluationId)}/versions`)).data.items;
  },
  async evidence(evaluationId: string): Promise<Evidence[]> {
    return (await call<{ items: Evidence[] }>('GET', `/evaluations/${id(evaluationId)}/evidence`)).data.items;
  },
  async uploadEvidence(evaluationId: string, indicatorId: string, file: File, etag?: string): Promise<Evidence> {
    const form = new FormData();
    form.set('file', file, file.name);
    form.set('indicatorId', indicatorId);
    return (await call<Evidence>('POST', `/evaluations/${id(evaluationId)}/evidence`, { form, ifMatch: etag })).data;
  },
  async deleteEvidence(evaluationId: string, evidenceId: string, etag?: string): Promise<void> {
    await call<void>('DELETE', `/evaluations/${id(evaluationId)}/evidence/${id(evidenceId)}`, { ifMatch: etag });
  },
  exportUrl(evaluationId: string, format: ExportFormat): string {
    return `${BASE}/evaluations/${id(evaluationId)}/export?format=${format}`;
  },

  // --- import
  async importPreview(file: File): Promise<ImportPreview> {
    const form = new FormData();
    form.set('file', file, file.name);
    return (await call<ImportPreview>('POST', '/import/preview', { form })).data;
  },

  // --- organisations and users
  async orgs(): Promise<Org[]> {
    return (await call<{ items: Org[] }>('GET', '/orgs')).data.items;
  },
  async createOrg(parentId: string, name: string, code?: string): Promise<Org> {
    return (await call<Org>('POST', '/orgs', { json: { parentId, name, ...(code ? { code } : {}) } })).data;
  },
  async users(page = 1, pageSize = 200): Promise<{ items: User[]; total: number }> {
    return (await call<{ items: User[]; total: number }>('GET', `/users${queryString({ page, pageSize })}`)).data;
  },
  async createUser(input: { username: string; displayName: string; role: Role; orgId: string; email?: string | undefined; password?: string | undefined }): Promise<{ user: User; oneTimePassword?: string }> {
    return (await call<{ user: User; oneTimePassword?: string }>('POST', '/users', { json: input })).data;
  },
  async updateUser(userId: string, patch: { displayName?: string; role?: Role; orgId?: string; disabled?: boolean; unlock?: true; email?: string | null }): Promise<User> {
    return (await call<User>('PATCH', `/users/${id(userId)}`, { json: patch })).data;
  },
  async resetPassword(userId: string): Promise<string> {
    return (await call<{ oneTimePassword: string }>('POST', `/users/${id(userId)}/reset-password`)).data.oneTimePassword;
  },

  // --- public portal (no login)
  async publicList(
    query: { year?: number | undefined; level?: string | undefined; grade?: string | undefined; org?: string | undefined; q?: string | undefined; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ): Promise<Page<PublicSummary>> {
    return (await call<Page<PublicSummary>>('GET', `/public/evaluations${queryString(query)}`, { quiet401: true, signal })).data;
  },
  async publicOrganisations(year?: number): Promise<Array<{ name: string; published: number }>> {
    return (await call<{ items: Array<{ name: string; published: number }> }>('GET', `/public/organisations${queryString({ year })}`, { quiet401: true })).data.items;
  },
  async publicGet(evaluationId: string): Promise<PublicEvaluation> {
    return (await call<PublicEvaluation>('GET', `/public/evaluations/${id(evaluationId)}`, { quiet401: true })).data;
  },
};
