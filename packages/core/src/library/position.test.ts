import { describe, expect, it } from 'vitest';
import { buildLibrary, libraryEntry, targetPosition } from './index.js';
import { docWith } from './testing.test.js';

const peers = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
const lib = buildLibrary([
  ...peers.map((n, i) => docWith(`单位${i}`, 2023, [['监督抽查批次', `≥${n}批次`, `${n + 10}批次`], ['单批次抽检成本', `≤${n}元/批次`]])),
  docWith('甲', 2023, [['抽检合格率', '≥95%']]),
]);
const batches = libraryEntry(lib, '监督抽检批次|批次')!;
const cost = libraryEntry(lib, '单批次抽检成本|元/批次')!;

describe('targetPosition', () => {
  it.each([
    ['≥50批次', 'far-below-peers', '0.0000'],
    ['≥150批次', 'below-peers', '0.1000'],
    ['≥200批次', 'below-peers', '0.1500'],
    ['≥550批次', 'typical', '0.5000'],
    ['≥950批次', 'above-peers', '0.9000'],
    ['600批', 'typical', '0.5500'],
  ])('%s among targets 100 … 1000: %s (percentile %s)', (target, standing, percentile) => {
    expect(targetPosition(batches, target)).toMatchObject({ comparable: true, standing, percentile, direction: 'higher-better', unit: '批次' });
  });

  it('says why in Chinese, with the median of peers', () => {
    const p = targetPosition(batches, '≥50批次');
    expect(p.reasons.map((r) => r.code)).toEqual(['LIB-FAR-BELOW-PEERS']);
    expect(p.reasons[0]!.message).toBe('目标值50批次低于100%的同类指标（同类中位数500批次），明显偏低。');
    expect(p.peers).toMatchObject({ n: 10, p50: '500', min: '100', max: '1000' });
  });

  it('reads direction: a high cost ceiling is the weak target', () => {
    expect(targetPosition(cost, '≤1200元/批次')).toMatchObject({ standing: 'far-below-peers', direction: 'lower-better', ambition: '0.0000' });
    expect(targetPosition(cost, '≤150元/批次')).toMatchObject({ standing: 'above-peers', ambition: '0.9000' });
  });

  it('below last year’s actual, direction-aware', () => {
    const p = targetPosition(batches, '≥550批次', '600批次');
    expect(p).toMatchObject({ standing: 'typical', belowLastYear: true });
    expect(p.reasons.map((r) => r.message)).toEqual(['目标值550批次低于上年实际完成值600批次。']);
    expect(targetPosition(batches, '≥650批次', '600批次').belowLastYear).toBe(false);
    expect(targetPosition(cost, '≤700元/批次', '650元/批次').belowLastYear).toBe(true);
    expect(targetPosition(batches, '≥550批次', '好').belowLastYear).toBeUndefined();
  });

  it('few peers, or a target of another kind, is not judged', () => {
    const pct = libraryEntry(lib, '抽检合格率|%')!;
    expect(targetPosition(pct, '≥90%')).toMatchObject({ comparable: true, standing: 'few-peers' });
    expect(targetPosition(batches, '≥95%')).toMatchObject({ comparable: false, standing: 'not-comparable' });
    expect(targetPosition(batches, '逐步提高')).toMatchObject({ comparable: false });
  });

  it('compares with chosen years only', () => {
    expect(targetPosition(batches, '≥550批次', undefined, { years: [2022] }).standing).toBe('few-peers');
  });
});
