// Scoring (and, once built, auditing) throughput on the deterministic province-scale set.
// Prints {"bench":"score","unit":"indicators/s","value":N} on stdout; progress on stderr.
import { generateProvince, scoreDocument, clearTargetCaches } from '../dist/index.js';

const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 40_000);
const log = (s) => process.stderr.write(`${s}\n`);

log(`generating ${evaluations} evaluations …`);
const docs = [...generateProvince({ evaluations })];
let indicators = 0;
const countLeaves = (nodes) => { for (const n of nodes) { if (n.children?.length) countLeaves(n.children); else indicators++; } };
for (const d of docs) countLeaves(d.indicators);
log(`${docs.length} documents, ${indicators} indicators`);

function run() {
  clearTargetCaches?.();
  const t0 = performance.now();
  let check = 0;
  for (const d of docs) check += scoreDocument(d).items.length;
  return { ms: performance.now() - t0, check };
}
log('warm-up …');
run();
const runs = [];
for (let i = 0; i < 3; i++) {
  globalThis.gc?.();
  const r = run();
  runs.push(r.ms);
  log(`run ${i + 1}: ${r.ms.toFixed(0)} ms (${((indicators / r.ms) * 1000).toFixed(0)} indicators/s)`);
}
const best = Math.min(...runs);
console.log(JSON.stringify({ bench: 'score', unit: 'indicators/s', value: Math.round((indicators / best) * 1000), documents: docs.length, indicators, parsing: 'included (cold caches each run)' }));
