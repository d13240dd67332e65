import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { readArabic, readChinese } from './numerals.js';
import { isTimeUnit, matchKnownUnit, unitInfo } from './units.js';
import { readQualitative } from './words.js';

describe('normalizeText', () => {
  it.each([
    ['６００批次以上', '600批次以上'],
    ['９３％以上', '93%以上'],
    ['≧70%', '≥70%'],
    ['≦5天', '≤5天'],
    ['>=90%', '≥90%'],
    ['＞=90%', '≥90%'],
    ['<=5', '≤5'],
    ['=>5', '≥5'],
    ['═1次', '=1次'],
    ['﹦1次', '=1次'],
    ['＝1次', '=1次'],
    ['==1', '=1'],
    ['90%—95%', '90%-95%'],
    ['90%——95%', '90%-95%'],
    ['90%～95%', '90%~95%'],
    ['90%〜95%', '90%~95%'],
    ['  ≥ 90 %  ', '≥90%'],
    ['≥\u300090%', '≥90%'],
    ['≥\u00a090%', '≥90%'],
    ['\u200b≥90%\ufeff', '≥90%'],
    ['23246台（件）', '23246台(件)'],
    ['<p>≥90%</p>', '≥90%'],
    ['<td class="x">100%</td>', '100%'],
    ['&ge;90%', '≥90%'],
    ['&gt;=90%', '≥90%'],
    ['&#8805;90%', '≥90%'],
    ['&#x2265;90%', '≥90%'],
    ['&nbsp;95%', '95%'],
    ['[bookmark: _GoBack]5', '5'],
    ['≥90%。', '≥90%'],
    ['“≥90%”', '≥90%'],
    ['.5%', '.5%'],
    ['80%<B≤90%', '80%<B≤90%'],
    ['a < b', 'a<b'],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('is linear on many unterminated tags and entities', () => {
    const s = '<a'.repeat(5000) + '&'.repeat(5000);
    expect(normalizeText(s).length).toBe(s.length);
  });
});

describe('number reading', () => {
  it.each([
    ['600', '600'],
    ['95.03', '95.03'],
    ['1,234', '1234'],
    ['54,633.10', '54633.1'],
    ['1,23', '1'],
    ['.5', '0.5'],
  ])('Arabic %j → %s', (text, value) => {
    const r = readArabic(text, 0);
    expect(typeof r === 'object' ? r.value.toString() : r).toBe(value);
  });

  it.each([
    ['两', '2'],
    ['十', '10'],
    ['十二', '12'],
    ['二十', '20'],
    ['一百二十', '120'],
    ['一百五', '150'],
    ['三千五', '3500'],
    ['三千五百', '3500'],
    ['一千零五', '1005'],
    ['一千零十', '1010'],
    ['一万二千', '12000'],
    ['一万二', '12000'],
    ['十二万三千', '123000'],
    ['两百万', '2000000'],
    ['一亿二千万', '120000000'],
    ['万', '10000'],
    ['三点五', '3.5'],
    ['二〇二一', '2021'],
    ['壹佰', '100'],
    ['玖拾玖', '99'],
  ])('Chinese %j → %s', (text, value) => {
    expect(readChinese(text, 0, false)?.value.toString()).toBe(value);
  });

  it('leaves 万 / 亿 before 元 to the money unit', () => {
    expect(readChinese('一千万元', 0, true)?.value.toString()).toBe('1000');
    expect(readChinese('一千万元', 0, false)?.value.toString()).toBe('10000000');
  });

  it('rejects runs that are not numbers', () => {
    expect(readChinese('二三', 0, false)).toBeUndefined();
    expect(readChinese('点', 0, false)).toBeUndefined();
    expect(readChinese('一'.repeat(30), 0, false)).toBeUndefined();
  });
});

describe('unit table', () => {
  it('matches the longest known unit', () => {
    expect(matchKnownUnit('个工作日内', 0)).toBe('个工作日');
    expect(matchKnownUnit('人次以上', 0)).toBe('人次');
    expect(matchKnownUnit('批次', 0)).toBe('批次');
    expect(matchKnownUnit('台(件)', 0)).toBe('台(件)');
    expect(matchKnownUnit('KG', 0)).toBe('KG');
    expect(matchKnownUnit('艘', 0)).toBeUndefined();
  });

  it('knows synonyms, conversions, costs and rates', () => {
    expect(unitInfo('批').base).toBe(unitInfo('批次').base);
    expect(unitInfo('万元').factor.toString()).toBe('10000');
    expect(unitInfo('元/批次').category).toBe('cost');
    expect(unitInfo('万元/个').factor.toString()).toBe('10000');
    expect(unitInfo('台/次').category).toBe('rate');
    expect(unitInfo('艘')).toMatchObject({ base: '艘', category: 'unknown' });
    expect(isTimeUnit('个工作日')).toBe(true);
    expect(isTimeUnit('天')).toBe(true);
    expect(isTimeUnit('批次')).toBe(false);
  });
});

describe('qualitative phrases', () => {
  it.each([
    ['逐步提高', 'improve'],
    ['持续向好', 'improve'],
    ['不断提升', 'improve'],
    ['长期', 'long-term'],
    ['效果明显', 'effective'],
    ['有效', 'effective'],
    ['显著', 'effective'],
    ['达成预期指标', 'achieved'],
    ['已完成', 'achieved'],
    ['部分完成', 'partly'],
    ['未完成', 'not-achieved'],
    ['优', 'grade'],
    ['无', 'none'],
    ['促进市场经济秩序健康稳定发展', 'improve'],
    ['知识产权机制持续时间长期有效', 'long-term'],
    ['降低食品安全隐患问题', 'reduce'],
  ])('%s → %s', (text, family) => {
    expect(readQualitative(text)?.family).toBe(family);
  });

  it('does not read prose with punctuation as a phrase', () => {
    expect(readQualitative('维护市场经济秩序,保障人民群众消费安全')).toBeUndefined();
    expect(readQualitative('随便写点什么')).toBeUndefined();
  });
});
