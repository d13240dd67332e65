// Runs every benchmark file (bench/*.bench.mjs and packages/*/bench/*.bench.mjs) one after another,
// except the API benchmark, which needs PostgreSQL and has its own command (`npm run bench:api`).
// Each prints one JSON line per measure on stdout ({"bench", "unit", "value", …}) and progress on stderr.
// Usage: npm run bench [-- FILTER]   (FILTER: a substring of the file path)
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2] ?? '';
const files = [];
for (const dir of ['bench', ...readdirSync(join(root, 'packages')).map((p) => join('packages', p, 'bench'))]) {
  const abs = join(root, dir);
  if (!existsSync(abs)) continue;
  for (const f of readdirSync(abs).sort()) if (f.endsWith('.bench.mjs')) files.push(join(dir, f));
}
let failed = 0;
const API_BENCH = /packages\/server\/bench\/api\.bench\.mjs$/;
for (const file of files.filter((f) => f.includes(filter) && !API_BENCH.test(f))) {
  process.stderr.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(root, file)], { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`benchmark ${file} failed with status ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
