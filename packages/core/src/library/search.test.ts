import { describe, expect, it } from 'vitest';
import { generateProvince } from '../generate/province.js';
import { applyCuration, buildLibrary, matchRelevance, rankScore, searchLibrary, usagePrior } from './index.js';
import { docWith, SEEDS } from './testing.test.js';

const province = buildLibrary([...SEEDS, ...generateProvince({ evaluations: 2000 })]);
const names = (q: string, o?: Parameters<typeof searchLibrary>[2]) => searchLibrary(province, q, o).map((h) => h.name);

describe('searchLibrary', () => {
  it('“食品抽检” finds “市本级食品抽检批次” and the other food-sampling indicators', () => {
    const hits = searchLibrary(province, '食品抽检');
    expect(hits.map((h) => h.name)).toContain('市本级食品抽检批次');
    expect(hits.every((h) => h.match === 'substring' || h.match === 'prefix' || h.match === 'similar')).toBe(true);
    expect(hits.find((h) => h.name === '市本级食品抽检批次')).toMatchObject({ match: 'substring', family: '批次', unit: '批次' });
  });

  it('synonyms meet: “抽查合格率” is the entry 抽检合格率, exactly', () => {
    expect(searchLibrary(province, '抽查合格率')[0]).toMatchObject({ name: '抽检合格率', match: 'exact', family: '%' });
  });

  it('prefix before substring before similar; typos still found by shared bigrams', () => {
    const hits = searchLibrary(province, '监督抽');
    expect(hits[0]).toMatchObject({ match: 'prefix', normalized: '监督抽检批次' });
    expect(names('抽检批次监督')).toContain('监督抽查批次');
    expect(names('服务对像满意度')).toContain('服务对象满意度');
  });

  it('one character and empty queries', () => {
    expect(searchLibrary(province, '率', { limit: 50 }).every((h) => h.normalized.includes('率'))).toBe(true);
    const top = searchLibrary(province, '', { limit: 3 });
    expect(top).toHaveLength(3);
    expect(top[0]!.uses).toBeGreaterThanOrEqual(top[2]!.uses);
  });

  it('filters by category, and honours the limit', () => {
    const satisfied = searchLibrary(province, '满意', { category: 'service-satisfaction', limit: 50 });
    expect(satisfied.map((h) => h.normalized)).toContain('服务对象满意度');
    expect(searchLibrary(province, '满意', { limit: 50 }).length).toBeGreaterThan(satisfied.length);
    for (const h of satisfied) expect(province.entries.find((e) => e.key === h.key)!.categories.some((c) => c.value === 'service-satisfaction')).toBe(true);
    expect(searchLibrary(province, '率', { limit: 2 })).toHaveLength(2);
  });

  it('filters by sector and project type', () => {
    const lib = buildLibrary([
      docWith('甲', 2023, [['食品抽检批次', '≥100批次']], { sector: '市场监管' }),
      docWith('乙', 2023, [['食品抽检合格率', '≥95%']], { sector: '卫生健康', projectType: '专项业务类' }),
    ]);
    expect(searchLibrary(lib, '食品', { sector: '卫生健康' }).map((h) => h.name)).toEqual(['食品抽检合格率']);
    expect(searchLibrary(lib, '食品', { projectType: '专项业务类' }).map((h) => h.name)).toEqual(['食品抽检合格率']);
    expect(searchLibrary(lib, '食品', { sector: '教育' })).toEqual([]);
  });

  it('ranks by how often and how well an indicator was used, and by the recommended flag', () => {
    const docs = [
      ...Array.from({ length: 6 }, (_, i) => docWith(`单位${i}`, 2023, [['培训人次', '≥100人次', '120人次']])),
      docWith('甲', 2023, [['培训人数', '≥100人', '50人']]),
    ];
    const lib = buildLibrary(docs);
    expect(searchLibrary(lib, '培训').map((h) => h.name)).toEqual(['培训人次', '培训人数']);
    const curated = applyCuration(lib, [{ kind: 'recommend', key: '培训人数|人', recommended: true, by: 'f', at: '2024-01-01' }]).library;
    expect(searchLibrary(curated, '培训').map((h) => h.name)).toEqual(['培训人数', '培训人次']);
  });

  it('retired entries are left out unless asked for, and then ranked lower', () => {
    const lib = applyCuration(province, [{ kind: 'retire', key: '抽检合格率|%', reason: '改用“监督抽检合格率”', by: 'f', at: '2024-01-01' }]).library;
    expect(searchLibrary(lib, '抽检合格率').map((h) => h.key)).not.toContain('抽检合格率|%');
    expect(searchLibrary(lib, '抽检合格率', { includeRetired: true }).find((h) => h.key === '抽检合格率|%')).toMatchObject({ retired: true });
  });

  it('hits are small plain objects whose score is rankScore of their parts', () => {
    const [h] = searchLibrary(province, '抽检合格率');
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
    const e = province.entries.find((x) => x.key === h!.key)!;
    const maxUses = Math.max(...province.entries.map((x) => x.uses));
    const newestYear = Math.max(...province.entries.map((x) => x.lastYear));
    expect(h!.score).toBeCloseTo(
      rankScore({ relevance: 1, uses: e.uses, maxUses, completion: Number(e.completionRate), lastYear: e.lastYear, newestYear, recommended: false, retired: false }),
      12,
    );
  });

  it('deterministic: the same query gives the same hits in the same order', () => {
    expect(searchLibrary(province, '率', { limit: 20 })).toEqual(searchLibrary(province, '率', { limit: 20 }));
  });

  it('answers fast from memory (well under a millisecond a query)', () => {
    const queries = ['食品抽检', '抽查', '满意', '合格率', '批次', '监督', '培训人次', '办结', '成本', '长效'];
    searchLibrary(province, '预热');
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) searchLibrary(province, queries[i % queries.length]!);
    expect((performance.now() - t0) / 2000).toBeLessThan(1);
  });
});

describe('matchRelevance and the prior', () => {
  it.each([
    ['抽检合格率', '抽检合格率', 'exact', 1],
    ['抽检', '抽检合格率', 'prefix', 0.94],
    ['合格率', '抽检合格率', 'substring', 0.76],
    ['抽检合格', '监督抽检合格率', 'substring', 0.7571],
    ['合格抽检率', '抽检合格率', 'similar', 0.3],
    ['培训', '抽检合格率', undefined, undefined],
  ])('%s in %s: %s', (q, n, match, relevance) => {
    const m = matchRelevance(q, n);
    expect(m?.match).toBe(match);
    if (relevance !== undefined) expect(m!.relevance).toBeCloseTo(relevance, 3);
  });

  it('the prior grows with uses, completion and recency', () => {
    const base = { uses: 10, maxUses: 100, completion: 0.5, lastYear: 2023, newestYear: 2023 };
    expect(usagePrior({ ...base, uses: 50 })).toBeGreaterThan(usagePrior(base));
    expect(usagePrior({ ...base, completion: 0.9 })).toBeGreaterThan(usagePrior(base));
    expect(usagePrior({ ...base, lastYear: 2020 })).toBeLessThan(usagePrior(base));
    expect(usagePrior({ ...base, completion: undefined })).toBe(usagePrior(base));
  });
});
