/** @module Words for the library's codes: directions, match kinds, standings; the completion rate as a percentage (no core code). */

export const DIRECTION_LABELS: Readonly<Record<string, string>> = {
  'higher-better': '正向（越大越好）',
  'lower-better': '反向（越小越好）',
  exact: '等于目标值',
  qualitative: '定性',
  unknown: '未识别',
};

export const DIRECTION_SHORT: Readonly<Record<string, string>> = { 'higher-better': '正向', 'lower-better': '反向', exact: '等值', qualitative: '定性', unknown: '—' };

export const STANDING_LABELS: Readonly<Record<string, string>> = {
  'far-below-peers': '远低于同类',
  'below-peers': '低于同类',
  typical: '与同类相当',
  'above-peers': '高于同类',
  'few-peers': '同类样本太少',
  'not-comparable': '无法比较',
};

/** A fraction string with up to 4 places ("0.8333") as a percentage with two decimals ("83.33%"), by moving the point. */
export function rateText(fraction: string | undefined): string {
  if (fraction === undefined || !/^-?\d+(\.\d+)?$/.test(fraction)) return '—';
  const neg = fraction.startsWith('-');
  const [int = '0', frac = ''] = (neg ? fraction.slice(1) : fraction).split('.');
  const digits = `${int}${frac.padEnd(4, '0')}`; // value × 10^4, i.e. hundredths of a percent, when frac ≤ 4 places
  if (frac.length > 4) return `${fraction}`;
  const n = digits.replace(/^0+(?=\d)/, '').padStart(3, '0');
  return `${neg ? '-' : ''}${n.slice(0, -2)}.${n.slice(-2)}%`;
}
