/**
 * Every target (年度指标值) and actual (实际完成值) string found in the five seed reports, with the
 * expected reading. Strings are copied verbatim; a guard below checks that each still occurs in the
 * seed files when they are available.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseActual, parseTarget } from './parse.js';
import { summarizeActual, summarizeTarget } from './summary.js';

/** Sentence punctuation: a cell containing it is prose (a description), not a value. */
const PROSE = /[，。；、\n]/;

/** Seed targets: tables of seeds 000 and 004, goals in the prose of 001, bands of 002, items of 003. */
const SEED_TARGETS: readonly (readonly [string, string])[] = [
  ["600批次以上", "≥ 600 批次"],
  ["93%以上", "≥ 93 %"],
  ["20%以上", "≥ 20 %"],
  ["逐步提高", "qualitative improve 逐步提高"],
  ["逐步改善", "qualitative improve 逐步改善"],
  ["持续向好", "qualitative improve 持续向好"],
  ["≧70%", "≥ 70 %"],
  ["≧5.2个", "≥ 5.2 个"],
  ["≧6000条次", "≥ 6000 条次"],
  ["≧3800批次", "≥ 3800 批次"],
  ["1次", "≥* 1 次"],
  ["2人", "≥* 2 人"],
  ["≥600批次", "≥ 600 批次"],
  ["≧4.5% ", "≥ 4.5 %"],
  ["100%", "≥* 100 %"],
  ["2个工作日内", "deadline ≤ 2 个工作日"],
  ["7个工作日到1.5个工作日内", "deadline ≤ 1.5 个工作日 from 7 个工作日"],
  ["≧180套", "≥ 180 套"],
  ["≧500次", "≥ 500 次"],
  ["不断提升", "qualitative improve 不断提升"],
  ["长期", "qualitative long-term 长期"],
  ["≧75%", "≥ 75 %"],
  ["≧90%", "≥ 90 %"],
  ["≤700元/批次", "≤ 700 元/批次"],
  ["≤3500元/批次", "≤ 3500 元/批次"],
  ["2个工作日以内", "deadline ≤ 2 个工作日"],
  ["1040批次", "≥* 1040 批次"],
  ["≥2500家", "≥ 2500 家"],
  ["341份", "≥* 341 份"],
  ["2021年1-12月", "deadline ≤ 2021-12 month from 2021-1 month"],
  ["项目实施期2021年1-12月", "deadline ≤ 2021-12 month from 2021-1 month subj=项目实施期"],
  ["100万元", "≥* 100 万元"],
  ["逐步提升", "qualitative improve 逐步提升"],
  ["≥90%", "≥ 90 %"],
  ["40家以上", "≥ 40 家"],
  ["50家以上", "≥ 50 家"],
  ["800台", "≥* 800 台"],
  ["1100台", "≥* 1100 台"],
  ["6300人次", "≥* 6300 人次"],
  ["5批次", "≥* 5 批次"],
  ["169个", "≥* 169 个"],
  ["4批次", "≥* 4 批次"],
  ["不断增强", "qualitative improve 不断增强"],
  ["2次", "≥* 2 次"],
  ["52个", "≥* 52 个"],
  ["≥20%", "≥ 20 %"],
  ["52万元", "≥* 52 万元"],
  ["10.5万元", "≥* 10.5 万元"],
  ["80次", "≥* 80 次"],
  ["3000余次", "≥* 3000 次 ~more-than"],
  ["≥3年", "≥ 3 年"],
  ["≥500个", "≥ 500 个"],
  ["41.2万元", "≥* 41.2 万元"],
  ["≥837家", "≥ 837 家"],
  ["≥4家", "≥ 4 家"],
  ["≥24家", "≥ 24 家"],
  ["≥120家", "≥ 120 家"],
  ["≥47家", "≥ 47 家"],
  ["≥85%", "≥ 85 %"],
  ["≥80次", "≥ 80 次"],
  ["≥3000余次", "≥ 3000 次 ~more-than"],
  ["2021年内完成", "deadline ≤ 2021-12 year"],
  ["40家", "≥* 40 家"],
  ["50家", "≥* 50 家"],
  ["90%", "≥* 90 %"],
  ["长期有效", "qualitative long-term 长期有效"],
  ["逐步完善", "qualitative improve 逐步完善"],
  ["达到食品安全示范县创建指标要求", "qualitative achieved 达到食品安全示范县创建指标要求"],
  ["85%以上", "≥ 85 %"],
  ["70%以上", "≥ 70 %"],
  ["70%以下", "≤ 70 %"],
  ["B>90%", "> 90 % var=B"],
  ["80%<B≤90%", "(80, 90] % var=B"],
  ["70%<B≤80%", "(70, 80] % var=B"],
  ["60%<B≤70%", "(60, 70] % var=B"],
  ["M≥90%以上", "≥ 90 % var=M"],
  ["80%≤M<90%为良", "[80, 90) % var=M band=良"],
  ["60%≤M<80%", "[60, 80) % var=M"],
  ["M<60%", "< 60 % var=M"],
  ["满意度95%以上", "≥ 95 % subj=满意度"],
  ["满意度90%以上", "≥ 90 % subj=满意度"],
  ["满意度80%以上", "≥ 80 % subj=满意度"],
  ["满意度70%以上", "≥ 70 % subj=满意度"],
  ["服务对象满意度95%以上", "≥ 95 % subj=服务对象满意度"],
  ["能圆满完成", "qualitative achieved 能圆满完成"],
  ["能圆满完成计划", "qualitative achieved 能圆满完成计划"],
  ["不高于0.36", "≤ 0.36"],
  ["40%及以上抽查项目结果未对社会公布", "unparsed"],
  ["90%以上的抽查项目结果对社会公布，发", "unparsed"],
  ["提高1—2个百分点", "unparsed"],
  ["至少达到10%", "≥ 10 %"],
  ["年底前", "deadline ≤ *-12 year-end"],
  ["年底前完成", "deadline ≤ *-12 year-end"],
  ["60%以上", "≥ 60 %"],
  ["逐年下降5%", "unparsed"],
  ["5年内", "deadline ≤ 5 年"],
  ["每年9月", "deadline ≤ *-9 month subj=每年"],
  // goals and effects written in the prose of seed 001 (also in fixtures/seeds/001.json)
  ["不断降低", "qualitative reduce 不断降低"],
  ["食品产业发展推动食品产业健康有序发展", "qualitative improve 食品产业发展推动食品产业健康有序发展"],
  ["不断完善", "qualitative improve 不断完善"],
  ["市场经济秩序健康稳定发展", "qualitative improve 市场经济秩序健康稳定发展"],
  ["2个", "≥* 2 个"],
  ["达到知识产权强县考核要求", "qualitative achieved 达到知识产权强县考核要求"],
  ["促进社会稳定", "qualitative improve 促进社会稳定"],
  ["增强广大群众知识产权意识", "qualitative improve 增强广大群众知识产权意识"],
  ["降低企业鉴定成本", "qualitative reduce 降低企业鉴定成本"],
  ["减少食品安全等监管成本", "qualitative reduce 减少食品安全等监管成本"],
  ["降低食品安全隐患问题", "qualitative reduce 降低食品安全隐患问题"],
  ["全面提升临武县食品安全治理能力和治理能力现代化水平", "qualitative improve 全面提升临武县食品安全治理能力和治理能力现代化水平"],
  ["增强食品安全监管意识", "qualitative improve 增强食品安全监管意识"],
  ["实现食品安全隐患全时在线监督排查", "qualitative achieved 实现食品安全隐患全时在线监督排查"],
  ["≧4.5%", "≥ 4.5 %"],
];

/** Seed actuals: table cells and the figures reported in the prose as achieved. */
const SEED_ACTUALS: readonly (readonly [string, string])[] = [
  ["644批次", "measure 644 批次"],
  ["95.03%", "measure 95.03 %"],
  ["20%", "measure 20 %"],
  ["逐步提高", "qualitative improve 逐步提高"],
  ["逐步改善", "qualitative improve 逐步改善"],
  ["持续向好", "qualitative improve 持续向好"],
  ["≧70%", "expression(≥ 70 %)"],
  ["6.07个", "measure 6.07 个"],
  ["6000条次", "measure 6000 条次"],
  ["3800批次", "measure 3800 批次"],
  ["1次", "measure 1 次"],
  ["2人", "measure 2 人"],
  ["612批次", "measure 612 批次"],
  ["7.37%", "measure 7.37 %"],
  ["100%", "measure 100 %"],
  ["2个工作日内", "deadline ≤ 2 个工作日"],
  ["1.5个工作日", "measure 1.5 个工作日"],
  ["186套", "measure 186 套"],
  ["621次", "measure 621 次"],
  ["不断提升", "qualitative improve 不断提升"],
  ["长期", "qualitative long-term 长期"],
  ["86.87%", "measure 86.87 %"],
  ["92%", "measure 92 %"],
  ["700元/批次", "measure 700 元/批次"],
  ["3500元/批次", "measure 3500 元/批次"],
  ["98.4", "measure 98.4"],
  ["99.3分", "measure 99.3 分"],
  ["100分", "measure 100 分"],
  ["10分", "measure 10 分"],
  ["92.63%", "measure 92.63 %"],
  ["/", "unparsed"],
  ["340家", "measure 340 家"],
  ["400多家", "measure 400 家 ~more-than"],
  ["600余名", "measure 600 名 ~more-than"],
  ["110批次", "measure 110 批次"],
  ["22批次", "measure 22 批次"],
  ["94起", "measure 94 起"],
  ["2268条", "measure 2268 条"],
  ["110多万元", "measure 110 万元 ~more-than"],
  ["近10万元", "measure 10 万元 ~nearly"],
  ["12.8万余元", "measure 12.8 万元 ~more-than"],
  ["243.03万元", "measure 243.03 万元"],
  ["5套", "measure 5 套"],
  ["17个", "measure 17 个"],
  ["76家", "measure 76 家"],
  ["5项", "measure 5 项"],
  ["10257套", "measure 10257 套"],
  ["576万余元", "measure 576 万元 ~more-than"],
  ["10.83万元", "measure 10.83 万元"],
  ["97.5%", "measure 97.5 %"],
  ["23246台（件）", "measure 23246 台(件)"],
  ["92050台（件）", "measure 92050 台(件)"],
  ["2126家", "measure 2126 家"],
  ["518份", "measure 518 份"],
  ["197起", "measure 197 起"],
  ["120多万只", "measure 1200000 只 ~more-than"],
  ["98%", "measure 98 %"],
  ["320余万元", "measure 320 万元 ~more-than"],
  ["86.97分", "measure 86.97 分"],
  ["6.07件", "measure 6.07 件"],
  ["超13亿元", "expression(> 13 亿元)"],
  ["62件", "measure 62 件"],
  ["1499所", "measure 1499 所"],
  ["837家", "measure 837 家"],
  ["127家", "measure 127 家"],
  ["47家", "measure 47 家"],
  ["90%", "measure 90 %"],
  ["85%", "measure 85 %"],
  ["逐步提升", "qualitative improve 逐步提升"],
  ["1620台件", "measure 1620 台件"],
  ["432台/次", "measure 432 台/次"],
  ["1728人/次", "measure 1728 人/次"],
  ["270个", "measure 270 个"],
  ["2200余份", "measure 2200 份 ~more-than"],
  ["891户", "measure 891 户"],
  ["5522批次", "measure 5522 批次"],
  ["998份", "measure 998 份"],
  ["3214份", "measure 3214 份"],
  ["1310人次", "measure 1310 人次"],
  ["2000余份", "measure 2000 份 ~more-than"],
  ["一千余件", "measure 1000 件 ~more-than"],
  ["近万人", "measure 10000 人 ~nearly"],
  ["6000多万元", "measure 6000 万元 ~more-than"],
  ["170多万吨", "measure 1700000 吨 ~more-than"],
  ["50余家", "measure 50 家 ~more-than"],
  ["60多个", "measure 60 个 ~more-than"],
  ["1541平方米", "measure 1541 平方米"],
  ["26台套", "measure 26 台套"],
  ["9000元/年", "measure 9000 元/年"],
  ["6.8元/张", "measure 6.8 元/张"],
  ["0.2元/张", "measure 0.2 元/张"],
  ["25800元/年", "measure 25800 元/年"],
  ["5000元一年", "unparsed"],
  ["37719元", "measure 37719 元"],
  ["114.625公斤", "measure 114.625 公斤"],
  ["13.1万元", "measure 13.1 万元"],
  ["12000余只", "measure 12000 只 ~more-than"],
  ["73000余米", "measure 73000 米 ~more-than"],
  ["5辆", "measure 5 辆"],
  ["7台/套", "measure 7 台/套"],
  ["205人次", "measure 205 人次"],
  ["25.5万元", "measure 25.5 万元"],
  ["55万", "measure 550000"],
  ["2021年1月至2021年12月", "deadline on 2021-12 month from 2021-1 month"],
  ["2021年12月30日", "deadline on 2021-12-30 day"],
  ["2021年1月1日至2021年12月30日", "deadline on 2021-12-30 day from 2021-1-1 day"],
  ["4.4万人次", "measure 44000 人次"],
  ["18304家", "measure 18304 家"],
  ["180余人次", "measure 180 人次 ~more-than"],
  ["12000余份", "measure 12000 份 ~more-than"],
  ["125所", "measure 125 所"],
  ["2.16亿元", "measure 2.16 亿元"],
  ["82%", "measure 82 %"],
  ["37.48%", "measure 37.48 %"],
  ["17.73%", "measure 17.73 %"],
  ["91.61%", "measure 91.61 %"],
  ["94.52%", "measure 94.52 %"],
  ["得分92.97分", "measure 92.97 分 subj=得分"],
  ["完成质量为良", "qualitative grade 良 band=良"],
  ["100份", "measure 100 份"],
  ["90多次", "measure 90 次 ~more-than"],
  ["54户", "measure 54 户"],
  ["54,633.10万元", "measure 54633.1 万元"],
  ["1,377.67", "measure 1377.67"],
  ["2000 余份", "measure 2000 份 ~more-than"],
  ["150余人次", "measure 150 人次 ~more-than"],
  ["60余人", "measure 60 人 ~more-than"],
  ["19件", "measure 19 件"],
  ["在9月完成", "deadline on *-9 month"],
  ["9月20日", "deadline on *-9-20 day"],
  ["9月23日", "deadline on *-9-23 day"],
  ["年底前完成", "deadline ≤ *-12 year-end"],
  ["0.1元/张", "measure 0.1 元/张"],
  ["20元/人", "measure 20 元/人"],
  ["40元/人", "measure 40 元/人"],
  ["600000元", "measure 600000 元"],
  ["3800元", "measure 3800 元"],
  ["3100元", "measure 3100 元"],
  ["满意度为90%", "measure 90 % subj=满意度"],
  ["80%", "measure 80 %"],
  ["5%", "measure 5 %"],
  ["7%", "measure 7 %"],
  ["3.8分", "measure 3.8 分"],
  ["60万一家", "unparsed"],
  ["800批次*1500元/批次", "unparsed"],
  ["0.85×8=6.8元/张", "unparsed"],
  ["全省万台事故死亡率为0.15", "measure 0.15 subj=全省万台事故死亡率"],
  ["能圆满完成", "qualitative achieved 能圆满完成"],
  ["123", "measure 123"],
  ["314", "measure 314"],
  ["92.97分", "measure 92.97 分"],
  ["4家", "measure 4 家"],
];

describe('seed targets (年度指标值 in shared/seeds)', () => {
  it.each(SEED_TARGETS)('%j reads as %s', (text, expected) => {
    expect(summarizeTarget(parseTarget(text))).toBe(expected);
  });

  it('gives a reason for every seed target it cannot read', () => {
    for (const [text] of SEED_TARGETS) {
      const p = parseTarget(text);
      if (p.kind === 'unparsed') expect(p.reason.length).toBeGreaterThan(4);
    }
  });
});

describe('seed actuals (实际完成值 in shared/seeds)', () => {
  it.each(SEED_ACTUALS)('%j reads as %s', (text, expected) => {
    expect(summarizeActual(parseActual(text))).toBe(expected);
  });
});

// The five seed reports as plain text, kept in the repository beside the importers' test inputs.
const seeds = fileURLToPath(new URL('../../../documents/test/inputs/seeds', import.meta.url));

describe('the seed tables above are copied verbatim', () => {
  it('every string occurs in a seed report', () => {
    const dir = seeds;
    const all = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
      .join('\n');
    const missing = [...SEED_TARGETS, ...SEED_ACTUALS].map(([t]) => t).filter((t) => !all.includes(t));
    expect(missing).toEqual([]);
  });
});

/** Every target and actual of the hand-transcribed fixtures (packages/core/fixtures/seeds/*.json). */
function fixtureCells(): { targets: string[]; actuals: string[] } {
  const dir = fileURLToPath(new URL('../../fixtures/seeds', import.meta.url));
  const targets = new Set<string>();
  const actuals = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
    } else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o['target'] === 'string') targets.add(o['target']);
      for (const k of ['actual', 'lastYearActual']) if (typeof o[k] === 'string') actuals.add(o[k]);
      for (const v of Object.values(o)) walk(v);
    }
  };
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
  return { targets: [...targets], actuals: [...actuals] };
}

const fixtures = fixtureCells();

describe('the seed fixtures (fixtures/seeds/*.json)', () => {
  const targetTable = new Map(SEED_TARGETS.map(([t, s]) => [t, s]));
  const actualTable = new Map(SEED_ACTUALS.map(([t, s]) => [t, s]));

  it('every fixture target is in the seed table above, or is prose and unparsed with a reason', () => {
    for (const text of fixtures.targets) {
      const p = parseTarget(text);
      const expected = targetTable.get(text);
      if (expected !== undefined) expect(summarizeTarget(p), text).toBe(expected);
      else {
        expect(PROSE.test(text), `not in the table: ${text}`).toBe(true);
        expect(p.kind, text).toBe('unparsed');
      }
    }
  });

  it('every fixture actual is in the seed table above, or is prose and unparsed with a reason', () => {
    for (const text of fixtures.actuals) {
      const a = parseActual(text);
      const expected = actualTable.get(text);
      if (expected !== undefined) expect(summarizeActual(a), text).toBe(expected);
      else {
        expect(PROSE.test(text), `not in the table: ${text}`).toBe(true);
        expect(a.kind, text).toBe('unparsed');
        if (a.kind === 'unparsed') expect(a.reason.length).toBeGreaterThan(0);
      }
    }
  });
});
