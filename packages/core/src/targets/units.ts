/**
 * @module The unit table (计量单位): which units are known, what kind of quantity each measures,
 * which spellings are synonyms (批 ≈ 批次), and the exact conversions between units of one kind
 * (元 / 万元 / 亿元, 公斤 / 吨, 米 / 公里, 分钟 / 小时 / 天, 月 / 季度 / 年).
 *
 * Unknown units are not rejected: they are kept as written and compare only with themselves.
 */
import { Dec } from '../decimal/decimal.js';

export type UnitCategory =
  | 'count'
  | 'money'
  | 'cost'
  | 'rate'
  | 'time'
  | 'workday'
  | 'percent'
  | 'percent-point'
  | 'area'
  | 'length'
  | 'weight'
  | 'volume'
  | 'score'
  | 'multiple'
  | 'unknown';

export interface UnitInfo {
  /** Units with the same base are comparable after multiplying by `factor`. */
  readonly base: string;
  readonly factor: Dec;
  readonly category: UnitCategory;
}

type Row = readonly [written: string, base: string, category: UnitCategory, factor?: string];

/**
 * Every unit the reader knows, as written → (comparison base, category, factor to the base).
 * Synonyms share a base with factor 1. Edit this table to teach the reader a unit.
 */
const UNIT_ROWS: readonly Row[] = [
  // counts (数量)
  ['批次', '批次', 'count'],
  ['批', '批次', 'count'],
  ['个', '个', 'count'],
  ['次', '次', 'count'],
  ['个次', '次', 'count'],
  ['件', '件', 'count'],
  ['件次', '件次', 'count'],
  ['家', '家', 'count'],
  ['家次', '家次', 'count'],
  ['户', '户', 'count'],
  ['户次', '户次', 'count'],
  ['人', '人', 'count'],
  ['名', '人', 'count'],
  ['位', '人', 'count'],
  ['人次', '人次', 'count'],
  ['台', '台', 'count'],
  ['台次', '台次', 'count'],
  ['台(件)', '台(件)', 'count'],
  ['台件', '台(件)', 'count'],
  ['台(套)', '台(套)', 'count'],
  ['台套', '台(套)', 'count'],
  ['套', '套', 'count'],
  ['份', '份', 'count'],
  ['项', '项', 'count'],
  ['条', '条', 'count'],
  ['条次', '条次', 'count'],
  ['场', '场次', 'count'],
  ['场次', '场次', 'count'],
  ['篇', '篇', 'count'],
  ['期', '期', 'count'],
  ['期次', '期', 'count'],
  ['所', '所', 'count'],
  ['只', '只', 'count'],
  ['辆', '辆', 'count'],
  ['车次', '车次', 'count'],
  ['起', '起', 'count'],
  ['宗', '宗', 'count'],
  ['部', '部', 'count'],
  ['种', '种', 'count'],
  ['类', '类', 'count'],
  ['本', '本', 'count'],
  ['册', '册', 'count'],
  ['张', '张', 'count'],
  ['块', '块', 'count'],
  ['处', '处', 'count'],
  ['座', '座', 'count'],
  ['单', '单', 'count'],
  ['笔', '笔', 'count'],
  ['课时', '课时', 'count'],
  ['学时', '学时', 'count'],
  ['班次', '班次', 'count'],
  ['棵', '棵', 'count'],
  ['株', '株', 'count'],
  ['头', '头', 'count'],
  ['枚', '枚', 'count'],
  ['间', '间', 'count'],
  ['栋', '栋', 'count'],
  ['例', '例', 'count'],
  ['组', '组', 'count'],
  ['支', '支', 'count'],
  ['队', '队', 'count'],
  ['轮', '轮', 'count'],
  ['批次数', '批次', 'count'],
  // money (金额)
  ['元', '元', 'money'],
  ['千元', '元', 'money', '1000'],
  ['万元', '元', 'money', '10000'],
  ['亿元', '元', 'money', '100000000'],
  // time (时间): calendar time converts exactly down to minutes; months to years; working days stand alone
  ['分钟', '分钟', 'time'],
  ['小时', '分钟', 'time', '60'],
  ['个小时', '分钟', 'time', '60'],
  ['天', '分钟', 'time', '1440'],
  ['日', '分钟', 'time', '1440'],
  ['周', '分钟', 'time', '10080'],
  ['星期', '分钟', 'time', '10080'],
  ['个工作日', '工作日', 'workday'],
  ['工作日', '工作日', 'workday'],
  ['月', '月', 'time'],
  ['个月', '月', 'time'],
  ['季度', '月', 'time', '3'],
  ['个季度', '月', 'time', '3'],
  ['年', '月', 'time', '12'],
  // percentages
  ['%', '%', 'percent'],
  ['个百分点', '百分点', 'percent-point'],
  ['百分点', '百分点', 'percent-point'],
  // area, length, weight, volume
  ['㎡', '㎡', 'area'],
  ['平方米', '㎡', 'area'],
  ['m²', '㎡', 'area'],
  ['m2', '㎡', 'area'],
  ['公顷', '㎡', 'area', '10000'],
  ['平方公里', '㎡', 'area', '1000000'],
  ['亩', '亩', 'area'],
  ['米', '米', 'length'],
  ['延米', '米', 'length'],
  ['千米', '米', 'length', '1000'],
  ['公里', '米', 'length', '1000'],
  ['km', '米', 'length', '1000'],
  ['克', '公斤', 'weight', '0.001'],
  ['公斤', '公斤', 'weight'],
  ['千克', '公斤', 'weight'],
  ['kg', '公斤', 'weight'],
  ['吨', '公斤', 'weight', '1000'],
  ['立方米', '立方米', 'volume'],
  ['m³', '立方米', 'volume'],
  // scores and multiples
  ['分', '分', 'score'],
  ['倍', '倍', 'multiple'],
];

const UNITS: ReadonlyMap<string, UnitInfo> = new Map(
  UNIT_ROWS.map(([written, base, category, factor]) => [
    written,
    { base, category, factor: factor === undefined ? Dec.ONE : Dec.of(factor) },
  ]),
);

/** Known spellings grouped by first character, longest first, for longest-match scanning. */
const BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [written] of UNIT_ROWS) {
    const first = written.charAt(0);
    const list = m.get(first) ?? [];
    list.push(written);
    m.set(first, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
})();

/** The longest known unit spelled at `i` (ASCII letters matched case-insensitively), if any. */
export function matchKnownUnit(s: string, i: number): string | undefined {
  const first = s.charAt(i);
  const list = BY_FIRST.get(first) ?? BY_FIRST.get(first.toLowerCase());
  if (list === undefined) return undefined;
  for (const u of list) {
    if (s.length - i < u.length) continue;
    const piece = s.slice(i, i + u.length);
    if (piece === u || piece.toLowerCase() === u) return piece;
  }
  return undefined;
}

/**
 * What a unit measures and how to compare it. Compound units `A/B` are costs when A is money
 * (元/批次, 万元/个), otherwise rates (次/年, 台/次). Unknown units compare only with themselves.
 */
export function unitInfo(unit: string): UnitInfo {
  const known = UNITS.get(unit) ?? UNITS.get(unit.toLowerCase());
  if (known !== undefined) return known;
  const slash = unit.indexOf('/');
  if (slash > 0 && slash < unit.length - 1) {
    const num = unitInfo(unit.slice(0, slash));
    const den = unitInfo(unit.slice(slash + 1));
    const denominator = den.factor.eq(Dec.ONE) ? den.base : unit.slice(slash + 1);
    return {
      base: `${num.base}/${denominator}`,
      factor: num.factor,
      category: num.category === 'money' ? 'cost' : 'rate',
    };
  }
  return { base: unit, factor: Dec.ONE, category: 'unknown' };
}

export function unitCategory(unit: string | undefined): UnitCategory | undefined {
  return unit === undefined ? undefined : unitInfo(unit).category;
}

/** True for calendar or working-day durations (天, 个工作日, 小时, 月, 年 …). */
export function isTimeUnit(unit: string | undefined): boolean {
  const c = unitCategory(unit);
  return c === 'time' || c === 'workday';
}
