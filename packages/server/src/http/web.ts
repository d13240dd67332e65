/**
 * @module Serving the built web app (`packages/web/dist`) from the same origin as the API: files by
 * path inside that directory only, the app's `index.html` for client-side routes, long caching for
 * hashed assets, and a Content-Security-Policy for a page (the API's own policy forbids everything).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where the web app is built to, next to this package in the workspace. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The page policy: own scripts only; inline styles (Ant Design writes them); API calls to the same origin. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

export interface WebApp {
  dir: string;
  handle(c: Context): Promise<Response | undefined>;
}

/** The directory to serve the web app from, per configuration: WEB_DIR, 'off', or the workspace default. */
export function webDirFor(config: { WEB_DIR?: string | undefined }): string | undefined {
  if (config.WEB_DIR === 'off') return undefined;
  return config.WEB_DIR ?? DEFAULT_WEB_DIR;
}

/** The web app in `dir`, or undefined when it has not been built (`dir/index.html` missing). */
export function webApp(dir: string | undefined): WebApp | undefined {
  if (!dir) return undefined;
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return undefined;
  const cache = new Map<string, Uint8Array>();

  const read = async (file: string): Promise<Uint8Array | undefined> => {
    const hit = cache.get(file);
    if (hit) return hit;
    try {
      if (!statSync(file).isFile()) return undefined;
      const bytes = new Uint8Array(await readFile(file));
      if (bytes.length < 2 * 1024 * 1024) cache.set(file, bytes);
      return bytes;
    } catch {
      return undefined;
    }
  };

  return {
    dir: root,
    async handle(c) {
      let path: string;
      try {
        path = decodeURIComponent(new URL(c.req.url).pathname);
      } catch {
        return undefined;
      }
      if (path.includes('\0') || path.split('/').includes('..')) return undefined;
      const file = resolve(root, `.${path}`);
      if (file !== root && !file.startsWith(root + sep)) return undefined;
      const isAsset = extname(path) !== '';
      let bytes = path.endsWith('/') ? undefined : await read(file);
      let served = file;
      if (!bytes) {
        // A client-side route: the app's shell. A missing file with an extension is a 404.
        if (isAsset) return undefined;
        served = join(root, 'index.html');
        bytes = await read(served);
        if (!bytes) return undefined;
      }
      const type = TYPES[extname(served).toLowerCase()] ?? 'application/octet-stream';
      const immutable = served.startsWith(join(root, 'assets') + sep);
      c.header('Content-Type', type);
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      c.header('Content-Security-Policy', PAGE_CSP);
      c.header('Cross-Origin-Resource-Policy', 'same-origin');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    },
  };
}
