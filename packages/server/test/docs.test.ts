/** docs/api.md stays in step with the server: every error code with its status, every route. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { ERROR_CODES } from '../src/http/errors.js';
import { createDeps } from '../src/server.js';

const apiMd = readFileSync(fileURLToPath(new URL('../../../docs/api.md', import.meta.url)), 'utf8');

describe('docs/api.md', () => {
  it('lists every error code with its status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) expect(apiMd, code).toContain(`| \`${code}\` | ${status} |`);
  });

  it('mentions every route of the OpenAPI document', async () => {
    const deps = createDeps({} as Database, testConfig(), pino({ level: 'silent' }));
    const doc = (await (await createApp(deps).request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const text = apiMd.replace(/[[\]]/g, '');
    for (const path of Object.keys(doc.paths)) expect(text, path).toContain(path);
  });
});
