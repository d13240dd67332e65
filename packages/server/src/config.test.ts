import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults: PGlite in ./data on port 8080, demo data on', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({ PORT: 8080, DATA_DIR: './data', storage: 'pglite', demo: true, DEMO_PASSWORD: 'jixiao-demo' });
  });

  it('uses PostgreSQL with DATABASE_URL and then makes demo data only with --demo', () => {
    const pg = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(pg.ok && pg.config.storage === 'postgres' && !pg.config.demo).toBe(true);
    const demo = loadConfig({ DATABASE_URL: 'postgres://u@h/db' }, ['--demo']);
    expect(demo.ok && demo.config.demo).toBe(true);
    const none = loadConfig({}, ['--no-demo']);
    expect(none.ok && none.config.demo).toBe(false);
  });

  it('lists every problem at once, in Chinese, naming the variable', () => {
    const r = loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_PASSWORD: 'short', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' }, ['--demo', '--fast']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(6);
    expect(r.errors.join('\n')).toMatch(/未知的命令行参数 --fast/);
    for (const name of ['PORT', 'DATABASE_URL', 'DEMO_PASSWORD', 'LOG_LEVEL', 'TRUST_PROXY']) expect(r.errors.join('\n')).toContain(`环境变量 ${name}=`);
  });

  it('treats empty variables as unset', () => {
    const r = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(r.ok && r.config.PORT === 8080 && r.config.storage === 'pglite').toBe(true);
  });
});
