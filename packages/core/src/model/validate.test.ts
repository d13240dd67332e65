import { describe, expect, it } from 'vitest';
import { parseDocument, jsonPath } from './validate.js';
import { walkIndicators, humanPath } from './tree.js';

const minimal = {
  schemaVersion: 1,
  header: { title: 't', level: 'project', year: 2020, organisation: '某单位' },
  indicators: [
    { id: 'a', name: '产出指标', children: [{ id: 'a1', name: '数量指标', children: [{ id: 'a11', name: '抽查量', weight: '20', target: '600批次以上', actual: '644批次' }] }] },
  ],
};

describe('parseDocument', () => {
  it('accepts a minimal document and fills defaults', () => {
    const r = parseDocument(minimal);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.document.header.stage).toBe('self-evaluation');
      expect(r.document.prose).toEqual([]);
    }
  });

  it('reports each problem with its JSON path', () => {
    const bad = structuredClone(minimal) as Record<string, unknown>;
    (bad['indicators'] as Array<{ children: Array<{ children: Array<Record<string, unknown>> }> }>)[0]!.children[0]!.children[0]!['weight'] = 20;
    (bad['header'] as Record<string, unknown>)['year'] = 'x';
    const r = parseDocument(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toContain('$.indicators[0].children[0].children[0].weight');
      expect(paths).toContain('$.header.year');
    }
  });

  it('rejects figures written as binary numbers or with units', () => {
    for (const weight of ['20分', '1e3', '', ' 5']) {
      const doc = structuredClone(minimal);
      doc.indicators[0]!.children[0]!.children[0]!.weight = weight;
      expect(parseDocument(doc).ok).toBe(false);
    }
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], {}, { schemaVersion: 2 }]) expect(parseDocument(junk).ok).toBe(false);
  });
});

describe('tree helpers', () => {
  it('walks depth-first with paths', () => {
    const r = parseDocument(minimal);
    if (!r.ok) throw new Error('fixture invalid');
    const visits = [...walkIndicators(r.document.indicators)];
    expect(visits.map((v) => v.path)).toEqual([
      '$.indicators[0]',
      '$.indicators[0].children[0]',
      '$.indicators[0].children[0].children[0]',
    ]);
    expect(humanPath(visits[2]!.names)).toBe('产出指标 › 数量指标 › 抽查量');
    expect(visits[2]!.depth).toBe(2);
  });

  it('renders unusual keys in JSON paths', () => {
    expect(jsonPath(['a', 0, 'b c'])).toBe('$.a[0]["b c"]');
  });
});
