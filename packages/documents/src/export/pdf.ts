/**
 * @module The 自评报告 as PDF, through a converter installed on the machine.
 *
 * LibreOffice (preferred) converts the docx: `soffice --headless --convert-to pdf --outdir DIR FILE`, in a
 * fresh temporary directory with its own profile (`-env:UserInstallation=file:///…`) so parallel runs do
 * not share — and lock — one profile. Chromium (fallback) prints the HTML rendering of the same report
 * model. Each run has a time limit after which its whole process group is killed. With neither installed,
 * `ExportError('no-converter')` says what to install.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EvaluationDocument } from '@jixiao/core';
import { exportDocx } from './docx.js';
import { exportHtml } from './html.js';
import type { PdfExportOptions } from './types.js';
import { ExportError } from './types.js';

const DEFAULT_TIMEOUT_MS = 120_000;

const SOFFICE_NAMES = ['soffice', 'libreoffice'];
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first of `names` found executable on PATH (or among `extra` absolute paths). */
export async function findExecutable(names: readonly string[], extra: readonly string[] = []): Promise<string | undefined> {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  const candidates = [...names.flatMap((n) => dirs.map((d) => join(d, n))), ...extra];
  for (const c of candidates) {
    try {
      await access(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const findSoffice = (): Promise<string | undefined> => findExecutable(SOFFICE_NAMES);
export const findChromium = (): Promise<string | undefined> => findExecutable(CHROMIUM_NAMES, CHROMIUM_PATHS);

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a program in its own process group; on timeout the whole group is killed. Never rejects. */
export function run(command: string, args: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 65_536) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 65_536) stderr += d;
    });
    const kill = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: stderr + String(err), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) kill();
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

async function readPdf(path: string): Promise<Uint8Array | undefined> {
  try {
    const bytes = await readFile(path);
    return bytes.length > 4 && bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  } catch {
    return undefined;
  }
}

function failure(tool: string, r: RunResult, timeoutMs: number): ExportError {
  if (r.timedOut) return new ExportError('timeout', `${tool}在 ${Math.round(timeoutMs / 1000)} 秒内未完成 PDF 转换，已终止。`);
  const detail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ');
  return new ExportError('conversion-failed', `${tool}未能生成 PDF（退出码 ${String(r.code ?? r.signal)}）${detail ? `：${detail}` : '。'}`, { cause: r });
}

/**
 * Converts a file (docx, xlsx …) to PDF with LibreOffice, in `workDir` (which must be empty and private to
 * this run: the profile lives there). Returns the PDF bytes.
 */
export async function convertWithLibreOffice(soffice: string, inputPath: string, workDir: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Uint8Array> {
  const profile = pathToFileURL(join(workDir, 'lo-profile')).href;
  const outDir = join(workDir, 'out');
  const r = await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, inputPath], {
    timeoutMs,
    env: { ...process.env, HOME: workDir },
  });
  const base = inputPath.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const pdf = await readPdf(join(outDir, `${base}.pdf`));
  if (!pdf) throw failure('LibreOffice ', r, timeoutMs);
  return pdf;
}

/** Prints an HTML file to PDF with headless Chromium, in `workDir` (private to this run). */
export async function convertWithChromium(chromium: string, htmlPath: string, workDir: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Uint8Array> {
  const out = join(workDir, 'out.pdf');
  const r = await run(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(workDir, 'chromium-profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(htmlPath).href,
    ],
    { timeoutMs, env: { ...process.env, HOME: workDir } },
  );
  const pdf = await readPdf(out);
  if (!pdf) throw failure('Chromium ', r, timeoutMs);
  return pdf;
}

const INSTALL_HINT =
  '未找到 PDF 转换程序。请安装 LibreOffice（Debian / Ubuntu：apt-get install libreoffice-writer，并安装中文字体 fonts-noto-cjk）或 Chromium（apt-get install chromium），然后重试；也可以先导出 docx 再自行转换。';

/** Exports the self-evaluation report as PDF bytes (see the module comment for how). */
export async function exportPdf(doc: EvaluationDocument, options: PdfExportOptions = {}): Promise<Uint8Array> {
  const converter = options.converter ?? 'auto';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const soffice = converter === 'chromium' ? undefined : await findSoffice();
  const chromium = converter === 'libreoffice' ? undefined : await findChromium();
  if (!soffice && !chromium) {
    const which =
      converter === 'libreoffice'
        ? '未找到 LibreOffice（soffice）。请安装：apt-get install libreoffice-writer（中文字体：fonts-noto-cjk）。'
        : converter === 'chromium'
          ? '未找到 Chromium。请安装：apt-get install chromium（中文字体：fonts-noto-cjk）。'
          : INSTALL_HINT;
    throw new ExportError('no-converter', which);
  }
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    let first: ExportError | undefined;
    if (soffice) {
      try {
        const input = join(dir, 'report.docx');
        await writeFile(input, await exportDocx(doc, options));
        return await convertWithLibreOffice(soffice, input, dir, timeoutMs);
      } catch (err) {
        if (!(err instanceof ExportError)) throw err;
        first = err;
      }
    }
    if (chromium) {
      const input = join(dir, 'report.html');
      await writeFile(input, exportHtml(doc, options), 'utf8');
      try {
        return await convertWithChromium(chromium, input, dir, timeoutMs);
      } catch (err) {
        throw first ?? err;
      }
    }
    throw first ?? new ExportError('conversion-failed', 'PDF 转换失败。');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
