import { describe, expect, it } from 'vitest';
import { unitFigures, yearHistogram, yearQuartiles } from './distribution.js';

const entry = {
  family: '元',
  unit: '万元',
  years: [
    { year: 2024, uses: 3, met: 1, evaluated: 2, targets: [['10000', 2], ['25000', 1]] as Array<[string, number]>, actuals: [['12000', 1]] as Array<[string, number]> },
    { year: 2023, uses: 1, met: 0, evaluated: 0, targets: [['5000', 1]] as Array<[string, number]>, actuals: [] as Array<[string, number]> },
  ],
};

describe('library distributions', () => {
  it('gives quartiles per year in the entry unit, oldest first', () => {
    const q = yearQuartiles(entry);
    expect(q.map((y) => y.year)).toEqual([2023, 2024]);
    expect(q[1]!.targets?.p50).toBe('1');
    expect(q[0]!.actuals).toBeUndefined();
  });
  it('puts targets and actuals of a year on one value axis', () => {
    expect(yearHistogram(entry, 2024)).toEqual([
      { value: '1', targets: 2, actuals: 0 },
      { value: '1.2', targets: 0, actuals: 1 },
      { value: '2.5', targets: 1, actuals: 0 },
    ]);
    expect(yearHistogram(entry, 2020)).toEqual([]);
  });
});

describe('unitFigures', () => {
  it('reads each unit’s target and actual written in the entry unit', () => {
    const out = unitFigures({
      unit: '批次',
      byOrganisation: [
        { organisation: '甲局', year: 2024, target: '600批次以上', actual: '644批次', uses: 1 },
        { organisation: '乙局', year: 2024, target: '≥5万元', uses: 1 },
        { organisation: '丙局', year: 2023, target: '逐步提高', actual: '≥700批次', uses: 1 },
      ],
    });
    expect(out).toEqual([
      { organisation: '甲局', year: 2024, target: '600', actual: '644' },
      { organisation: '丙局', year: 2023, actual: '700' },
    ]);
  });
  it('reads percentages for % entries', () => {
    expect(unitFigures({ unit: '%', byOrganisation: [{ organisation: '甲', year: 2024, target: '≥95%', actual: '96.5%', uses: 1 }] })).toEqual([{ organisation: '甲', year: 2024, target: '95', actual: '96.5' }]);
  });
});
