/** @module 部门整体支出绩效自评 (national family, seed 004): execution 10 plus 产出 / 效益 / 满意度 / 成本 indicators. */
import type { RuleSetInput } from '../schema.js';
import {
  DEFAULT_GRADING_BANDS, HALF_UP_2, NATIONAL_CHOICES, NATIONAL_GRADES, NATIONAL_QUALITATIVE, NATIONAL_QUANTITATIVE, TOLERANCE,
} from './common.js';

export const nationalDepartment: RuleSetInput = {
  id: 'national-department',
  version: '1.0.0',
  name: '部门整体支出绩效自评',
  description:
    '部门整体支出绩效自评表：预算执行率10分，产出、效益、满意度、成本指标由部门在100分内分配（益阳市2023年表：产出50、效益40、满意度10、成本10为标注值）。基础数据表的控制率、三公经费等恒等式由审核检查。',
  sources: [
    '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）',
    '益阳市财政局关于开展2023年度市级预算部门绩效自评和部门评价工作的通知（部门整体支出绩效自评表）',
  ],
  level: 'department',
  totalWeight: '100',
  execution: { weight: '10', formula: 'capped-ratio' },
  sections: [
    { key: 'output', name: '产出指标', categories: ['output'], requiredCategories: [['quantity'], ['quality']] },
    { key: 'benefit', name: '效益指标', categories: ['benefit'], requiredCategories: [] },
    { key: 'satisfaction', name: '满意度指标', categories: ['satisfaction', 'service-satisfaction'], requiredCategories: [] },
    { key: 'cost', name: '成本指标', categories: ['cost'], requiredCategories: [] },
  ],
  quantitative: NATIONAL_QUANTITATIVE,
  qualitative: NATIONAL_QUALITATIVE,
  gradingBands: DEFAULT_GRADING_BANDS,
  satisfactionWithoutTarget: 'given',
  unitemisedRemainder: 'printed',
  grades: NATIONAL_GRADES,
  rounding: HALF_UP_2,
  tolerance: TOLERANCE,
  normalisation: 'none',
  choices: [
    ...NATIONAL_CHOICES,
    { key: 'section-weights', text: '一级指标权重由部门分配，不固定；标注权重与下属指标分值之和不符由审核报告。' },
  ],
};
