/**
 * describeTarget (the editor's inline preview) and the JSON contract of `jixiao targets --json`.
 */
import { describe, expect, it } from 'vitest';
import { describeActual, describeTarget, formatQuantity } from './describe.js';
import { Dec } from '../decimal/decimal.js';
import { evaluate } from './evaluate.js';
import { evaluationToJson, targetToJson } from './json.js';
import { parseActual, parseTarget } from './parse.js';

const READINGS: readonly (readonly [string, string])[] = [
  ['600批次以上', '不少于600批次（含）'],
  ['≥600批次', '不少于600批次（含）'],
  ['93%以上', '不低于93%（含）'],
  ['100%', '不低于100%（含；未写比较符）'],
  ['≤700元/批次', '不超过700元/批次（含）'],
  ['700元/批次', '不超过700元/批次（含；未写比较符，按越低越好理解）'],
  ['3天', '不超过3天（含；未写比较符，按越低越好理解）'],
  ['超过600批次', '超过600批次（不含）'],
  ['低于5%', '低于5%（不含）'],
  ['不满18人', '少于18人（不含）'],
  ['M≥90%以上', 'M不低于90%（含）'],
  ['B>90%', 'B高于90%（不含）'],
  ['满意度95%以上', '满意度不低于95%（含）'],
  ['80%≤M<90%', 'M在80%（含）至90%（不含）之间'],
  ['80%≤M<90%为良', 'M在80%（含）至90%（不含）之间，为良'],
  ['90%-95%', '90%（含）至95%（含）之间'],
  ['=1次', '等于1次'],
  ['600余份', '不少于600余份（含；未写比较符）'],
  ['近10万元', '不少于近10万元（含；未写比较符）'],
  ['12.8万余元', '不少于12.8万余元（含；未写比较符）'],
  ['约500人', '不少于约500人（含；未写比较符）'],
  ['40家企业', '不少于40家企业（含；未写比较符）'],
  ['2个工作日内', '不超过2个工作日（含）'],
  ['7个工作日到1.5个工作日内', '由7个工作日压缩到不超过1.5个工作日（含）'],
  ['年底前', '年底前（12月31日前，含当日）'],
  ['年内', '年内（12月31日前，含当日）'],
  ['2021年内完成', '2021年内（2021年12月31日前，含当日）'],
  ['9月前', '9月底前（9月30日前，含当日）'],
  ['12月31日前', '12月31日前（含当日）'],
  ['上半年', '上半年内（6月30日前，含当日）'],
  ['第三季度末前', '第三季度末前（9月30日前，含当日）'],
  ['2021年1-12月', '2021年1月至2021年12月（2021年12月31日前完成，含当日）'],
  ['项目实施期2021年1-12月', '项目实施期2021年1月至2021年12月（2021年12月31日前完成，含当日）'],
  ['逐步提高', '定性目标：逐步提高'],
  ['良', '等级目标：良'],
  ['逐年下降5%', '无法识别：「下降」后的数值是相对变化幅度，需要基数才能判断，不是可直接比较的指标值'],
  ['', '无法识别：指标值为空'],
];

describe('describeTarget', () => {
  it.each(READINGS)('%j reads %s', (text, reading) => {
    expect(describeTarget(parseTarget(text))).toBe(reading);
  });

  it('is short enough for an inline preview', () => {
    for (const [text] of READINGS) {
      const p = parseTarget(text);
      if (p.kind !== 'unparsed') expect(describeTarget(p).length).toBeLessThanOrEqual(60);
    }
  });
});

describe('describeActual and formatQuantity', () => {
  it('words measurements, time statements and phrases', () => {
    expect(describeActual(parseActual('644批次'))).toBe('644批次');
    expect(describeActual(parseActual('近10万元'))).toBe('近10万元');
    expect(describeActual(parseActual('2个工作日内'))).toBe('2个工作日内');
    expect(describeActual(parseActual('在9月完成'))).toBe('9月');
    expect(describeActual(parseActual('年底前完成'))).toBe('年底前');
    expect(describeActual(parseActual('逐步提高'))).toBe('「逐步提高」');
    expect(describeActual(parseActual('≧70%'))).toBe('「≧70%」');
    expect(formatQuantity(Dec.of('95.03'), '%', true)).toBe('95.03%');
    expect(formatQuantity(Dec.of('600'), '份', false, 'more-than')).toBe('600余份');
    expect(formatQuantity(Dec.of('3'), '天', false, 'about')).toBe('约3天');
  });
});

describe('targetToJson: the public JSON contract', () => {
  const SHAPES: readonly (readonly [string, unknown])[] = [
    ['600批次以上', { kind: 'threshold', op: 'gte', value: '600', unit: '批次' }],
    ['≧70%', { kind: 'threshold', op: 'gte', value: '70', unit: '%' }],
    ['B>90%', { kind: 'threshold', op: 'gt', value: '90', unit: '%' }],
    ['≤700元/批次', { kind: 'threshold', op: 'lte', value: '700', unit: '元/批次' }],
    ['不高于0.36', { kind: 'threshold', op: 'lte', value: '0.36' }],
    ['4.4万人次', { kind: 'threshold', op: 'gte', value: '44000', unit: '人次' }],
    ['近10万元', { kind: 'threshold', op: 'gte', value: '10', unit: '万元' }],
    ['95.0%', { kind: 'threshold', op: 'gte', value: '95', unit: '%' }],
    ['80%≤M<90%', { kind: 'range', low: '80', high: '90', unit: '%', lowInclusive: true, highInclusive: false }],
    ['1至2次', { kind: 'range', low: '1', high: '2', unit: '次', lowInclusive: true, highInclusive: true }],
    ['=1次', { kind: 'exact', op: 'eq', value: '1', unit: '次' }],
    ['2个工作日内', { kind: 'deadline', op: 'lte', value: '2', unit: '个工作日' }],
    ['7个工作日到1.5个工作日内', { kind: 'deadline', op: 'lte', value: '1.5', unit: '个工作日' }],
    ['年底前', { kind: 'deadline', op: 'lte', due: { month: 12, period: 'year-end' } }],
    ['逐步提高', { kind: 'qualitative', level: '逐步提高' }],
    ['%%', { kind: 'unparsed', reason: '只有符号「%%」，没有数值' }],
  ];

  it.each(SHAPES)('%j → %j', (text, shape) => {
    expect(targetToJson(parseTarget(text))).toEqual(shape);
  });

  it('puts keys in the documented order and never writes undefined', () => {
    const json = targetToJson(parseTarget('≥600批次'));
    expect(Object.keys(json)).toEqual(['kind', 'op', 'value', 'unit']);
    expect(JSON.stringify(targetToJson(parseTarget('80%≤M<90%')))).toBe('{"kind":"range","low":"80","high":"90","unit":"%","lowInclusive":true,"highInclusive":false}');
    for (const text of ['', '逐步提高', '年底前', '5']) {
      expect(Object.values(targetToJson(parseTarget(text)))).not.toContain(undefined);
    }
  });

  it('only uses the contract keys', () => {
    // The first contract's keys, plus the additive lowInclusive / highInclusive / due / level.
    const allowed = new Set(['kind', 'op', 'value', 'low', 'high', 'unit', 'reason', 'lowInclusive', 'highInclusive', 'due', 'level']);
    for (const [text] of [...SHAPES, ...READINGS]) {
      for (const k of Object.keys(targetToJson(parseTarget(text)))) expect(allowed.has(k)).toBe(true);
    }
  });
});

describe('evaluationToJson: the public JSON contract', () => {
  it('is { status, ratio?, explanation } with the ratio as a decimal string', () => {
    const met = evaluationToJson(evaluate(parseTarget('600批次以上'), parseActual('644批次')));
    expect(met).toEqual({ status: 'met', ratio: '1', explanation: '实际644批次，达到目标「不少于600批次（含）」' });
    expect(Object.keys(met)).toEqual(['status', 'ratio', 'explanation']);
    const nc = evaluationToJson(evaluate(parseTarget('逐步提高'), parseActual('95%')));
    expect(Object.keys(nc)).toEqual(['status', 'explanation']);
  });

  it('round-trips through JSON.stringify as plain data', () => {
    const input = '≤700元/批次';
    const out = {
      input,
      parsed: targetToJson(parseTarget(input)),
      evaluation: evaluationToJson(evaluate(parseTarget(input), parseActual('800元/批次'))),
    };
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      input: '≤700元/批次',
      parsed: { kind: 'threshold', op: 'lte', value: '700', unit: '元/批次' },
      evaluation: {
        status: 'partly-met',
        ratio: '0.875',
        explanation: '实际800元/批次超出目标「不超过700元/批次（含）」，完成比例 700 ÷ 800 = 0.8750',
      },
    });
  });
});
