/* global window, document, PerformanceObserver -- these run inside the page (page.evaluate) */
// Browser benchmark of the evaluation editor, in Debian's Chromium (playwright-core):
// - editor-recompute: time of one recompute (score + audit, the core running in the page) after an
//   edit, measured in the page with performance.now() around the recompute (p95 over the edits);
// - editor-input-to-paint: from a keystroke in a grid cell to the next paint (p95, Event Timing
//   API, the measure behind INP), i.e. recompute plus React rendering plus layout, what the user
//   feels; events under 16 ms are not reported by the browser and count as 16;
// - editor-input-processing: the event handlers' own time for those keystrokes (p95);
// - web-chunk-<name>: gzipped size of each entry chunk (the app entry, every route chunk and the
//   named shared chunks), and web-route-<name>: all JavaScript a route needs on first load.
// The document has 200 indicators. Starts its own API server (temporary DATA_DIR, demo data) and
// uses the app as that server serves it (or a static server with a proxy to it). Prints one JSON
// line per measure on stdout, progress on stderr. Run after `npm run build` (builds what is missing otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'packages/web');
const DIST = join(WEB, 'dist');
const SERVER_MAIN = join(ROOT, 'packages/server/dist/main.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INDICATORS = 200;
const EDITS = Number(process.env.BENCH_EDITS ?? 60);

const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const emit = (bench, unit, value, extra = {}) => process.stdout.write(`${JSON.stringify({ bench, unit, value: Math.round(value * 100) / 100, ...extra })}\n`);

function ensureBuilt() {
  if (!existsSync(SERVER_MAIN)) {
    log('building the server…');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('server build failed');
  }
  if (!existsSync(join(DIST, '.vite/manifest.json'))) {
    log('building the web app…');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: WEB, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('web build failed');
  }
}

// ---- chunk sizes

const gzipKb = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

function chunkSizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) closure(i, seen);
    return seen;
  };
  const nameOf = (key) => {
    const c = manifest[key];
    if (c.isEntry) return 'main';
    if (c.src) return c.src.replace(/^src\//, '').replace(/\.tsx?$/, '').split('/').pop().replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    return c.name ?? key;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const reported = Object.keys(manifest).filter((k) => manifest[k].isEntry || manifest[k].isDynamicEntry || ['react', 'jixiao-core', 'echarts'].includes(manifest[k].name));
  for (const k of reported) emit(`web-chunk-${nameOf(k)}`, 'kB-gzip', gzipKb(manifest[k].file), { file: manifest[k].file });
  const bySrc = (src) => Object.keys(manifest).find((k) => manifest[k].src === src);
  const route = (name, srcs) => {
    const files = new Set();
    for (const key of [entry, ...srcs.map(bySrc)]) if (key) for (const k of closure(key)) files.add(manifest[k].file);
    const js = [...files].filter((f) => f.endsWith('.js'));
    emit(`web-route-${name}`, 'kB-gzip', js.reduce((s, f) => s + gzipKb(f), 0), { chunks: js.length });
    return js;
  };
  const login = route('login', ['src/auth/LoginPage.tsx']);
  const pub = route('public', ['src/public/PublicApp.tsx', 'src/public/PublicList.tsx']);
  route('editor', ['src/app/AppShell.tsx', 'src/editor/EditorPage.tsx']);
  const editorFile = manifest[bySrc('src/editor/EditorPage.tsx')]?.file;
  const coreFile = Object.values(manifest).find((c) => c.name === 'jixiao-core')?.file;
  for (const [name, files] of [['login', login], ['public', pub]]) {
    if (files.includes(editorFile) || (coreFile && files.includes(coreFile))) throw new Error(`the ${name} page loads the editor or the core`);
  }
}

// ---- servers

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function webServer(apiPort) {
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api')) {
      const up = request({ host: '127.0.0.1', port: apiPort, path: url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.end());
      req.pipe(up);
      return;
    }
    const file = normalize(join(DIST, decodeURIComponent(url.split('?')[0])));
    const target = file.startsWith(DIST) && existsSync(file) && statSync(file).isFile() ? file : join(DIST, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(readFileSync(target));
  });
}

// ---- the document

function documentWith(n) {
  const groups = [
    ['out', '产出指标', 'output', '50', [['out.qty', '数量指标', 'quantity', 0.3], ['out.qual', '质量指标', 'quality', 0.3], ['out.time', '时效指标', 'timeliness', 0.1]]],
    ['ben', '效益指标', 'benefit', '30', [['ben.soc', '社会效益指标', 'social', 0.2]]],
    ['sat', '满意度指标', 'satisfaction', '10', [['sat.svc', '服务对象满意度指标', 'service-satisfaction', 0.1]]],
  ];
  let k = 0;
  const indicators = groups.map(([id, name, category, declaredWeight, subs]) => ({
    id,
    name,
    category,
    declaredWeight,
    children: subs.map(([sid, sname, scat, share]) => ({
      id: sid,
      name: sname,
      category: scat,
      children: Array.from({ length: Math.round(n * share) }, () => {
        k++;
        const target = k % 3 === 0 ? `≥${90 + (k % 9)}%` : k % 3 === 1 ? `${100 + k}批次以上` : `${2 + (k % 5)}个工作日内`;
        const actual = k % 3 === 0 ? `${88 + (k % 11)}%` : k % 3 === 1 ? `${95 + k}批次` : `${1 + (k % 6)}个工作日`;
        return { id: `i${k}`, name: `第${k}项监管任务完成情况`, weight: '0.45', target, actual, deviationReason: k % 7 === 0 ? '部分任务因机构调整延后。' : undefined };
      }),
    })),
  }));
  return {
    schemaVersion: 1,
    ruleSet: 'national-project',
    header: { title: `基准测试：${n}项指标绩效自评表`, level: 'project', stage: 'self-evaluation', year: 2024, organisation: '益阳市市场监督管理局', implementingUnits: ['益阳市市场监督管理局'], projectName: '基准测试专项', subProjects: [] },
    funding: {
      unit: '万元',
      tables: [
        {
          id: 'project-funding',
          kind: 'project-funding',
          unit: '万元',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { initialBudget: '500', annualBudget: '520', executed: '498.36' } },
            { label: '其中：本级财政拨款', role: 'item', sourceKind: 'same-level-fiscal', amounts: { initialBudget: '500', annualBudget: '520', executed: '498.36' } },
          ],
        },
      ],
      execution: { weight: '10' },
    },
    goals: [{ expected: '完成年度各项监管任务。', actual: '基本完成。' }],
    indicators,
    projects: [],
    prose: [],
    meta: { team: [], problems: [], measures: [] },
    notes: [],
  };
}

async function createEvaluation(apiBase) {
  const login = await fetch(`${apiBase}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: 'jixiao-demo' }) });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = await login.json();
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${apiBase}/api/evaluations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ document: documentWith(INDICATORS) }),
  });
  if (!r.ok) throw new Error(`create failed: ${r.status} ${await r.text()}`);
  return (await r.json()).id;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

// ---- run

ensureBuilt();
chunkSizes();

if (!existsSync(CHROMIUM)) {
  log(`Chromium not found at ${CHROMIUM}: skipping the browser measures`);
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-bench-'));
const apiPort = await freePort();
let serverOut = '';
const api = spawn(process.execPath, [SERVER_MAIN], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(apiPort), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'warn', RATE_LIMIT_LOGIN_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', PASSWORD_HASH_COST: '12' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
api.stdout.on('data', (d) => (serverOut = (serverOut + d).slice(-8000)));
api.stderr.on('data', (d) => (serverOut = (serverOut + d).slice(-8000)));
const web = webServer(apiPort);
let browser;
try {
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (api.exitCode !== null) throw new Error(`API server exited:\n${serverOut}`);
    try {
      if ((await fetch(`${apiBase}/api/ready`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > until) throw new Error(`API server not ready:\n${serverOut}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log('API server ready; creating a document with', INDICATORS, 'indicators');
  const id = await createEvaluation(apiBase);
  // The API server serves the built app itself; a static server with a proxy stands in otherwise.
  const shell = await fetch(`${apiBase}/login`).catch(() => undefined);
  const served = shell?.ok && (shell.headers.get('content-type') ?? '').includes('text/html') && (await shell.text()).includes('<div id="root">');
  let base = apiBase;
  if (!served) {
    await new Promise((r) => web.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${web.address().port}`;
  }

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名', { exact: true }).fill('preparer');
  await page.getByLabel('密码', { exact: true }).fill('jixiao-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const opened = Date.now();
  await page.goto(`${base}/evaluations/${id}`);
  await page.waitForSelector('.indicator-grid tbody tr:nth-child(200)');
  log(`editor open with ${await page.locator('.indicator-grid tbody tr').count()} rows in ${Date.now() - opened} ms`);

  // Event Timing: every input event's duration to the next paint (only those of 16 ms or more are
  // reported) and its processing time; a listener counts them all.
  await page.evaluate(() => {
    window.__inputs = 0;
    window.__timings = [];
    document.addEventListener('input', () => window.__inputs++, true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'input') window.__timings.push({ duration: e.duration, processing: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16 });
  });

  const actualCells = page.locator('td.g-actual');
  const rows = await actualCells.count();
  const edit = async (i) => {
    await actualCells.nth(i).click();
    await page.keyboard.type(`${100 + i}批次`, { delay: 5 });
    await page.keyboard.press('Enter');
  };
  log('warming up…');
  for (let i = 0; i < 8; i++) await edit((i * 37) % rows);
  await page.evaluate(() => {
    window.__jixiaoRecompute = [];
    window.__inputs = 0;
    window.__timings = [];
  });
  log(`measuring ${EDITS} edits…`);
  for (let i = 0; i < EDITS; i++) await edit((i * 53 + 11) % rows);
  await page.waitForTimeout(300);
  const { recompute, inputs, timings } = await page.evaluate(() => ({ recompute: window.__jixiaoRecompute ?? [], inputs: window.__inputs, timings: window.__timings }));
  if (recompute.length < EDITS) throw new Error(`only ${recompute.length} recomputes recorded`);
  emit('editor-recompute', 'ms', percentile(recompute, 95), { p50: Math.round(percentile(recompute, 50) * 100) / 100, samples: recompute.length, indicators: INDICATORS });
  const toPaint = [...timings.map((t) => t.duration), ...Array.from({ length: Math.max(0, inputs - timings.length) }, () => 16)];
  const processing = [...timings.map((t) => t.processing), ...Array.from({ length: Math.max(0, inputs - timings.length) }, () => 0)];
  emit('editor-input-to-paint', 'ms', percentile(toPaint, 95), { p50: percentile(toPaint, 50), samples: inputs });
  emit('editor-input-processing', 'ms', percentile(processing, 95), { p50: Math.round(percentile(processing, 50) * 100) / 100, samples: inputs });
} finally {
  await browser?.close().catch(() => undefined);
  if (web.listening) await new Promise((r) => web.close(() => r()));
  if (api.exitCode === null) {
    const done = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    const t = setTimeout(() => api.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(t);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
