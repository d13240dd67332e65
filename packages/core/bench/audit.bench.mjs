// Audit throughput on the deterministic province-scale set, with the score report reused (as the
// CLI and server do: score once, audit with `{ score }`), plus the same with scoring included and on
// the five seed reports (prose, money tables, department data).
// Prints {"bench":"audit","unit":"documents/s","value":N} (and two more measures) on stdout; progress on stderr.
import { readFileSync } from 'node:fs';
import { auditDocument, generateProvince, parseDocument, scoreDocument } from '../dist/index.js';

const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 40_000);
const log = (s) => process.stderr.write(`${s}\n`);

log(`generating ${evaluations} evaluations …`);
const docs = [...generateProvince({ evaluations })];
const reports = docs.map((d) => scoreDocument(d));
const seeds = ['000', '001', '002', '003', '004'].map((id) => {
  const r = parseDocument(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${id}.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(`seed ${id} invalid`);
  return r.document;
});

function measure(name, rounds, body) {
  body(); // warm-up
  const runs = [];
  let check = 0;
  for (let i = 0; i < rounds; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    check = body();
    const ms = performance.now() - t0;
    runs.push(ms);
    log(`${name} run ${i + 1}: ${ms.toFixed(0)} ms`);
  }
  return { best: Math.min(...runs), check };
}

const reused = measure('audit (score reused)', 5, () => {
  let findings = 0;
  for (let i = 0; i < docs.length; i++) findings += auditDocument(docs[i], { score: reports[i] }).findings.length;
  return findings;
});
console.log(JSON.stringify({
  bench: 'audit',
  unit: 'documents/s',
  value: Math.round((docs.length / reused.best) * 1000),
  documents: docs.length,
  findings: reused.check,
  scoring: 'reused (score report passed in)',
}));

const withScoring = measure('audit + score', 3, () => {
  let findings = 0;
  for (const d of docs) findings += auditDocument(d).findings.length;
  return findings;
});
console.log(JSON.stringify({ bench: 'audit-with-scoring', unit: 'documents/s', value: Math.round((docs.length / withScoring.best) * 1000), documents: docs.length }));

const seedRounds = 200;
const seedRun = measure('audit seeds', 3, () => {
  let findings = 0;
  for (let k = 0; k < seedRounds; k++) for (const d of seeds) findings += auditDocument(d).findings.length;
  return findings;
});
console.log(JSON.stringify({ bench: 'audit-seeds', unit: 'documents/s', value: Math.round(((seeds.length * seedRounds) / seedRun.best) * 1000), documents: seeds.length, scoring: 'included' }));
