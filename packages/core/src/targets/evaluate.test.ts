/**
 * The evaluation rules E1–E15 of README.md, one block each.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal/decimal.js';
import { evaluate, resolveTarget } from './evaluate.js';
import { evaluationToJson } from './json.js';
import { parseActual, parseTarget } from './parse.js';
import type { EvaluateOptions, Evaluation } from './types.js';

function ev(target: string, actual: string, options?: EvaluateOptions): Evaluation {
  return evaluate(parseTarget(target), parseActual(actual), options);
}

/** status and ratio as text, the compact form most checks need. */
function sr(target: string, actual: string, options?: EvaluateOptions): string {
  const e = ev(target, actual, options);
  return e.ratio === undefined ? e.status : `${e.status} ${e.ratio.toString()}`;
}

describe('E1 more-is-better (≥, >, 以上, 不低于 …)', () => {
  it('is met when the actual reaches the target', () => {
    expect(sr('600批次以上', '644批次')).toBe('met 1');
    expect(sr('93%以上', '95.03%')).toBe('met 1');
    expect(sr('≥600批次', '600批次')).toBe('met 1');
    expect(ev('600批次以上', '644批次').direction).toBe('higher-better');
  });

  it('is partly met below it, with ratio actual ÷ target', () => {
    const e = ev('93%以上', '20%');
    expect(e.status).toBe('partly-met');
    expect(e.ratio?.toString()).toBe('0.2151');
    expect(e.ratioParts?.numerator.toString()).toBe('20');
    expect(e.ratioParts?.denominator.toString()).toBe('93');
    expect(e.explanation).toContain('20 ÷ 93 = 0.2151');
  });

  it('is not met with ratio 0 when the actual is 0 (or negative)', () => {
    expect(sr('≥600批次', '0批次')).toBe('not-met 0');
    expect(sr('≥4.5%', '-2%')).toBe('not-met 0');
  });
});

describe('E2 less-is-better (≤, <, 以内, 不超过, costs, durations)', () => {
  it('is met within the bound', () => {
    expect(sr('≤700元/批次', '700元/批次')).toBe('met 1');
    expect(sr('≤700元/批次', '650元/批次')).toBe('met 1');
    expect(sr('5%以内', '3%')).toBe('met 1');
    expect(ev('≤700元/批次', '650元/批次').direction).toBe('lower-better');
  });

  it('is partly met above it, with ratio target ÷ actual', () => {
    const e = ev('≤700元/批次', '800元/批次');
    expect(e.status).toBe('partly-met');
    expect(e.ratio?.toString()).toBe('0.875');
    expect(e.ratioParts?.numerator.toString()).toBe('700');
    expect(e.ratioParts?.denominator.toString()).toBe('800');
  });

  it('is not met when a zero ceiling is exceeded (≤0起 against 2起)', () => {
    expect(sr('≤0起', '2起')).toBe('not-met 0');
  });
});

describe('E3 targets without an operator', () => {
  it('mean "reach it" (≥) by default', () => {
    expect(sr('600批次', '500批次')).toBe('partly-met 0.8333');
    expect(sr('100%', '100%')).toBe('met 1');
  });

  it('are less-is-better for cost units and durations, read from the unit', () => {
    expect(sr('700元/批次', '800元/批次')).toBe('partly-met 0.875');
    expect(sr('3天', '2天')).toBe('met 1');
  });

  it('are less-is-better with hint cost / time from the caller', () => {
    expect(sr('100万元', '120万元', { hint: 'cost' })).toBe('partly-met 0.8333');
    expect(sr('5', '6', { hint: 'time' })).toBe('partly-met 0.8333');
    expect(ev('100万元', '120万元').status).toBe('met');
    expect(ev('100万元', '90万元', { hint: 'cost' }).status).toBe('met');
    expect(ev('100万元', '120万元', { hint: 'cost' }).direction).toBe('lower-better');
  });

  it('are exact for counts the caller marks (hint count), and only for counts', () => {
    expect(sr('1次', '2次')).toBe('met 1');
    expect(sr('1次', '2次', { hint: 'count' })).toBe('partly-met 0.5');
    expect(ev('2人', '2人', { hint: 'count' }).direction).toBe('exact');
    expect(ev('100%', '100%', { hint: 'count' }).direction).toBe('higher-better');
  });

  it('follow the indicator direction override, which never overrides a written operator', () => {
    expect(ev('600批次', '500批次', { direction: 'lower-better' }).status).toBe('met');
    expect(ev('700元/批次', '800元/批次', { direction: 'higher-better' }).status).toBe('met');
    expect(ev('≥600批次', '500批次', { direction: 'lower-better' }).status).toBe('partly-met');
    expect(resolveTarget(parseTarget('1次'), { direction: 'exact' }).kind).toBe('exact');
  });
});

describe('E4 exact targets (=, ＝, ═, ﹦)', () => {
  it('are met when equal, otherwise smaller ÷ larger', () => {
    expect(sr('=1次', '1次')).toBe('met 1');
    expect(sr('＝2人', '1人')).toBe('partly-met 0.5');
    expect(sr('═2人', '3人')).toBe('partly-met 0.6667');
    expect(sr('﹦0起', '2起')).toBe('not-met 0');
    expect(ev('=1次', '1次').direction).toBe('exact');
  });
});

describe('E5 ranges', () => {
  it('are met inside, and give the ratio to the nearer bound outside', () => {
    expect(sr('80%≤M<90%', '85%')).toBe('met 1');
    expect(sr('80%≤M<90%', '80%')).toBe('met 1');
    expect(sr('80%≤M<90%', '70%')).toBe('partly-met 0.875');
    expect(sr('90%-95%', '100%')).toBe('partly-met 0.95');
    expect(sr('1至2次', '0次')).toBe('not-met 0');
    expect(ev('90%-95%', '92%').direction).toBe('range');
  });
});

describe('E6 a strict bound reached exactly', () => {
  it('is not met; the proportional ratio is 1 and the explanation says the bound is excluded', () => {
    const e = ev('B>90%', '90%');
    expect(e.status).toBe('partly-met');
    expect(e.ratio?.toString()).toBe('1');
    expect(e.explanation).toContain('不含界值');
    expect(ev('80%≤M<90%', '90%').status).toBe('partly-met');
  });
});

describe('E7 duration deadlines', () => {
  it('are met on or within the due duration', () => {
    expect(sr('2个工作日内', '2个工作日')).toBe('met 1');
    expect(sr('7个工作日到1.5个工作日内', '1.5个工作日')).toBe('met 1');
    expect(sr('24小时内', '1天')).toBe('met 1');
    expect(ev('2个工作日内', '1个工作日').direction).toBe('deadline');
  });

  it('are met when the actual repeats the deadline, or states a tighter one', () => {
    expect(sr('2个工作日内', '2个工作日内')).toBe('met 1');
    expect(sr('2个工作日内', '1个工作日内')).toBe('met 1');
    expect(ev('2个工作日内', '3个工作日内').status).toBe('not-comparable');
  });

  it('score a miss as 0 by default, or target ÷ actual when the rule set says ratio', () => {
    const e = ev('2个工作日内', '3个工作日');
    expect(e.status).toBe('not-met');
    expect(e.ratio?.toString()).toBe('0');
    expect(e.explanation).toContain('逾期');
    expect(sr('2个工作日内', '3个工作日', { missedDeadline: 'ratio' })).toBe('partly-met 0.6667');
  });

  it('do not compare working days with calendar days', () => {
    expect(ev('2个工作日内', '2天').status).toBe('not-comparable');
  });
});

describe('E8 units', () => {
  it('lets an actual without a unit take the target unit', () => {
    expect(sr('≥600批次', '644')).toBe('met 1');
    expect(sr('93%以上', '95.03')).toBe('met 1');
  });

  it('treats the synonyms of the unit table as the same unit (批 ≈ 批次, 名 ≈ 人, 台件 ≈ 台(件))', () => {
    expect(sr('≥600批次', '644批')).toBe('met 1');
    expect(sr('2人', '2名')).toBe('met 1');
    expect(sr('20000台（件）', '23246台件')).toBe('met 1');
  });

  it('converts exactly between 元 / 万元 / 亿元, 公斤 / 吨, 米 / 公里', () => {
    const e = ev('≥100万元', '800000元');
    expect(e.status).toBe('partly-met');
    expect(e.ratio?.toString()).toBe('0.8');
    expect(e.ratioParts?.numerator.toString()).toBe('800000');
    expect(e.ratioParts?.denominator.toString()).toBe('1000000');
    expect(sr('≥2吨', '2000公斤')).toBe('met 1');
    expect(sr('≥1公里', '800米')).toBe('partly-met 0.8');
  });

  it('is not comparable across different units, or a percentage against a count', () => {
    const e = ev('≥600批次', '6万元');
    expect(e.status).toBe('not-comparable');
    expect(e.explanation).toContain('单位不同');
    expect(ev('≥90%', '90分').status).toBe('not-comparable');
    expect(ev('≥5个百分点', '5%').status).toBe('not-comparable');
  });
});

describe('E9 approximate actuals', () => {
  it('are evaluated at the written number and flagged in the explanation', () => {
    const e = ev('≥600份', '600余份');
    expect(e.status).toBe('met');
    expect(e.explanation).toContain('约数');
    expect(sr('≥10万元', '近10万元')).toBe('met 1');
  });
});

describe('E10 actuals that state completion', () => {
  it.each(['达成预期指标', '完成', '已完成', '是', '达到', '达标', '优'])('%s is met against any target', (actual) => {
    expect(ev('逐步提高', actual).status).toBe('met');
    expect(ev('≥600批次', actual).status).toBe('met');
    expect(ev('年底前', actual).status).toBe('met');
  });

  it('notes that no figure was given for a numeric target', () => {
    expect(ev('≥600批次', '完成').explanation).toContain('未填写实际数值');
  });
});

describe('E11 graded and partial actuals', () => {
  it('scores 优 / 良 / 中 / 差 by the default band shares 1 / 0.8 / 0.6 / 0', () => {
    expect(sr('≥90%', '优')).toBe('met 1');
    expect(sr('≥90%', '良')).toBe('partly-met 0.8');
    expect(sr('逐步提高', '中')).toBe('partly-met 0.6');
    expect(sr('逐步提高', '差')).toBe('not-met 0');
    expect(sr('逐步提高', '完成质量为良')).toBe('partly-met 0.8');
  });

  it('takes band shares from the rule set', () => {
    expect(sr('逐步提高', '良', { bandShares: { 良: Dec.of('0.85') } })).toBe('partly-met 0.85');
  });

  it('reads 部分完成 / 基本完成 as partly met without a ratio (the scorer picks a point in the 60–80% band)', () => {
    const e = ev('逐步提高', '部分完成');
    expect(e.status).toBe('partly-met');
    expect(e.ratio).toBeUndefined();
    expect(e.explanation).toContain('60%');
    expect(ev('≥600批次', '基本完成').status).toBe('partly-met');
  });

  it('reads 未完成 / 否 as not met', () => {
    expect(sr('逐步提高', '未完成')).toBe('not-met 0');
    expect(sr('是', '否')).toBe('not-met 0');
  });
});

describe('E12 calendar deadlines', () => {
  it('are met on or before the due point', () => {
    expect(sr('年底前', '9月20日')).toBe('met 1');
    expect(sr('年底前', '年底前完成')).toBe('met 1');
    expect(sr('9月前', '在9月完成')).toBe('met 1');
    expect(sr('9月前', '9月30日')).toBe('met 1');
    expect(sr('2021年内完成', '2021年12月30日')).toBe('met 1');
    expect(sr('2021年1-12月', '2021年1月至2021年12月')).toBe('met 1');
  });

  it('are not met (ratio 0) when the actual is wholly after, with the reason', () => {
    const e = ev('9月前', '10月');
    expect(e.status).toBe('not-met');
    expect(e.ratio?.toString()).toBe('0');
    expect(e.explanation).toContain('晚于期限');
    expect(sr('2021年内完成', '2022年3月')).toBe('not-met 0');
  });

  it('are not comparable when the actual overlaps the due point', () => {
    expect(ev('9月15日前', '9月').status).toBe('not-comparable');
    expect(ev('9月前', '年内完成').status).toBe('not-comparable');
  });

  it('are not comparable against a number', () => {
    expect(ev('年底前', '100%').status).toBe('not-comparable');
  });
});

describe('E13 qualitative targets', () => {
  it('are met when the actual repeats the phrase or says the same thing', () => {
    expect(sr('逐步提高', '逐步提高')).toBe('met 1');
    expect(sr('长期', '长期')).toBe('met 1');
    expect(sr('逐步提高', '逐步提升')).toBe('met 1');
    expect(ev('不断提升', '不断提升').direction).toBe('qualitative');
  });

  it('are not comparable with a number, or a phrase that says something else', () => {
    const e = ev('逐步提高', '95%');
    expect(e.status).toBe('not-comparable');
    expect(e.explanation).toContain('定性');
    expect(ev('逐步提高', '长期').status).toBe('not-comparable');
  });
});

describe('E14 what cannot be compared', () => {
  it('an actual written as an expression', () => {
    const e = ev('≧70%', '≧70%');
    expect(e.status).toBe('not-comparable');
    expect(e.ratio).toBeUndefined();
    expect(e.explanation).toContain('写成了表达式');
  });

  it('an unparsed target or actual, saying which', () => {
    const t = ev('800批次*1500元/批次', '644批次');
    expect(t.status).toBe('not-comparable');
    expect(t.direction).toBe('unknown');
    expect(t.explanation).toContain('目标值无法识别');
    const a = ev('≥600批次', '/');
    expect(a.status).toBe('not-comparable');
    expect(a.explanation).toContain('实际完成值无法识别');
  });
});

describe('E15 ratios', () => {
  it('are rounded half-up to 4 places, kept within [0, 1], with the exact parts beside them', () => {
    const e = ev('≥3', '2');
    expect(e.ratio?.toString()).toBe('0.6667');
    expect(e.ratioParts?.numerator.toString()).toBe('2');
    expect(e.ratioParts?.denominator.toString()).toBe('3');
    // 1 ÷ 8 = 0.125 exactly; 1 ÷ 16 = 0.0625; 0.00005 rounds up to 0.0001
    expect(sr('≥8', '1')).toBe('partly-met 0.125');
    expect(sr('≥20000', '1')).toBe('partly-met 0.0001');
    expect(ev('≥600批次', '644批次').ratio?.toString()).toBe('1');
  });

  it('serialise as decimal strings', () => {
    expect(evaluationToJson(ev('93%以上', '20%'))).toEqual({
      status: 'partly-met',
      ratio: '0.2151',
      explanation: '实际20%未达到目标「不低于93%（含）」，完成比例 20 ÷ 93 = 0.2151',
    });
    expect(evaluationToJson(ev('≧70%', '≧70%'))).toEqual({
      status: 'not-comparable',
      explanation: '无法比较：实际完成值「≧70%」写成了表达式，应填写实际达到的数值',
    });
  });
});

describe('the five seeds, evaluated as printed', () => {
  const rows: readonly (readonly [string, string, string, EvaluateOptions | undefined])[] = [
    ['600批次以上', '644批次', 'met', undefined],
    ['93%以上', '95.03%', 'met', undefined],
    ['20%以上', '20%', 'met', undefined],
    ['逐步提高', '逐步提高', 'met', undefined],
    ['逐步改善', '逐步改善', 'met', undefined],
    ['持续向好', '持续向好', 'met', undefined],
    ['≧70%', '≧70%', 'not-comparable', undefined],
    ['≧5.2个', '6.07个', 'met', undefined],
    ['≧6000条次', '6000条次', 'met', undefined],
    ['≧3800批次', '3800批次', 'met', undefined],
    ['1次', '1次', 'met', { hint: 'count' }],
    ['2人', '2人', 'met', { hint: 'count' }],
    ['≥600批次', '612批次', 'met', undefined],
    ['≧4.5% ', '7.37%', 'met', undefined],
    ['100%', '100%', 'met', undefined],
    ['2个工作日内', '2个工作日内', 'met', undefined],
    ['7个工作日到1.5个工作日内', '1.5个工作日', 'met', undefined],
    ['≧180套', '186套', 'met', undefined],
    ['≧500次', '621次', 'met', undefined],
    ['不断提升', '不断提升', 'met', undefined],
    ['长期', '长期', 'met', undefined],
    ['≧75%', '86.87%', 'met', undefined],
    ['≧90%', '92%', 'met', undefined],
    ['≤700元/批次', '700元/批次', 'met', { hint: 'cost' }],
    ['≤3500元/批次', '3500元/批次', 'met', { hint: 'cost' }],
    ['≥837家', '837家', 'met', undefined],
    ['≥120家', '127家', 'met', undefined],
    ['≥90%', '92%', 'met', undefined],
    ['≥85%', '85%', 'met', undefined],
  ];
  it.each(rows.map(([target, actual, status, options]) => ({ target, actual, status, options })))(
    '$target against $actual is $status',
    ({ target, actual, status, options }) => {
      expect(ev(target, actual, options).status).toBe(status);
    },
  );
});

describe('evaluate never throws', () => {
  it('on malformed objects', () => {
    const bogus = { kind: 'threshold' } as unknown as Parameters<typeof evaluate>[0];
    const e = evaluate(bogus, parseActual('5'));
    expect(e.status).toBe('not-comparable');
  });
});
