/**
 * @module End-to-end harness: builds what is missing, starts the API server on a free port with a
 * temporary data directory (demo data seeded) — it serves the built web app at / — or, for a server
 * that does not, a static server with an SPA fallback and a proxy to the API (same origin for
 * cookies), and launches Debian's Chromium
 * through playwright-core. Everything started is stopped again, by its own handle.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, onTestFailed } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'packages/web/dist');
export const SERVER_MAIN = join(ROOT, 'packages/server/dist/main.js');
export const ARTIFACTS = join(ROOT, 'artifacts/web');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const PASSWORD = 'jixiao-demo';

export const hasChromium = existsSync(CHROMIUM);

/** Builds the server and the web app when their output is missing (`npm test` builds both first). */
export function ensureBuilt(): void {
  if (!existsSync(SERVER_MAIN)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the server failed');
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: join(ROOT, 'packages/web'), stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the web app failed');
  }
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => res(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`API server exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API server not ready after ${timeoutMs} ms:\n${log()}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Static files of the built app with an SPA fallback; /api/* goes to the API server. */
function webServer(apiPort: number): Server {
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/') || url === '/api') {
      const proxied = request(
        { host: '127.0.0.1', port: apiPort, path: url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      proxied.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(proxied);
      return;
    }
    const path = decodeURIComponent(url.split('?')[0] ?? '/');
    const file = normalize(join(WEB_DIST, path));
    const inside = file.startsWith(WEB_DIST);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(WEB_DIST, 'index.html');
    const body = readFileSync(target);
    const immutable = target.includes(`${join(WEB_DIST, 'assets')}`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  });
}

export interface Stack {
  base: string;
  apiBase: string;
  browser: Browser;
  dataDir: string;
  close: () => Promise<void>;
  /** What the API server printed, for failures. */
  log: () => string;
}

/** Starts the API server, the web server and Chromium. */
export async function startStack(): Promise<Stack> {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-e2e-'));
  const apiPort = await freePort();
  let output = '';
  const api = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'data'),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RATE_LIMIT_API_PER_MINUTE: '0',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      PASSWORD_HASH_COST: '12',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
  api.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
  const log = () => output;
  let web: Server | undefined;
  let browser: Browser | undefined;
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/api/ready`, 90_000, api, log);
    // The API server serves the built app itself (same origin, its page CSP); older servers did not,
    // and then a small static server with a proxy to the API stands in.
    const apiBase = `http://127.0.0.1:${apiPort}`;
    let base = apiBase;
    const page = await fetch(`${apiBase}/login`).catch(() => undefined);
    const servesApp = page?.ok === true && (page.headers.get('content-type') ?? '').includes('text/html') && (await page.text()).includes('<div id="root">');
    if (!servesApp) {
      web = webServer(apiPort);
      await new Promise<void>((res) => web!.listen(0, '127.0.0.1', () => res()));
      base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    const b = browser;
    const w = web;
    return {
      base,
      apiBase,
      browser: b,
      dataDir,
      log,
      close: async () => {
        await b.close().catch(() => undefined);
        if (w) await new Promise<void>((res) => w.close(() => res()));
        await stopProcess(api);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    if (web) await new Promise<void>((res) => web!.close(() => res()));
    await stopProcess(api);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const done = new Promise<void>((res) => child.once('exit', () => res()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and failed requests seen so far. */
  problems: string[];
}

/** A fresh browser context at 1366×768 (or the given size), signed in as `username` when given. */
export async function open(stack: Stack, username?: string, viewport = { width: 1366, height: 768 }): Promise<Session> {
  const context = await stack.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (username) await login(page, stack.base, username);
  return { context, page, problems };
}

export async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}

export async function logout(page: Page): Promise<void> {
  await page.locator('.app-user').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

/** Full-page screenshot into artifacts/web/<name>.png. */
export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** Waits until no antd message toast or modal animation is in flight (for clean screenshots). */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.mouse.move(1, 1);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.ant-message-notice, .ant-tooltip:not(.ant-tooltip-hidden)')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
  await page.waitForTimeout(ms);
}

/**
 * The stack of a test file: started before its tests and closed after them; the API server's last lines
 * are printed for a failed test. The object is filled in by `beforeAll`, so tests use it as a `Stack`.
 */
export function suiteStack(): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack());
  }, 300_000);
  afterAll(async () => {
    await stack.close?.();
  }, 60_000);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(`API server output (last lines):\n${stack.log?.().slice(-4000) ?? ''}`);
  });
  return stack;
}

/** On failure of the running test, a screenshot of the page as it was (artifacts/web/FAILED-<name>.png). */
export function shotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => void (await shot(page, `FAILED-${name}`).catch(() => undefined)));
}
