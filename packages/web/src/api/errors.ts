/** @module The one error type of the web client: a stable code, the HTTP status and a Chinese message. */
import type { ConflictDetails, ErrorBody } from './types.js';

/** Messages for failures that carry no message of their own (network, non-JSON answers). */
const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '未找到',
  409: '文档已被他人修改',
  413: '文件或内容过大',
  415: '不支持的文件类型',
  422: '内容无效',
  423: '账号已暂时锁定',
  428: '缺少文档版本信息',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误',
  502: '服务器暂时不可用',
  503: '服务尚未就绪，请稍后再试',
  504: '服务器响应超时',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Array<{ path: string; message: string }>;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, issues: Array<{ path: string; message: string }> = [], details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }

  /** True for the 409 that says someone else saved the document in between. */
  get isConflict(): boolean {
    return this.code === 'version-conflict';
  }

  /** True when the session is gone and the user must log in again. */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code !== 'invalid-credentials';
  }

  get conflict(): ConflictDetails {
    const d = this.details ?? {};
    const by = d['updatedBy'] as { id?: unknown; name?: unknown } | undefined;
    return {
      currentVersion: typeof d['currentVersion'] === 'number' ? d['currentVersion'] : undefined,
      yourVersion: typeof d['yourVersion'] === 'number' ? d['yourVersion'] : undefined,
      updatedBy: by && typeof by.name === 'string' ? { id: String(by.id ?? ''), name: by.name } : undefined,
      updatedAt: typeof d['updatedAt'] === 'string' ? d['updatedAt'] : undefined,
    };
  }
}

/** The client's error for an answer with a non-2xx status, from its body when it is our error shape. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const e = (body as Partial<ErrorBody> | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return new ApiError(status, e.code, e.message, Array.isArray(e.issues) ? e.issues : [], e.details);
  }
  return new ApiError(status, `http-${status}`, STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}）`);
}

/** The error for a request that never got an answer. */
export function networkError(cause: unknown): ApiError {
  const aborted = cause instanceof Error && cause.name === 'AbortError';
  return new ApiError(0, aborted ? 'aborted' : 'network', aborted ? '请求已取消' : '无法连接服务器，请检查网络后重试');
}

/** A message to show for anything thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return `出错了：${err.message}`;
  return '出错了，请重试';
}
