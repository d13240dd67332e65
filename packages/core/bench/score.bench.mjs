// Scoring throughput on the deterministic province-scale set (parsing of targets and actuals included:
// the parse caches are cleared before every run).
// Prints {"bench":"score","unit":"indicators/s","value":N,…} on stdout; progress on stderr.
// value is indicators per CPU-second of this process (one core): wall-clock figures swing when other
// work shares the machine; wall_per_s is reported beside it.
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
  clearTargetCaches();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let check = 0;
  for (const d of docs) check += scoreDocument(d).total.units > 0n ? 1 : 0;
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, check };
}
log('warm-up …');
run();
const runs = [];
for (let i = 0; i < 3; i++) {
  globalThis.gc?.();
  const r = run();
  runs.push(r);
  log(`run ${i + 1}: ${r.cpu.toFixed(0)} ms CPU, ${r.wall.toFixed(0)} ms wall (${((indicators / r.cpu) * 1000).toFixed(0)} indicators per CPU-second)`);
}
const best = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
console.log(JSON.stringify({
  bench: 'score', unit: 'indicators/s', value: Math.round((indicators / best.cpu) * 1000),
  wall_per_s: Math.round((indicators / best.wall) * 1000), documents: docs.length, indicators,
}));
