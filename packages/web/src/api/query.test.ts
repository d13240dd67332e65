import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse } from './errors.js';
import { listQueryString, parseListQuery, queryString } from './query.js';

describe('query strings', () => {
  it('drops unset values and round-trips list filters', () => {
    expect(queryString({ a: 1, b: undefined, c: '', d: false })).toBe('?a=1&d=false');
    expect(queryString({})).toBe('');
    const q = { year: 2023, status: 'submitted' as const, hasErrors: true, page: 2, sort: 'total' as const, order: 'asc' as const };
    const s = listQueryString(q);
    expect(s).toBe('?year=2023&status=submitted&hasErrors=true&sort=total&order=asc&page=2');
    expect(parseListQuery(s)).toMatchObject(q);
  });

  it('ignores values it does not know', () => {
    expect(parseListQuery('?year=abc&status=nope&level=project&hasErrors=maybe')).toMatchObject({ year: undefined, status: undefined, level: 'project', hasErrors: undefined });
  });
});

describe('errors', () => {
  it('keeps the server message and conflict details', () => {
    const e = errorFromResponse(409, {
      error: { code: 'version-conflict', message: '文档已被 张三 修改', details: { currentVersion: 4, yourVersion: 3, updatedBy: { id: 'u', name: '张三' }, updatedAt: '2024-01-01T00:00:00Z' } },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.isConflict).toBe(true);
    expect(e.conflict).toEqual({ currentVersion: 4, yourVersion: 3, updatedBy: { id: 'u', name: '张三' }, updatedAt: '2024-01-01T00:00:00Z' });
    expect(e.message).toBe('文档已被 张三 修改');
  });

  it('says something in Chinese when the body is not ours', () => {
    expect(errorFromResponse(502, 'Bad Gateway').message).toBe('服务器暂时不可用');
    expect(errorFromResponse(418, undefined).message).toBe('请求失败（HTTP 418）');
    expect(errorFromResponse(401, { error: { code: 'session-expired', message: '登录已过期' } }).isUnauthenticated).toBe(true);
    expect(errorFromResponse(401, { error: { code: 'invalid-credentials', message: '用户名或密码错误' } }).isUnauthenticated).toBe(false);
  });
});
