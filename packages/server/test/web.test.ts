/** Serving the built web app beside the API: files, client-side routes, caching, a page CSP, no escape from its directory. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { createDeps } from '../src/server.js';

function appWith(webDir: string) {
  return createApp(createDeps({} as Database, testConfig({ WEB_DIR: webDir }), pino({ level: 'silent' })));
}

describe('the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>绩效</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'outside');
  const app = appWith(dir);

  it('serves the shell at / and for client-side routes, without caching it', async () => {
    for (const path of ['/', '/evaluations/123', '/public']) {
      const r = await app.request(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(r.headers.get('content-security-policy')).not.toContain('sandbox');
      expect(await r.text()).toContain('绩效');
    }
  });

  it('serves hashed assets with long caching, and 404 for missing files', async () => {
    const r = await app.request('/assets/app-abc123.js');
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('never leaves its directory and leaves /api to the API', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00.js']) {
      const r = await app.request(path);
      expect(await r.text(), path).not.toContain('outside');
    }
    const api = await app.request('/api/nope');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not-found');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('is off with WEB_DIR=off or when not built', async () => {
    expect((await appWith('off').request('/')).status).toBe(404);
    expect((await appWith(join(dir, 'nothing-here')).request('/')).status).toBe(404);
  });
});
