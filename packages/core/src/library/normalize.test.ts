import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../targets/index.js';
import { cleanIndicatorName, libraryKey, nameBigrams, normalizeIndicatorName, unitFamily } from './normalize.js';
import { SUFFIXES, SYNONYMS, TRADITIONAL_TO_SIMPLIFIED } from './tables.js';

describe('normalizeIndicatorName', () => {
  it.each([
    ['监督抽查批次', '监督抽检批次', 'synonym 抽查 → 抽检'],
    ['监督抽查批次2', '监督抽检批次', 'a trailing sequence number'],
    ['监督抽查批次 12', '监督抽检批次', 'spaces then a sequence number'],
    ['重点产品抽检批次2021', '重点产品抽检批次2021', 'four digits are a figure, kept'],
    ['（一）检查企业数量', '检查企业数', 'enumeration and the 数量 suffix'],
    ['1.抽检合格率（5分）', '抽检合格率', 'enumeration and a weight label'],
    ['二、服务对象满意率', '服务对象满意度', 'Chinese enumeration, 满意率 → 满意度'],
    ['服务对象满意比例', '服务对象满意度', ''],
    ['任务达成率', '任务完成率', ''],
    ['ＰＭ２．５浓度', 'pm25浓度', 'full width, lower case, punctuation dropped'],
    ['食品 抽檢 合格率', '食品抽检合格率', 'traditional 檢, spaces'],
    ['食品抽檢合格率', '食品抽检合格率', ''],
    ['“两品一械”抽检成本', '两品一械抽检成本', 'quotes'],
    ['生产及流通领域产品质量监督抽查合格率', '生产及流通领域产品质量监督抽检合格率', ''],
    ['企业开办\n首套印章', '企业开办首套印章', 'line breaks'],
    ['群众满意度\u3000', '群众满意度', 'ideographic space'],
    ['', '', ''],
    ['（5分）', '', 'nothing but a label'],
  ])('%j → %j %s', (name, expected) => {
    expect(normalizeIndicatorName(name)).toBe(expected);
  });

  const pieces = [
    ...SYNONYMS.flat(),
    ...SUFFIXES.flat(),
    ...Object.keys(TRADITIONAL_TO_SIMPLIFIED).slice(0, 40),
    '抽', '查', '检', '率', '度', '满意', '数', '量', '1', '2', '12', '123', '(', ')', '（', '）', '5分', '分', '.', '、', '一', '二',
    ' ', '\u3000', 'Ａ', 'ａ', 'Z', '０', '９', '%', '％', '批次', '指标',
  ];
  const name = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((xs) => xs.join('')),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ maxLength: 30 }),
  );

  it('property: idempotent — normalising a normalised name changes nothing', () => {
    fc.assert(
      fc.property(name, (n) => {
        const once = normalizeIndicatorName(n);
        expect(normalizeIndicatorName(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the result holds only ASCII digits, lower-case letters and CJK ideographs', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(normalizeIndicatorName(n)).toMatch(/^[0-9a-z\u3400-\u4dbf\u4e00-\u9fff]*$/);
      }),
    );
  });

  it('property: full-width ASCII and spacing do not matter', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019%() .'), maxLength: 12 });
    fc.assert(
      fc.property(ascii, fc.constantFrom('抽检合格率', '培训人次'), (a, cjk) => {
        const wide = [...a].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
        expect(normalizeIndicatorName(`${wide}${cjk}`)).toBe(normalizeIndicatorName(`${a}${cjk}`));
        expect(normalizeIndicatorName(` ${cjk} `)).toBe(normalizeIndicatorName(cjk));
      }),
    );
  });

  it('the tables keep it idempotent: no canonical form contains a variant, no simplified character is itself mapped', () => {
    for (const [, canonical] of [...SYNONYMS, ...SUFFIXES]) {
      for (const [variant] of SYNONYMS) expect(canonical.includes(variant)).toBe(false);
    }
    for (const s of Object.values(TRADITIONAL_TO_SIMPLIFIED)) expect(TRADITIONAL_TO_SIMPLIFIED[s]).toBeUndefined();
  });
});

describe('cleanIndicatorName (the name shown)', () => {
  it.each([
    ['监督抽查批次2', '监督抽查批次'],
    ['（一）检查企业数量', '检查企业数量'],
    ['1.抽检合格率（5分）', '抽检合格率'],
    ['产出指标 (50分)', '产出指标'],
    ['企业开办 首套印章', '企业开办首套印章'],
    ['PM2.5 浓度', 'PM2.5浓度'],
  ])('%j → %j', (name, expected) => {
    expect(cleanIndicatorName(name)).toBe(expected);
  });
});

describe('unit families and keys', () => {
  it.each([
    ['≥600批次', '批次'],
    ['600批以上', '批次'],
    ['≥95%', '%'],
    ['≥10万元', '元'],
    ['≤700元/批次', '元/批次'],
    ['2个工作日内', '工作日'],
    ['3天以内', '分钟'],
    ['年底前', 'date'],
    ['逐步提高', 'qualitative'],
    ['做好相关工作', 'text'],
    ['600', '#'],
  ])('%s → %s', (target, family) => {
    expect(unitFamily(parseTarget(target))).toBe(family);
  });

  it('libraryKey joins the normalised name and the family', () => {
    expect(libraryKey('监督抽查批次2', '≥600批')).toEqual({ key: '监督抽检批次|批次', normalized: '监督抽检批次', family: '批次' });
    expect(libraryKey('满意度', undefined).key).toBe('满意度|text');
  });

  it('bigrams', () => {
    expect(nameBigrams('抽检抽检')).toEqual(['抽检', '检抽']);
    expect(nameBigrams('率')).toEqual(['率']);
    expect(nameBigrams('')).toEqual([]);
  });
});
