import { describe, expect, it } from 'vitest';
import { generateProvince } from '../generate/province.js';
import { buildLibrary, indicatorUses, LibraryBuilder, provinceBase, seedLibrary } from './index.js';
import type { LibraryEntry } from './index.js';
import { docWith, SEEDS } from './testing.test.js';

const entry = (lib: ReturnType<typeof buildLibrary>, key: string): LibraryEntry => {
  const e = lib.entries.find((x) => x.key === key);
  if (!e) throw new Error(`no entry ${key}: ${lib.entries.map((x) => x.key).join(', ')}`);
  return e;
};

describe('indicatorUses', () => {
  it('one plain row per leaf with a target, with key, base-unit values and whether it was met', () => {
    const uses = indicatorUses(docWith('甲局', 2023, [['监督抽查批次3', '≥600批', '644批次'], ['企业减负金额', '≥10万元', '80000元'], ['长效机制', '长期有效', '长期'], ['没有目标', '']], { sector: '市场监管', id: 'd1' }));
    expect(uses).toEqual([
      { key: '监督抽检批次|批次', normalized: '监督抽检批次', family: '批次', name: '监督抽查批次', unit: '批', category: 'quantity', direction: 'higher-better', year: 2023, organisation: '甲局', sector: '市场监管', document: 'd1', stage: 'self-evaluation', target: '≥600批', targetValue: '600', actual: '644批次', actualValue: '644', met: true },
      { key: '企业减负金额|元', normalized: '企业减负金额', family: '元', name: '企业减负金额', unit: '万元', category: 'quantity', direction: 'higher-better', year: 2023, organisation: '甲局', sector: '市场监管', document: 'd1', stage: 'self-evaluation', target: '≥10万元', targetValue: '100000', actual: '80000元', actualValue: '80000', met: false },
      { key: '长效机制|qualitative', normalized: '长效机制', family: 'qualitative', name: '长效机制', category: 'quantity', direction: 'qualitative', year: 2023, organisation: '甲局', sector: '市场监管', document: 'd1', stage: 'self-evaluation', target: '长期有效', actual: '长期', met: true },
    ]);
  });

  it('reads cost and time sections as less-is-better', () => {
    const [u] = indicatorUses(docWith('甲局', 2023, [['单批次抽检费用', '700元/批次', '650元/批次']], { section: '成本指标' }));
    expect(u).toMatchObject({ family: '元/批次', direction: 'lower-better', category: 'cost-output', met: true });
  });
});

describe('buildLibrary', () => {
  const docs = [
    docWith('甲局', 2022, [['监督抽查批次', '≥500批次', '520批次'], ['抽检合格率', '≥95%', '96%']]),
    docWith('甲局', 2023, [['监督抽查批次1', '≥600批次', '580批次'], ['抽检合格率', '≥96%', '97%']]),
    docWith('乙局', 2023, [['监督抽检批次', '≥300批', '320批'], ['抽查合格率', '≥90%', '92.5%']], { sector: '市场监管' }),
    docWith('丙局', 2023, [['（一）监督抽查批次', '≥800批次']], { stage: 'goals' }),
  ];
  const lib = buildLibrary(docs);

  it('groups spellings by normalised name and unit family', () => {
    expect(lib.entries.map((e) => [e.key, e.uses])).toEqual([
      ['监督抽检批次|批次', 4],
      ['抽检合格率|%', 3],
    ]);
    expect(lib).toMatchObject({ schema: 1, documents: 4, indicators: 7, curation: [] });
  });

  it('an entry: spellings, units, direction, category, counts, completion and years', () => {
    const e = entry(lib, '监督抽检批次|批次');
    expect(e).toMatchObject({
      name: '监督抽查批次',
      unit: '批次',
      direction: 'higher-better',
      category: 'quantity',
      uses: 4,
      organisations: 3,
      firstYear: 2022,
      lastYear: 2023,
      met: 2,
      evaluated: 3,
      completionRate: '0.6667',
      recommended: false,
      status: 'active',
      aliases: [],
    });
    expect(e.names).toEqual([
      { value: '监督抽查批次', count: 3 },
      { value: '监督抽检批次', count: 1 },
    ]);
    expect(e.units).toEqual([
      { value: '批次', count: 3 },
      { value: '批', count: 1 },
    ]);
    expect(e.sectors).toEqual([{ value: '市场监管', count: 1 }]);
    expect(e.years).toEqual([
      { year: 2022, uses: 1, met: 1, evaluated: 1, targets: [['500', 1]], actuals: [['520', 1]] },
      { year: 2023, uses: 3, met: 1, evaluated: 2, targets: [['300', 1], ['600', 1], ['800', 1]], actuals: [['320', 1], ['580', 1]] },
    ]);
    expect(e.targets).toEqual({ n: 4, min: '300', p10: '300', p25: '300', p50: '500', p75: '600', p90: '800', max: '800' });
    expect(e.byOrganisation).toEqual([
      { organisation: '丙局', year: 2023, target: '≥800批次', uses: 1 },
      { organisation: '乙局', year: 2023, target: '≥300批', actual: '320批', uses: 1 },
      { organisation: '甲局', year: 2023, target: '≥600批次', actual: '580批次', uses: 2 },
    ]);
  });

  it('money in 元 and 万元 is one family, shown in the unit most used', () => {
    const l = buildLibrary([
      docWith('甲', 2023, [['企业减负金额', '≥10万元', '12万元']]),
      docWith('乙', 2023, [['企业减负金额', '≥50000元', '60000元']]),
      docWith('丙', 2023, [['企业减负金额', '≥20万元']]),
    ]);
    const e = entry(l, '企业减负金额|元');
    expect(e.unit).toBe('万元');
    expect(e.targets).toMatchObject({ n: 3, min: '5', p50: '10', max: '20' });
    expect(e.actuals).toMatchObject({ n: 2, min: '6', max: '12' });
  });

  it('is plain JSON data, deterministic, and the same when streamed use by use', () => {
    expect(JSON.parse(JSON.stringify(lib))).toEqual(lib);
    expect(buildLibrary([...docs].reverse())).toEqual(lib);
    const b = new LibraryBuilder();
    let n = 0;
    for (const d of docs) {
      for (const u of indicatorUses(d)) b.addUse(u);
      n++;
    }
    expect({ ...b.build(), documents: n }).toEqual(lib);
  });

  it('a builder can keep going without changing libraries already built', () => {
    const b = new LibraryBuilder().add(docs[0]!);
    const first = b.build();
    const frozen = JSON.stringify(first);
    b.add(docs[1]!);
    expect(JSON.stringify(first)).toBe(frozen);
    expect(b.build().indicators).toBe(4);
  });

  it('the seeds: 市本级食品抽检批次 with its target, and every use counted once', () => {
    const l = buildLibrary(SEEDS);
    const e = l.entries.find((x) => x.normalized === '市本级食品抽检批次')!;
    expect(e).toMatchObject({ family: '批次', uses: 1, direction: 'higher-better' });
    expect(l.entries.reduce((s, x) => s + x.uses, 0)).toBe(l.indicators);
    expect(l.documents).toBe(5);
  });

  it('the province set: 15 indicators a document, all counted', () => {
    const l = buildLibrary(generateProvince({ evaluations: 1000 }));
    expect(l.indicators).toBe(15_000);
    expect(l.entries.reduce((s, x) => s + x.uses, 0)).toBe(15_000);
    const q = l.entries.find((x) => x.key === '抽检合格率|%')!;
    expect(q.byOrganisation.length).toBeGreaterThan(100);
    expect(Number(q.completionRate)).toBeGreaterThan(0.5);
  });

  it('seedLibrary: the seeds plus the province set', () => {
    const l = seedLibrary(SEEDS, { evaluations: 200 });
    expect(l.documents).toBe(205);
    expect(l).toEqual(buildLibrary([...SEEDS, ...generateProvince({ evaluations: 200 })]));
  });
});

describe('LibraryBuilder.clone and provinceBase', () => {
  it('a clone grows on its own: the base is untouched, and base + more equals building everything at once', () => {
    const a = docWith('甲局', 2022, [['监督抽查批次', '≥500批次', '520批次']]);
    const b = docWith('乙局', 2023, [['监督抽查批次', '≥600批次', '580批次'], ['抽检合格率', '≥95%', '96%']]);
    const base = new LibraryBuilder().add(a);
    const before = JSON.stringify(base.build());
    const grown = base.clone().add(b).build();
    expect(JSON.stringify(base.build())).toBe(before);
    expect(grown).toEqual(buildLibrary([a, b]));
  });

  it('holds the province-scale set once, deterministic', () => {
    const base = provinceBase({ evaluations: 200 });
    const lib = base.clone().build();
    expect(lib).toMatchObject({ documents: 200, indicators: 3000 });
    expect(lib).toEqual(buildLibrary(generateProvince({ evaluations: 200 })));
  });
});
