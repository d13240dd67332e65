import { describe, expect, it } from 'vitest';
import { applyCuration, buildLibrary, libraryEntry, searchLibrary } from './index.js';
import type { CurationAction } from './index.js';
import { docWith } from './testing.test.js';

const stamp = { by: 'finance-1', at: '2024-03-01T09:00:00+08:00' };
const docs = [
  docWith('甲', 2022, [['培训人次', '≥100人次', '120人次'], ['培训人员数', '≥50人次', '40人次']]),
  docWith('乙', 2023, [['培训人次', '≥200人次', '210人次'], ['参训人次', '≥80人次', '90人次']]),
  docWith('丙', 2023, [['培训人数', '≥30人', '30人']]),
];
const lib = buildLibrary(docs);

describe('applyCuration', () => {
  it('merges entries exactly: counts, years and histograms add up; old keys and names still lead there', () => {
    const merge: CurationAction = { kind: 'merge', from: ['参训人次|人次', '培训人员数|人次'], into: '培训人次|人次', ...stamp };
    const { library, issues } = applyCuration(lib, [merge]);
    expect(issues).toEqual([]);
    const e = libraryEntry(library, '培训人次|人次')!;
    expect(e).toMatchObject({ uses: 4, organisations: 2, met: 3, evaluated: 4, aliases: ['参训人次|人次', '培训人员数|人次'], aliasNames: ['参训人次', '培训人员数'] });
    expect(e.years).toEqual([
      { year: 2022, uses: 2, met: 1, evaluated: 2, targets: [['50', 1], ['100', 1]], actuals: [['40', 1], ['120', 1]] },
      { year: 2023, uses: 2, met: 2, evaluated: 2, targets: [['80', 1], ['200', 1]], actuals: [['90', 1], ['210', 1]] },
    ]);
    expect(e.byOrganisation).toEqual([
      { organisation: '乙', year: 2023, target: '≥200人次', actual: '210人次', uses: 2 },
      { organisation: '甲', year: 2022, target: '≥100人次', actual: '120人次', uses: 2 },
    ]);
    expect(libraryEntry(library, '参训人次|人次')).toBe(e);
    expect(searchLibrary(library, '参训人次')[0]).toMatchObject({ key: '培训人次|人次', match: 'exact', matched: '参训人次' });
    expect(library.entries.map((x) => x.key)).toEqual(['培训人次|人次', '培训人数|人']);
    expect(library.curation).toEqual([merge]);
  });

  it('a merge is the same as if the names had been written alike', () => {
    const renamed = buildLibrary([
      docWith('甲', 2022, [['培训人次', '≥100人次', '120人次'], ['培训人次', '≥50人次', '40人次']]),
      docWith('乙', 2023, [['培训人次', '≥200人次', '210人次'], ['培训人次', '≥80人次', '90人次']]),
    ]);
    const merged = applyCuration(lib, [{ kind: 'merge', from: ['参训人次|人次', '培训人员数|人次'], into: '培训人次|人次', ...stamp }]).library;
    const a = libraryEntry(renamed, '培训人次|人次')!;
    const b = libraryEntry(merged, '培训人次|人次')!;
    expect({ ...b, names: a.names, aliases: [], aliasNames: [] }).toEqual(a);
  });

  it('refuses merges across unit families, into itself, or of unknown keys, and applies the rest', () => {
    const { library, issues } = applyCuration(lib, [
      { kind: 'merge', from: ['培训人数|人', '培训人次|人次', 'nope|x'], into: '培训人次|人次', ...stamp },
      { kind: 'merge', from: ['参训人次|人次'], into: '培训人次|人次', ...stamp },
    ]);
    expect(issues.map((i) => [i.action, i.code])).toEqual([
      [0, 'family-mismatch'],
      [0, 'merge-into-self'],
      [0, 'unknown-entry'],
    ]);
    expect(issues[0]!.message).toBe('“培训人数|人”与“培训人次|人次”的计量单位不同，不能合并。');
    expect(libraryEntry(library, '培训人次|人次')!.uses).toBe(3);
    expect(library.curation).toHaveLength(1);
  });

  it('recommend, retire (with a reason), restore and rename; later actions reach merged keys', () => {
    const { library, issues } = applyCuration(lib, [
      { kind: 'merge', from: ['参训人次|人次'], into: '培训人次|人次', ...stamp },
      { kind: 'recommend', key: '参训人次|人次', recommended: true, ...stamp },
      { kind: 'rename', key: '培训人次|人次', name: '培训人次（人次）', ...stamp },
      { kind: 'retire', key: '培训人数|人', reason: ' ', ...stamp },
      { kind: 'retire', key: '培训人员数|人次', reason: '与培训人次重复', ...stamp },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['reason-required']);
    expect(libraryEntry(library, '培训人次|人次')).toMatchObject({ recommended: true, name: '培训人次（人次）' });
    expect(libraryEntry(library, '培训人员数|人次')).toMatchObject({ status: 'retired', retiredReason: '与培训人次重复' });
    const restored = applyCuration(library, [{ kind: 'restore', key: '培训人员数|人次', ...stamp }]).library;
    expect(libraryEntry(restored, '培训人员数|人次')!.status).toBe('active');
    expect(libraryEntry(restored, '培训人员数|人次')!.retiredReason).toBeUndefined();
    expect(restored.curation).toHaveLength(5);
  });

  it('never changes the library it is given, and building with curation equals curating after', () => {
    const frozen = JSON.stringify(lib);
    const actions: CurationAction[] = [{ kind: 'merge', from: ['参训人次|人次'], into: '培训人次|人次', ...stamp }, { kind: 'recommend', key: '培训人数|人', recommended: true, ...stamp }];
    const after = applyCuration(lib, actions).library;
    expect(JSON.stringify(lib)).toBe(frozen);
    expect(buildLibrary(docs, { curation: actions })).toEqual(after);
  });
});
