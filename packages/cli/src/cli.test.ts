import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// These run the built command exactly as `npx jixiao` does (`npm test` builds first).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const seed = (id: string) => fileURLToPath(new URL(`../../core/fixtures/seeds/${id}.json`, import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));

describe('jixiao score', () => {
  it.each([
    ['000', '98.4', '优'],
    ['002', '97.75', '优'],
    ['004', '99.3', '优'],
  ])('seed %s --json → total %s, grade %s', (id, total, grade) => {
    const r = run('score', seed(id), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total).toBe(total);
    expect(json.grade).toBe(grade);
    expect(json.ruleSet).toMatch(/@\d+\.\d+\.\d+$/);
    expect(Array.isArray(json.sections)).toBe(true);
    for (const item of json.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['path', 'name', 'weight', 'score', 'printedScore', 'status', 'explanation']));
    }
  });

  it('shows the execution rate of seed 000 as computed 156.79% against the printed 100%', () => {
    const json = JSON.parse(run('score', seed('000'), '--json').out);
    expect(json.execution).toMatchObject({ rate: '156.79%', printedRate: '100%', score: '10' });
  });

  it('prints a table with computed and printed scores', () => {
    const r = run('score', seed('000'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('预算执行率：计算 156.79%，所印 100%');
    expect(r.out).toContain('总分：98.4（优）');
  });

  it('exits 2 when the file cannot be read and 1 when it breaks the schema', () => {
    expect(run('score', join(tmp, 'missing.json')).code).toBe(2);
    const notJson = join(tmp, 'bad.json');
    writeFileSync(notJson, '{ not json');
    expect(run('score', notJson).code).toBe(2);
    const invalid = join(tmp, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ schemaVersion: 1, header: { title: 't', level: 'project', year: 'x', organisation: 'o' } }));
    const r = run('score', invalid);
    expect(r.code).toBe(1);
    expect(r.err).toContain('$.header.year');
    expect(r.out).toBe('');
  });

  it('refuses an unknown rule set', () => {
    const r = run('score', seed('000'), '--rules', 'no-such-rules');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no-such-rules');
  });
});

describe('jixiao validate', () => {
  it('accepts a seed and lists schema errors with JSON paths', () => {
    expect(run('validate', seed('004')).code).toBe(0);
    const invalid = join(tmp, 'invalid2.json');
    writeFileSync(invalid, JSON.stringify({ schemaVersion: 1, header: { title: 't', level: 'x', year: 2020, organisation: 'o' }, indicators: [{ id: 'a', name: 'n', weight: 5 }] }));
    const r = run('validate', invalid, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.valid).toBe(false);
    expect(json.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['$.header.level', '$.indicators[0].weight']));
  });
});

describe('jixiao rules', () => {
  it('lists and shows rule sets', () => {
    const list = JSON.parse(run('rules', 'list', '--json').out);
    expect(list.map((r: { ref: string }) => r.ref)).toContain('national-project@1.0.0');
    const show = run('rules', 'show', 'yunnan-2017');
    expect(show.code).toBe(0);
    expect(show.out).toContain('项目投入');
    expect(run('rules', 'show', 'nope').code).toBe(1);
  });
});

describe('jixiao targets', () => {
  it('prints the documented JSON shape', () => {
    const r = run('targets', '600批次以上', '--actual', '580批次', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.input).toBe('600批次以上');
    expect(json.parsed).toMatchObject({ kind: 'threshold', op: 'gte', value: '600', unit: '批次' });
    expect(json.evaluation).toMatchObject({ status: 'partly-met', ratio: '0.9667' });
    expect(typeof json.evaluation.explanation).toBe('string');
  });

  it('reads one expression per line from a file, with optional actuals, one JSON object per line', () => {
    const file = join(tmp, 'targets.txt');
    writeFileSync(file, '≧70%\t≧70%\n逐步提高\n≤700元/批次\t800元/批次\n');
    const r = run('targets', '--file', file, '--json');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].evaluation.status).toBe('not-comparable');
    expect(lines[1].parsed.kind).toBe('qualitative');
    expect(lines[1].evaluation).toBeUndefined();
    expect(lines[2].evaluation.status).toBe('partly-met');
  });
});

describe('jixiao demo', () => {
  it('scores all five seeds', () => {
    const r = run('demo');
    expect(r.code).toBe(0);
    for (const id of ['000', '001', '002', '003', '004']) expect(r.out).toContain(`${id} `);
    expect(r.out).toContain('98.4');
    expect(r.out).toContain('97.75');
    expect(r.out).toContain('99.3');
  });
});

describe('jixiao import and export', () => {
  const seedText = fileURLToPath(new URL('../../documents/test/inputs/seeds/000_276cc1fcb4b580db.txt', import.meta.url));

  it('imports a seed text to the interchange format with its report (--json)', () => {
    const r = run('import', seedText, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.document.schemaVersion).toBe(1);
    expect(json.document.meta.printedTotal).toBe('98.4');
    expect(json.report.format).toBe('text');
    expect(Array.isArray(json.report.recognised)).toBe(true);
  });

  it('writes one JSON per document with --out, and exits 2 when a file cannot be imported', () => {
    const out = join(tmp, 'imported');
    const bad = join(tmp, 'old.xls');
    writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
    const r = run('import', seedText, bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('000_276cc1fcb4b580db.json');
    expect(r.err).toContain('old.xls');
    const again = run('score', join(out, '000_276cc1fcb4b580db.json'), '--json');
    expect(JSON.parse(again.out).total).toBe('98.4');
  });

  it('scores and audits a text file directly, importing it first', () => {
    expect(JSON.parse(run('score', seedText, '--json').out).total).toBe('98.4');
    const audit = run('audit', seedText, '--json');
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.out).findings.map((f: { code: string }) => f.code)).toContain('ARITH-EXEC-RATE');
  });

  it('exports the 自评表 and 自评报告 that import back to the same score', () => {
    const xlsx = join(tmp, 'out.xlsx');
    const docx = join(tmp, 'out.docx');
    expect(run('export', seed('000'), '--xlsx', '--out', xlsx).code).toBe(0);
    expect(run('export', seed('000'), '--docx', '--out', docx).code).toBe(0);
    expect(JSON.parse(run('score', xlsx, '--json').out).total).toBe('98.4');
    expect(JSON.parse(run('score', docx, '--json').out).total).toBe('98.4');
    expect(run('export', seed('000')).code).toBe(1);
  });

  it('exports a goals document (a real 申报表 sheet) as the 绩效目标申报表 that imports back the same', async () => {
    const real = fileURLToPath(new URL('../../documents/test/inputs/real/shenzhen-songgang-2023-goals-b.xlsx', import.meta.url));
    const dir = join(tmp, 'goals');
    expect(run('import', real, '--out', dir).code).toBe(0);
    const first = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()[0]!;
    const json = join(dir, first);
    const original = JSON.parse(readFileSync(json, 'utf8'));
    expect(original.header.stage).toBe('goals');
    const xlsx = join(tmp, 'goals-out.xlsx');
    const r = run('export', json, '--xlsx', '--out', xlsx);
    expect(r.code).toBe(0);
    expect(r.err).toContain('绩效目标申报表');
    const back = JSON.parse(run('import', xlsx, '--json').out).document;
    expect(back.header.stage).toBe('goals');
    for (const key of ['projectCode', 'projectName', 'organisation', 'year']) expect(back.header[key]).toEqual(original.header[key]);
    expect(back.goals).toEqual(original.goals);
    const names = (nodes: Array<{ name: string; target?: string; children?: unknown[] }>): unknown[] =>
      nodes.map((n) => [n.name, n.target, n.children ? names(n.children as typeof nodes) : []]);
    expect(names(back.indicators)).toEqual(names(original.indicators));
  });
});

describe('jixiao audit', () => {
  it('exits 1 on error-level findings, 0 on a document without any, 2 when unreadable', () => {
    expect(run('audit', seed('000')).code).toBe(1);
    expect(run('audit', seed('002')).code).toBe(0);
    expect(run('audit', join(tmp, 'nowhere.json')).code).toBe(2);
  });

  it('prints the documented JSON, one object per file with several files', () => {
    const one = JSON.parse(run('audit', seed('004'), '--json').out);
    const codes = one.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['WEIGHT-SECTION-DECLARED', 'PROSE-FIGURE-MISMATCH']));
    for (const f of one.findings) expect(Object.keys(f).sort()).toEqual(['code', 'figures', 'location', 'message', 'path', 'severity', 'suggestion']);
    const several = JSON.parse(run('audit', seed('000'), seed('004'), '--json').out);
    expect(several).toHaveLength(2);
    expect(several[0].file).toContain('000.json');
    expect(Array.isArray(several[1].findings)).toBe(true);
  });

  it('filters by --min-severity', () => {
    const errors = JSON.parse(run('audit', seed('000'), '--json', '--min-severity', 'error').out);
    expect(errors.findings.length).toBeGreaterThan(0);
    expect(errors.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });
});
