/**
 * sqlmap against a local server's login, list and read endpoints (scripts/sqlmap.sh). Runs when sqlmap
 * is installed, and always in CI (where .ci/run installs it), so a missing sqlmap there fails loudly.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const hasSqlmap = spawnSync('sh', ['-c', 'command -v sqlmap'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasSqlmap && !process.env['CI'])('sqlmap', () => {
  it('finds no SQL injection in the login, list and read endpoints', () => {
    const r = spawnSync('bash', ['scripts/sqlmap.sh'], { cwd: root, encoding: 'utf8', timeout: 900_000 });
    const report = r.stderr.split('\n').filter((l) => l.startsWith('sqlmap:') || l.startsWith('== sqlmap'));
    expect(r.status, `${report.join('\n')}\n${r.stderr.slice(-4000)}`).toBe(0);
    expect(report.filter((l) => / — no injection/.test(l))).toHaveLength(3);
  }, 900_000);
});
