/**
 * @module Exporter throughput: docx and xlsx files per second for a one-project document (seed 000), one
 * export at a time on one core. Prints one JSON line per measure on stdout, progress on stderr.
 *
 *     npx tsc -b packages/documents && node packages/documents/bench/export.bench.mjs [seconds]
 */
import { readFileSync } from 'node:fs';
import { EvaluationDocument } from '@jixiao/core';
import { exportDocx, exportXlsx } from '../dist/index.js';

const seconds = Number(process.argv[2] ?? 3);
const doc = EvaluationDocument.parse(JSON.parse(readFileSync(new URL('../../core/fixtures/seeds/000.json', import.meta.url), 'utf8')));

async function measure(name, run) {
  for (let i = 0; i < 10; i++) await run(); // warm-up
  let files = 0;
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    bytes += (await run()).byteLength;
    files++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const value = Math.round((files / elapsed) * 10) / 10;
  process.stderr.write(
    `${name}: ${files} files in ${elapsed.toFixed(2)} s (${(cpuSeconds / files * 1000).toFixed(1)} ms CPU each, ${Math.round(files / cpuSeconds)} per CPU-second), ${Math.round(bytes / files / 1024)} KiB each\n`,
  );
  process.stdout.write(`${JSON.stringify({ bench: name, unit: 'files/s', value })}\n`);
}

await measure('export-docx', () => exportDocx(doc));
await measure('export-xlsx', () => exportXlsx(doc));
