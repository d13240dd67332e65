/**
 * Opens every export in LibreOffice (headless), renders the PDF pages to PNG and keeps them under
 * artifacts/documents/ at the repository root. Runs whenever soffice is installed, and always in CI,
 * where a missing converter fails the run instead of skipping it.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { convertWithLibreOffice, exportPdf, findChromium, findExecutable, findSoffice, run } from './pdf.js';
import { sampleProject, seedFixtures } from './testing.js';
import type { ExportOptions } from './types.js';
import { exportXlsx } from './xlsx.js';
import type { EvaluationDocument } from '@jixiao/core';

const soffice = await findSoffice();
const chromium = await findChromium();
const pdftoppm = await findExecutable(['pdftoppm']);
const pdftotext = await findExecutable(['pdftotext']);
const pdffonts = await findExecutable(['pdffonts']);
const ARTIFACTS = fileURLToPath(new URL('../../../../artifacts/documents/', import.meta.url));
const inCi = Boolean(process.env['CI']);

async function keep(name: string, pdf: Uint8Array): Promise<{ pages: number; text: string; fonts: string }> {
  await mkdir(ARTIFACTS, { recursive: true });
  for (const f of await readdir(ARTIFACTS)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) await rm(join(ARTIFACTS, f));
  const pdfPath = join(ARTIFACTS, `${name}.pdf`);
  await writeFile(pdfPath, pdf);
  const r = await run(pdftoppm!, ['-r', '60', '-png', pdfPath, join(ARTIFACTS, name)], { timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  const pages = (await readdir(ARTIFACTS)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
  const text = (await run(pdftotext!, ['-layout', pdfPath, '-'], { timeoutMs: 60_000 })).stdout;
  const fonts = (await run(pdffonts!, [pdfPath], { timeoutMs: 60_000 })).stdout;
  return { pages, text, fonts };
}

const scored: ExportOptions = {
  scoring: {
    ruleSet: 'national-project@1',
    total: '96.3',
    grade: '优',
    execution: { rate: '156.79%', score: '10', explanation: '执行率超过100%按100%计分' },
    items: { 'ben.soc.1': { score: '28.8', explanation: '定性指标按达成档次（80%–100%）评分', status: 'within-band' }, 'out.qual.2': { score: '13.5', status: 'partly-met' } },
  },
  findings: [
    { code: 'execution-rate-printed', severity: 'warning', message: '执行率印作100%，按数据计算为156.79%', location: '自评表 执行率', suggestion: '按全年执行数÷全年预算数重新填列执行率' },
    { code: 'qualitative-target', severity: 'warning', message: '“维护市场经济秩序”的年度指标值“逐步提高”不可量化', location: '效益指标 › 社会效益指标', suggestion: '设置可量化的年度指标值' },
  ],
};
const docs: Array<{ name: string; doc: EvaluationDocument; options?: ExportOptions }> = [
  { name: 'sample', doc: sampleProject() },
  { name: 'sample-scored', doc: sampleProject({ prose: [] }), options: scored },
  ...seedFixtures(),
];

describe.runIf(soffice !== undefined || inCi)('LibreOffice opens and renders the exports', () => {
  it('has LibreOffice and poppler installed', () => {
    expect(soffice, 'soffice (apt-get install libreoffice-writer libreoffice-calc)').toBeDefined();
    expect(pdftoppm, 'pdftoppm (apt-get install poppler-utils)').toBeDefined();
  });

  it.each(docs.map((d) => [d.name, d.doc, d.options] as const))('renders %s as xlsx and docx', async (name, doc, options) => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-render-'));
    try {
      for (const kind of ['xlsx', 'docx'] as const) {
        const work = join(dir, kind);
        await mkdir(work);
        const input = join(work, `${name}.${kind}`);
        await writeFile(input, kind === 'xlsx' ? await exportXlsx(doc, options) : await exportDocx(doc, options));
        const pdf = await convertWithLibreOffice(soffice!, input, work, 180_000);
        const { pages, text, fonts } = await keep(`${name}-${kind}`, pdf);
        expect(pages, `${name}.${kind} pages`).toBeGreaterThanOrEqual(1);
        // Chinese is rendered with a CJK font, and the text reads back.
        expect(fonts).toMatch(/CJK/);
        const compact = text.replace(/\s+/g, '');
        expect(compact).toContain(`${doc.header.year}年度`);
        expect(compact).toContain('绩效自评表');
        if (kind === 'docx') {
          expect(compact).toContain(doc.header.title.replace(/\s+/g, ''));
          expect(text).toMatch(/—\s*1\s*—/);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('exports a PDF through LibreOffice', async () => {
    const pdf = await exportPdf(sampleProject(), { converter: 'libreoffice' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await keep('sample-pdf-libreoffice', pdf);
    expect(text.replace(/\s+/g, '')).toContain('2020年度质量监管项目资金绩效自评报告');
  }, 180_000);

  it.runIf(chromium !== undefined)('exports a PDF through Chromium', async () => {
    const pdf = await exportPdf(sampleProject(), { converter: 'chromium' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Chromium embeds glyphs as Type 3 fonts; the text still reads back through their ToUnicode maps.
    const { text } = await keep('sample-pdf-chromium', pdf);
    expect(text.replace(/\s+/g, '')).toContain('2020年度质量监管项目资金绩效自评报告');
    expect(text).toMatch(/—\s*1\s*—/);
  }, 180_000);
});
