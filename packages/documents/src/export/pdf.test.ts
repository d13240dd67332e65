import { afterEach, describe, expect, it } from 'vitest';
import { exportPdf, run } from './pdf.js';
import { sampleProject } from './testing.js';
import { ExportError } from './types.js';

describe('PDF export without a converter', () => {
  const path = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = path;
  });

  it('throws no-converter naming what to install', async () => {
    process.env['PATH'] = '/nonexistent';
    const err = await exportPdf(sampleProject(), { converter: 'libreoffice' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).code).toBe('no-converter');
    expect((err as ExportError).message).toContain('apt-get install libreoffice-writer');
  });
});

describe('running a converter', () => {
  it('kills a program that runs too long, with its process group', async () => {
    const started = Date.now();
    const r = await run('/bin/sh', ['-c', 'sleep 30 & sleep 30'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a missing program instead of throwing', async () => {
    const r = await run('/nonexistent/soffice', [], { timeoutMs: 1000 });
    expect(r.code).toBeNull();
    expect(r.stderr).toMatch(/ENOENT/);
  });
});
