/**
 * @module The one error type of the server. Every code comes from one `as const` table that says
 * which HTTP status it maps to and gives a default Chinese message; anything else thrown is
 * normalised to `internal` and keeps its cause for the log, never for the client.
 */

export const ERROR_CODES = {
  'invalid-request': { status: 400, message: '请求参数有误' },
  'invalid-json': { status: 400, message: '请求体不是有效的 JSON' },
  'invalid-document': { status: 422, message: '评价文档无效' },
  'invalid-file': { status: 422, message: '文件无法读取' },
  'invalid-transition': { status: 409, message: '当前状态不允许此操作' },
  unauthenticated: { status: 401, message: '请先登录' },
  'session-expired': { status: 401, message: '登录已过期，请重新登录' },
  'invalid-credentials': { status: 401, message: '用户名或密码错误' },
  'account-locked': { status: 423, message: '登录失败次数过多，账号已暂时锁定' },
  'password-change-required': { status: 403, message: '请先修改初始密码' },
  'csrf-failed': { status: 403, message: '缺少或错误的 CSRF 令牌' },
  forbidden: { status: 403, message: '没有权限执行此操作' },
  'not-found': { status: 404, message: '未找到' },
  'method-not-allowed': { status: 405, message: '不支持的请求方法' },
  'version-conflict': { status: 409, message: '文档已被他人修改' },
  conflict: { status: 409, message: '与现有数据冲突' },
  'precondition-required': { status: 428, message: '需要 If-Match 请求头（文档版本）' },
  'payload-too-large': { status: 413, message: '请求体过大' },
  'unsupported-media-type': { status: 415, message: '不支持的内容类型' },
  'rate-limited': { status: 429, message: '请求过于频繁，请稍后再试' },
  'not-ready': { status: 503, message: '服务尚未就绪' },
  internal: { status: 500, message: '服务器内部错误' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]['status'];

/** Where in the request a problem is: a JSON path, a parameter or a header, and what is wrong there. */
export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: ErrorIssue[];
    details?: Record<string, unknown>;
  };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** Extra response headers, e.g. Retry-After. */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { issues?: ErrorIssue[]; details?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? ERROR_CODES[code].message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): ErrorStatus {
    return ERROR_CODES[this.code].status;
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.issues && this.issues.length > 0) error.issues = this.issues;
    if (this.details) error.details = this.details;
    return { error };
  }
}

/** Normalises anything thrown into an AppError; unknown errors become `internal` with their cause kept. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', undefined, { cause: err });
}

/** The code for an HTTP status raised by the framework (body limit, malformed JSON …). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid-request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'rate-limited';
    case 503:
      return 'not-ready';
    default:
      return status >= 400 && status < 500 ? 'invalid-request' : 'internal';
  }
}
