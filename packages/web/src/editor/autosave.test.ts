import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.js';
import { AutoSaver } from './autosave.js';
import type { SaveStatus } from './autosave.js';

describe('AutoSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (save: (doc: string, etag: string) => Promise<{ etag: string }>, validate?: (d: string) => string | undefined) => {
    const statuses: SaveStatus['kind'][] = [];
    const saver = new AutoSaver<string>({ etag: '"1-draft"', delayMs: 1000, save, validate, onStatus: (s) => statuses.push(s.kind) });
    return { saver, statuses };
  };

  it('saves once after the last change, with the ETag it was given and then the new one', async () => {
    const calls: Array<[string, string]> = [];
    let v = 1;
    const { saver, statuses } = setup(async (doc, etag) => {
      calls.push([doc, etag]);
      v++;
      return { etag: `"${v}-draft"` };
    });
    saver.change('a');
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([['ab', '"1-draft"']]);
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[1]).toEqual(['abc', '"2-draft"']);
    expect(saver.etag).toBe('"3-draft"');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush saves now and reports whether everything is saved', async () => {
    const { saver } = setup(async () => ({ etag: '"2-draft"' }));
    saver.change('x');
    await expect(saver.flush()).resolves.toBe(true);
    expect(saver.busy).toBe(false);
  });

  it('stops on a conflict until a new ETag is adopted, keeping the unsaved document', async () => {
    const calls: string[] = [];
    let fail = true;
    const { saver, statuses } = setup(async (doc, etag) => {
      calls.push(`${doc}@${etag}`);
      if (fail) throw new ApiError(409, 'version-conflict', '文档已被 张三 修改', [], { updatedBy: { id: '1', name: '张三' }, currentVersion: 5 });
      return { etag: '"6-draft"' };
    });
    saver.change('mine');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.status).toMatchObject({ kind: 'conflict', details: { updatedBy: { name: '张三' }, currentVersion: 5 } });
    saver.change('mine2');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual(['mine@"1-draft"']);
    fail = false;
    saver.adopt('"5-draft"', { keepPending: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.at(-1)).toBe('mine2@"5-draft"');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('does not send an invalid document', async () => {
    const save = vi.fn(async () => ({ etag: 'x' }));
    const { saver } = setup(save, (d) => (d.includes('!') ? '格式错误' : undefined));
    saver.change('bad!');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.status).toEqual({ kind: 'invalid', message: '格式错误' });
  });

  it('keeps the document after a network error and saves it with the next change', async () => {
    let n = 0;
    const { saver } = setup(async (doc) => {
      n++;
      if (n === 1) throw new ApiError(0, 'network', '无法连接服务器');
      return { etag: `"${doc}"` };
    });
    saver.change('one');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.status.kind).toBe('error');
    expect(saver.busy).toBe(true);
    await expect(saver.flush()).resolves.toBe(true);
    expect(saver.etag).toBe('"one"');
  });
});
