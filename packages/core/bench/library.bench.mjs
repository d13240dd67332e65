// Indicator library (指标库) on the deterministic province-scale set plus the five seeds: building the
// library from 40,000 documents (600,000 indicators), then search-as-you-type queries from memory.
// Prints {"bench":"library-build","unit":"indicators/s","value":N} and
// {"bench":"library-search","unit":"queries/s","value":N,"p95_ms":…} on stdout; progress on stderr.
import { readFileSync } from 'node:fs';
import { buildLibrary, generateProvince, parseDocument, searchLibrary } from '../dist/index.js';

const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 40_000);
const log = (s) => process.stderr.write(`${s}\n`);

log(`generating ${evaluations} evaluations …`);
const seeds = ['000', '001', '002', '003', '004'].map((id) => {
  const r = parseDocument(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${id}.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(`seed ${id} invalid`);
  return r.document;
});
const docs = [...seeds, ...generateProvince({ evaluations })];

// Build: best of 3 (the first run also warms the parse caches, as a long-running server would be).
let library;
const builds = [];
for (let i = 0; i < 3; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  library = buildLibrary(docs);
  const ms = performance.now() - t0;
  builds.push(ms);
  log(`build run ${i + 1}: ${ms.toFixed(0)} ms, ${library.indicators} indicators, ${library.entries.length} entries`);
}
const bestBuild = Math.min(...builds);
console.log(JSON.stringify({
  bench: 'library-build',
  unit: 'indicators/s',
  value: Math.round((library.indicators / bestBuild) * 1000),
  indicators: library.indicators,
  documents: library.documents,
  entries: library.entries.length,
  best_ms: Math.round(bestBuild),
  first_ms: Math.round(builds[0]),
}));

// Search: what a preparer types, keystroke by keystroke (prefixes of real names), plus misspellings.
const names = ['市本级食品抽检批次', '食品抽检', '监督抽查批次', '抽查合格率', '服务对象满意度', '培训人次', '办结时限', '单位抽检成本', '企业减负金额', '群众安全感', '长效机制', '问题整改率', '检查企业数量', '宣传活动次数', '特种设备检验率', '服务对像满意'];
const queries = names.flatMap((n) => [...n].map((_, i) => n.slice(0, i + 1)));
searchLibrary(library, '预热'); // builds the search index (timed separately)
const t1 = performance.now();
searchLibrary(library, '');
log(`search index ready in ${(performance.now() - t1).toFixed(1)} ms; ${queries.length} distinct queries`);
const rounds = 200;
const times = new Float64Array(rounds * queries.length);
let k = 0;
let hits = 0;
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    const t0 = performance.now();
    hits += searchLibrary(library, q, { limit: 10 }).length;
    times[k++] = performance.now() - t0;
  }
}
const total = times.reduce((a, b) => a + b, 0);
const sorted = [...times].sort((a, b) => a - b);
const p95 = sorted[Math.floor(sorted.length * 0.95)];
const p50 = sorted[Math.floor(sorted.length * 0.5)];
log(`search: ${k} queries in ${total.toFixed(0)} ms, p50 ${p50.toFixed(4)} ms, p95 ${p95.toFixed(4)} ms, ${hits} hits`);
console.log(JSON.stringify({
  bench: 'library-search',
  unit: 'queries/s',
  value: Math.round((k / total) * 1000),
  p95_ms: Number(p95.toFixed(4)),
  p50_ms: Number(p50.toFixed(4)),
  queries: k,
  entries: library.entries.length,
}));
