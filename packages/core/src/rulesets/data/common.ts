/** @module Parts shared by the shipped rule sets (national conventions from 财预〔2020〕10号). */
import type { RuleSetInput } from '../schema.js';

export const NATIONAL_GRADES: RuleSetInput['grades'] = [
  { grade: '优', min: '90', aliases: ['优秀'] },
  { grade: '良', min: '80', aliases: ['良好'] },
  { grade: '中', min: '60', aliases: ['中等', '合格'] },
  { grade: '差', min: '0', aliases: ['较差', '不合格'] },
];

export const NATIONAL_QUANTITATIVE: RuleSetInput['quantitative'] = {
  partial: 'proportional',
  missedDeadline: 'zero',
  targetTooLowFactor: '1.5',
  targetTooHighFactor: '0.5',
};

export const NATIONAL_QUALITATIVE: RuleSetInput['qualitative'] = {
  achieved: ['0.8', '1'],
  partly: ['0.6', '0.8'],
  notAchieved: ['0', '0.6'],
  unscored: 'top-of-band',
};

export const DEFAULT_GRADING_BANDS: RuleSetInput['gradingBands'] = {
  excellent: '1',
  good: '0.8',
  fair: '0.6',
  poor: '0',
};

export const HALF_UP_2: RuleSetInput['rounding'] = { scorePlaces: 2, ratePlaces: 2, mode: 'half-up' };

export const TOLERANCE: RuleSetInput['tolerance'] = { kind: 'half-unit-last-printed-place', max: '0.05' };

export const NATIONAL_CHOICES: NonNullable<RuleSetInput['choices']> = [
  {
    key: 'execution-above-100',
    text: '执行率超过100%时按100%计分（分值×min(执行率,1)），超出本身由审核报告。',
  },
  {
    key: 'target-too-low',
    text: '实际值远超目标（≥1.5倍，反向指标≤0.5倍）时不自动扣分，由审核以警告提示"目标设置偏低"。',
  },
  {
    key: 'missed-deadline',
    text: '时限类指标逾期完成得0分，并在说明中写明原因。',
  },
  {
    key: 'qualitative-band',
    text: '定性指标：达成80%–100%、部分达成60%–80%、未达成0–60%（下限含）；所印得分在所述完成档内即采纳，未印得分时取该档上限，档外得分报告并取最近的档边界。',
  },
  {
    key: 'uncomputable-item',
    text: '无法计算的指标（指标值缺失、实际值写成表达式、单位不可比）按所印得分计入总分，并标注"未核算"。',
  },
  {
    key: 'tolerance',
    text: '所印数字与计算值比较时容差为所印末位的半个单位，且不超过0.05分（整数所印得分不视为4.6的四舍五入）。',
  },
];
