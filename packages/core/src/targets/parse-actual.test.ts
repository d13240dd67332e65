/**
 * Actual values (实际完成值): measurements, qualitative statements, time statements, and actuals
 * wrongly written as expressions (≧70%), which must stay visible as such.
 */
import { describe, expect, it } from 'vitest';
import { parseActual } from './parse.js';
import { summarizeActual } from './summary.js';

const FORMS: readonly (readonly [string, string])[] = [
  ['', 'unparsed'],
  ["644批次", "measure 644 批次"],
  ["644", "measure 644"],
  ["95.03%", "measure 95.03 %"],
  ["９５．０３％", "measure 95.03 %"],
  ["1.5个工作日", "measure 1.5 个工作日"],
  ["6.07个", "measure 6.07 个"],
  ["600余份", "measure 600 份 ~more-than"],
  ["2000多份", "measure 2000 份 ~more-than"],
  ["近10万元", "measure 10 万元 ~nearly"],
  ["约500人", "measure 500 人 ~about"],
  ["10万元左右", "measure 10 万元 ~about"],
  ["4.4万人次", "measure 44000 人次"],
  ["两次", "measure 2 次"],
  ["一千余份", "measure 1000 份 ~more-than"],
  ["十二个", "measure 12 个"],
  ["百分之九十五", "measure 95 %"],
  ["得分92.97分", "measure 92.97 分 subj=得分"],
  ["满意度为90%", "measure 90 % subj=满意度"],
  ["实际满意度90%", "measure 90 % subj=实际满意度"],
  ["合格率达97.5%", "measure 97.5 % subj=合格率"],
  ["覆盖率达到100%", "measure 100 % subj=覆盖率"],
  ["共计1620台件", "measure 1620 台件"],
  ["实际完成837家", "measure 837 家 subj=实际完成"],
  ["完成率100%", "measure 100 % subj=完成率"],
  ["=100%", "measure 100 %"],
  ["＝100%", "measure 100 %"],
  ["≧70%", "expression(≥ 70 %)"],
  ["≥266米", "expression(≥ 266 米)"],
  [">90%", "expression(> 90 %)"],
  ["90%以上", "expression(≥ 90 %)"],
  ["不低于90%", "expression(≥ 90 %)"],
  ["超过600批次", "expression(> 600 批次)"],
  ["超13亿元", "expression(> 13 亿元)"],
  ["90%-95%", "expression([90, 95] %)"],
  ["80%≤M<90%", "expression([80, 90) % var=M)"],
  ["2个工作日内", "deadline ≤ 2 个工作日"],
  ["3天以内", "deadline ≤ 3 天"],
  ["1个工作日内完成", "deadline ≤ 1 个工作日"],
  ["9月20日", "deadline on *-9-20 day"],
  ["在9月完成", "deadline on *-9 month"],
  ["年底前完成", "deadline ≤ *-12 year-end"],
  ["年内完成", "deadline ≤ *-12 year"],
  ["2021年12月", "deadline on 2021-12 month"],
  ["2021年1月至2021年12月", "deadline on 2021-12 month from 2021-1 month"],
  ["12月31日前", "deadline ≤ *-12-31 day"],
  ["上半年", "deadline on *-6 half-year"],
  ["逐步提高", "qualitative improve 逐步提高"],
  ["持续向好", "qualitative improve 持续向好"],
  ["不断提升", "qualitative improve 不断提升"],
  ["长期", "qualitative long-term 长期"],
  ["达成预期指标", "qualitative achieved 达成预期指标"],
  ["达成年度指标", "qualitative achieved 达成年度指标"],
  ["完成", "qualitative achieved 完成"],
  ["已完成", "qualitative achieved 完成"],
  ["全部完成", "qualitative achieved 全部完成"],
  ["是", "qualitative achieved 是"],
  ["否", "qualitative not-achieved 否"],
  ["有", "qualitative achieved 有"],
  ["无", "qualitative none 无"],
  ["达到", "qualitative achieved 达到"],
  ["达标", "qualitative achieved 达标"],
  ["已达标", "qualitative achieved 达标"],
  ["优", "qualitative grade 优 band=优"],
  ["良", "qualitative grade 良 band=良"],
  ["中", "qualitative grade 中 band=中"],
  ["差", "qualitative grade 差 band=差"],
  ["优秀", "qualitative grade 优 band=优"],
  ["完成质量为良", "qualitative grade 良 band=良"],
  ["部分完成", "qualitative partly 部分完成"],
  ["部分达成并具有一定效果", "qualitative partly 部分达成并具有一定效果"],
  ["未完成", "qualitative not-achieved 未完成"],
  ["未达成且效果较差", "qualitative not-achieved 未达成且效果较差"],
  ["实际完成指标值逐步提升", "qualitative improve 实际完成指标值逐步提升"],
  ["效果明显", "qualitative effective 效果明显"],
  ["/", "unparsed"],
  ["   ", "unparsed"],
  ["批次", "unparsed"],
  ["%%", "unparsed"],
  ["100%%", "unparsed"],
  ["abc", "unparsed"],
  ["<p>95%</p>", "measure 95 %"],
  ["&nbsp;95%&nbsp;", "measure 95 %"],
  ["95%（含）", "unparsed"],
  ["644批次，合格率95.03%", "unparsed"],
];

describe('parseActual', () => {
  it.each(FORMS)('%j reads as %s', (text, expected) => {
    expect(summarizeActual(parseActual(text))).toBe(expected);
  });

  it('A3 keeps an actual written as an expression visible, with the target reading inside', () => {
    const a = parseActual('≧70%');
    expect(a.kind).toBe('expression');
    if (a.kind === 'expression') {
      expect(a.parsed).toMatchObject({ kind: 'threshold', op: 'gte', percent: true, implied: false });
      expect(a.text).toBe('≧70%');
    }
  });

  it('A1 reads 达 / 达到 as connectors in an actual but as ≥ in a target', () => {
    expect(parseActual('合格率达97.5%').kind).toBe('measure');
    expect(parseActual('达到100%').kind).toBe('measure');
  });

  it('A2 reads = before an actual as the value itself', () => {
    expect(parseActual('=100%')).toMatchObject({ kind: 'measure', percent: true });
  });

  it('A4 reads time statements: durations within, dates on, dates no later than', () => {
    expect(summarizeActual(parseActual('2个工作日内'))).toBe('deadline ≤ 2 个工作日');
    expect(summarizeActual(parseActual('9月20日'))).toBe('deadline on *-9-20 day');
    expect(summarizeActual(parseActual('年底前完成'))).toBe('deadline ≤ *-12 year-end');
  });

  it('A5 reads qualitative actuals with the target phrase table', () => {
    expect(summarizeActual(parseActual('达成预期指标'))).toBe('qualitative achieved 达成预期指标');
    expect(summarizeActual(parseActual('优'))).toBe('qualitative grade 优 band=优');
  });

  it('gives every unparsed actual a reason', () => {
    for (const [text] of FORMS) {
      const a = parseActual(text);
      if (a.kind === 'unparsed') expect(a.reason.length).toBeGreaterThan(0);
    }
  });
});
