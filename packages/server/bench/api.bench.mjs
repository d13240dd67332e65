#!/usr/bin/env node
/**
 * API benchmark: autocannon, 200 connections, against the built server on the machine's PostgreSQL.
 * Measures a bare route of the same framework (GET /api/ping), reading an evaluation, listing with
 * filters, and saving an evaluation (validation, score and audit, version check, diff, indicator rows,
 * version snapshot and audit event in one transaction). Prints one JSON line per measure on stdout:
 *   {"bench":"api-read","unit":"req/s","value":N,"p50_ms":…,"p99_ms":…}
 * Progress goes to stderr.
 *
 * Environment: BENCH_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 * names a database to create a scratch database from; BENCH_SECONDS (default 10) per measure;
 * BENCH_CONNECTIONS (default 200); BENCH_ROUNDS (default 3) alternating rounds of the bare route and the read.
 *
 * Then the indicator library on the province-scale set (40,000 documents loaded in bulk by SQL):
 *   {"bench":"api-library-search","unit":"req/s","value":N,"p50_ms":…,"p95_ms":…,"p99_ms":…}
 * search-as-you-type keystrokes from BENCH_LIBRARY_CONNECTIONS (default 20) concurrent clients, latency
 * measured per request by the client; then the analytics overview of the finance office by year and by
 * department (BENCH_ANALYTICS_CONNECTIONS, default 4):
 *   {"bench":"api-analytics-overview","unit":"req/s","value":N,"p50_ms":…,"p95_ms":…,"p99_ms":…}
 * The set is scored and audited by the server's own analysis and loaded with its indicator rows.
 * BENCH_ONLY=core or BENCH_ONLY=library (library and analytics) runs one part; BENCH_KEEP_DATABASE=1 keeps the
 * scratch database afterwards (to look at query plans); BENCH_READ_CACHE=false starts the server without its
 * per-replica caches, so every overview is computed (the cold figure).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
const password = 'bench-password';
const log = (...a) => console.error('[bench:api]', ...a);
/** BENCH_ONLY=core or library (comma-separated) runs only those measures; default all. */
const only = process.env.BENCH_ONLY;
const libraryConnections = Number(process.env.BENCH_LIBRARY_CONNECTIONS ?? 20);
const analyticsConnections = Number(process.env.BENCH_ANALYTICS_CONNECTIONS ?? 4);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Loads the province-scale set (core's generateProvince: 40,000 documents, 600,000 indicators) into the
 * bench database in bulk, straight into `evaluations` by SQL (json_to_recordset, 500 rows a statement):
 * with the score, summary columns (0005) and finding counts of the server's own analysis, as a save writes them.
 */
async function loadProvince(client) {
  const { generateProvince } = await import('@jixiao/core');
  // The server's own analysis (score, audit, indicator rows), as a save computes it.
  const { analyse } = await import('../dist/evaluations/analysis.js');
  const org = (await client.query(`SELECT o.region, o.id, o.path FROM orgs o WHERE o.kind = 'unit' ORDER BY o.path LIMIT 1`)).rows[0];
  const user = (await client.query(`SELECT id FROM users WHERE region = $1 AND username = 'preparer'`, [org.region])).rows[0];
  let batch = [];
  let rows = [];
  let counts = [];
  let n = 0;
  let indicators = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO evaluations (region, id, org_id, org_path, year, level, stage, title, rule_set, total, grade, errors, warnings, infos, document, score, findings,
                               scorable, execution_rate, self_score, review_total, sector, project_name, created_by, updated_by)
       SELECT $1, x.id, $2, $3, x.year, x.level, x.stage, x.title, x.rule_set, x.total, x.grade, x.errors, x.warnings, x.infos, x.document, x.score, x.findings,
              x.scorable, x.execution_rate, x.self_score, x.review_total, x.sector, x.project_name, $4, $4
       FROM json_to_recordset($5::json) AS x(id uuid, year integer, level text, stage text, title text, rule_set text, total numeric, grade text,
         errors integer, warnings integer, infos integer, document json, score json, findings json,
         scorable boolean, execution_rate numeric, self_score numeric, review_total numeric, sector text, project_name text)`,
      [org.region, org.id, org.path, user.id, JSON.stringify(batch)],
    );
    // The finding counts per audit family, as a save writes them.
    await client.query(
      `INSERT INTO evaluation_finding_counts (region, evaluation_id, family, errors, warnings, infos)
       SELECT $1, x.evaluation_id, x.family, x.errors, x.warnings, x.infos
       FROM json_to_recordset($2::json) AS x(evaluation_id uuid, family text, errors integer, warnings integer, infos integer)`,
      [org.region, JSON.stringify(counts)],
    );
    await client.query(
      `INSERT INTO indicators (region, evaluation_id, seq, indicator_id, path, parent_seq, project_id, depth, leaf, name, category,
                               weight, target, actual, unit, printed_score, computed_score, effective_score, review_score, status)
       SELECT $1, x.evaluation_id, x.seq, x.indicator_id, x.path, x.parent_seq, x.project_id, x.depth, x.leaf, x.name, x.category,
              x.weight, x.target, x.actual, x.unit, x.printed_score, x.computed_score, x.effective_score, x.review_score, x.status
       FROM json_to_recordset($2::json) AS x(evaluation_id uuid, seq integer, indicator_id text, path text, parent_seq integer, project_id text,
         depth integer, leaf boolean, name text, category text, weight numeric, target text, actual text, unit text, printed_score numeric,
         computed_score numeric, effective_score numeric, review_score numeric, status text)`,
      [org.region, JSON.stringify(rows)],
    );
    await client.query('COMMIT');
    n += batch.length;
    indicators += rows.length;
    batch = [];
    rows = [];
    counts = [];
  };
  const t = Date.now();
  for (const generated of generateProvince()) {
    const id = randomUUID();
    const doc = { ...generated, id };
    const a = analyse(doc);
    const h = doc.header;
    batch.push({
      id, year: h.year, level: h.level, stage: h.stage ?? 'self-evaluation', title: h.title, rule_set: a.ruleSet, total: a.total, grade: a.grade,
      errors: a.counts.error, warnings: a.counts.warning, infos: a.counts.info, document: doc, score: a.score, findings: a.findings,
      scorable: a.summary.scorable, execution_rate: a.summary.executionRate, self_score: a.summary.selfScore, review_total: a.summary.reviewTotal,
      sector: a.summary.sector, project_name: a.summary.projectName,
    });
    for (const f of a.summary.findingCounts) counts.push({ evaluation_id: id, ...f });
    for (const r of a.indicators) {
      rows.push({
        evaluation_id: id, seq: r.seq, indicator_id: r.indicatorId, path: r.path, parent_seq: r.parentSeq, project_id: r.projectId, depth: r.depth,
        leaf: r.leaf, name: r.name, category: r.category, weight: r.weight, target: r.target, actual: r.actual, unit: r.unit,
        printed_score: r.printedScore, computed_score: r.computedScore, effective_score: r.effectiveScore, review_score: r.reviewScore, status: r.status,
      });
    }
    if (batch.length === 500) await flush();
  }
  await flush();
  // As after any bulk load: statistics, and the visibility map that lets analytics read its index alone.
  await client.query('VACUUM (ANALYZE) evaluations');
  await client.query('VACUUM (ANALYZE) evaluation_finding_counts');
  await client.query('ANALYZE indicators');
  log(`loaded ${n} province documents, ${indicators} indicator rows (scored and audited) in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  return n;
}

/** Requests from `connections` concurrent clients for `duration` seconds, cycling through `paths`; latency per request. */
async function latencyRun(origin, cookie, paths, connections, duration) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const end = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const path = paths[next++ % paths.length];
        const t0 = performance.now();
        const r = await fetch(`${origin}${path}`, { headers: { cookie } });
        await r.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (r.status !== 200) errors++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

function latencyLine(name, run, connections, extra = {}) {
  const round = (x) => Math.round(x * 100) / 100;
  return {
    bench: name,
    unit: 'req/s',
    value: Math.round(run.latencies.length / seconds),
    p50_ms: round(percentile(run.latencies, 50)),
    p95_ms: round(percentile(run.latencies, 95)),
    p99_ms: round(percentile(run.latencies, 99)),
    errors: run.errors,
    connections,
    seconds,
    ...extra,
  };
}

/** Search as you type on the loaded set: prefixes of the library's names, one keystroke a request. */
async function libraryBench(origin, user) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  let loaded;
  try {
    loaded = await loadProvince(client);
  } finally {
    await client.end();
  }
  const get = async (path) => {
    const r = await fetch(`${origin}${path}`, { headers: { cookie: user.cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const t = Date.now();
  let first = await get('/api/library/indicators?q=');
  while (first.documents < loaded) {
    await new Promise((r) => setTimeout(r, 200));
    first = await get('/api/library/indicators?q=');
  }
  log(`library of ${first.documents} documents, ${first.indicators} indicators built in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  const names = new Set();
  for (const q of ['', '率', '数', '满意', '成本', '时', '覆盖', '完成', '培训', '资金']) {
    for (const h of (await get(`/api/library/indicators?limit=50&q=${encodeURIComponent(q)}`)).items) names.add(h.name);
  }
  const paths = [];
  for (const name of names) for (let i = 1; i <= [...name].length; i++) paths.push(`/api/library/indicators?limit=10&q=${encodeURIComponent([...name].slice(0, i).join(''))}`);
  log(`api-library-search: ${paths.length} keystrokes from ${names.size} names, ${libraryConnections} connections for ${seconds}s`);
  await latencyRun(origin, user.cookie, paths, libraryConnections, 3);
  const line = latencyLine('api-library-search', await latencyRun(origin, user.cookie, paths, libraryConnections, seconds), libraryConnections, { documents: first.documents, indicators: first.indicators });
  console.log(JSON.stringify(line));
  log(`library search p95 ${line.p95_ms} ms (goal < 50)`);
  return first;
}

/** The analytics overview on the loaded set, as the finance office opens it (region-wide, by year and by department). */
async function analyticsBench(origin, user) {
  const years = [2021, 2022, 2023];
  const orgs = await (await fetch(`${origin}/api/orgs`, { headers: { cookie: user.cookie } })).json();
  const departments = (orgs.items ?? []).filter((o) => o.kind === 'department').map((o) => o.id);
  const paths = [...years.map((y) => `/api/analytics/overview?year=${y}`), ...departments.flatMap((d) => years.map((y) => `/api/analytics/overview?year=${y}&department=${d}`))];
  const sample = await (await fetch(`${origin}${paths[0]}`, { headers: { cookie: user.cookie } })).json();
  log(`api-analytics-overview: ${sample.evaluations} evaluations in ${paths[0]}; ${paths.length} queries, ${analyticsConnections} connections for ${seconds}s`);
  await latencyRun(origin, user.cookie, paths, analyticsConnections, 3);
  const line = latencyLine('api-analytics-overview', await latencyRun(origin, user.cookie, paths, analyticsConnections, seconds), analyticsConnections, {
    evaluations: sample.evaluations,
    bytes: JSON.stringify(sample).length,
    cache: process.env.BENCH_READ_CACHE !== 'false',
  });
  console.log(JSON.stringify(line));
  log(`analytics overview p95 ${line.p95_ms} ms (goal < 300)`);
}


const dbName = `jixiao_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;

let child;
async function cleanup() {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  if (process.env.BENCH_KEEP_DATABASE) log(`kept database ${dbName} (BENCH_KEEP_DATABASE)`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

try {
  log(`starting the server on PostgreSQL database ${dbName}`);
  child = spawn(process.execPath, [main, '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_PASSWORD: password,
      PASSWORD_HASH_COST: '12',
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      DATABASE_POOL_SIZE: '20',
      // BENCH_READ_CACHE=false measures without the per-replica caches (evaluations, analytics overview).
      ...(process.env.BENCH_READ_CACHE ? { READ_CACHE: process.env.BENCH_READ_CACHE } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const origin = await new Promise((resolve, reject) => {
    const t = setInterval(() => {
      const m = /服务已启动：(http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(t);
        resolve(m[1]);
      }
    }, 50);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  log(`server at ${origin}`);

  const login = async (username) => {
    const r = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    const cookie = /jixiao_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')[0];
    const { csrfToken } = await r.json();
    return { cookie, csrf: csrfToken };
  };
  const preparer = await login('preparer');
  const finance = await login('finance');

  const seed = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@jixiao/core/fixtures/seeds/000.json')), 'utf8'));
  const list = await (await fetch(`${origin}/api/evaluations?year=2020`, { headers: { cookie: preparer.cookie } })).json();
  const readId = list.items[0].id;

  // A pool of drafts for the save measure: each in-flight request holds one, so saves never collide.
  const poolSize = connections + 50;
  log(`creating ${poolSize} drafts to save into`);
  const pool = [];
  for (let i = 0; i < poolSize; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, poolSize - i) }, async (_, j) => {
        const doc = { ...seed, header: { ...seed.header, year: 2015 + ((i + j) % 10) }, notes: [`bench ${i + j}`] };
        const r = await fetch(`${origin}/api/evaluations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: preparer.cookie, 'x-csrf-token': preparer.csrf },
          body: JSON.stringify({ document: doc }),
        });
        if (r.status !== 201) throw new Error(`create: ${r.status} ${await r.text()}`);
        const b = await r.json();
        return { id: b.id, etag: r.headers.get('etag'), busy: false, flip: false };
      }),
    );
    pool.push(...batch);
  }
  const bodies = ['A', 'B'].map((v) => JSON.stringify({ document: { ...seed, notes: [`bench edit ${v}`] } }));
  let cursor = 0;

  /** Requests cut off at the end of a run may have saved: start each run from the stored versions. */
  const resyncPool = async () => {
    for (const slot of pool) {
      const r = await fetch(`${origin}/api/evaluations/${slot.id}`, { headers: { cookie: preparer.cookie } });
      await r.arrayBuffer();
      slot.etag = r.headers.get('etag');
      slot.busy = false;
    }
  };

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lineOf = (name, runs) => ({
    bench: name,
    unit: 'req/s',
    value: Math.round(median(runs.map((r) => r.requests.average))),
    p50_ms: median(runs.map((r) => r.latency.p50)),
    p99_ms: median(runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    connections,
    seconds: seconds * runs.length,
    ...(runs.length > 1 ? { runs: runs.length } : {}),
  });

  const measure = async (name, options, between = async () => {}) => {
    log(`${name}: warming up`);
    await autocannon({ url: origin, connections, duration: 3, ...options });
    await between();
    log(`${name}: ${connections} connections for ${seconds}s`);
    const line = lineOf(name, [await autocannon({ url: origin, connections, duration: seconds, ...options })]);
    console.log(JSON.stringify(line));
    return line;
  };

  if (only === undefined || only.split(',').includes('core')) {
    // The bare route and the read are compared, so they run in alternating rounds on this shared machine
    // (each figure is the median of its rounds): a burst of load elsewhere hits both, not one.
    const bareOptions = { requests: [{ method: 'GET', path: '/api/ping' }] };
    // As a browser asks: with Accept-Encoding (the server keeps a gzipped body per version).
    const readOptions = { requests: [{ method: 'GET', path: `/api/evaluations/${readId}`, headers: { cookie: preparer.cookie, 'accept-encoding': 'gzip' } }] };
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    log('api-bare / api-read: warming up');
    await autocannon({ url: origin, connections, duration: 3, ...bareOptions });
    await autocannon({ url: origin, connections, duration: 3, ...readOptions });
    const bareRuns = [];
    const readRuns = [];
    for (let i = 0; i < rounds; i++) {
      log(`api-bare / api-read: round ${i + 1} of ${rounds}, ${connections} connections for ${seconds}s each`);
      bareRuns.push(await autocannon({ url: origin, connections, duration: seconds, ...bareOptions }));
      readRuns.push(await autocannon({ url: origin, connections, duration: seconds, ...readOptions }));
    }
    const bare = lineOf('api-bare', bareRuns);
    const read = lineOf('api-read', readRuns);
    console.log(JSON.stringify(bare));
    console.log(JSON.stringify(read));
    await measure('api-list', {
      requests: [{ method: 'GET', path: '/api/evaluations?year=2020&status=draft&level=project&hasErrors=true&page=2&pageSize=20', headers: { cookie: finance.cookie } }],
    });
    await measure('api-save', {
      requests: [
        {
          method: 'PUT',
          setupRequest: (req, context) => {
            let slot;
            for (let k = 0; k < pool.length; k++) {
              const candidate = pool[(cursor + k) % pool.length];
              if (!candidate.busy) {
                slot = candidate;
                cursor = (cursor + k + 1) % pool.length;
                break;
              }
            }
            slot ??= pool[cursor++ % pool.length];
            slot.busy = true;
            slot.flip = !slot.flip;
            context.slot = slot;
            return {
              ...req,
              path: `/api/evaluations/${slot.id}`,
              headers: { 'content-type': 'application/json', cookie: preparer.cookie, 'x-csrf-token': preparer.csrf, 'if-match': slot.etag },
              body: bodies[slot.flip ? 1 : 0],
            };
          },
          onResponse: (status, _body, context, headers) => {
            const slot = context.slot;
            if (!slot) return;
            const etag = headers?.etag ?? headers?.ETag;
            if (status === 200 && etag) slot.etag = etag;
            slot.busy = false;
          },
        },
      ],
    }, resyncPool);
    log(`read p99 ${read.p99_ms} ms (goal < 50), read/bare ${(read.value / bare.value).toFixed(2)} (goal ≥ 0.5)`);
  }

  if (only === undefined || only.split(',').includes('library') || only.split(',').includes('analytics')) {
    await libraryBench(origin, preparer);
    await analyticsBench(origin, finance);
  }
} finally {
  await cleanup();
}
