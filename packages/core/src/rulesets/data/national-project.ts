/** @module 项目支出绩效自评 (national, 财预〔2020〕10号): execution 10, 产出 50, 效益 30, 满意度 10. */
import type { RuleSetInput } from '../schema.js';
import {
  DEFAULT_GRADING_BANDS, HALF_UP_2, NATIONAL_CHOICES, NATIONAL_GRADES, NATIONAL_QUALITATIVE, NATIONAL_QUANTITATIVE, TOLERANCE,
} from './common.js';

export const nationalProject: RuleSetInput = {
  id: 'national-project',
  version: '1.0.0',
  name: '项目支出绩效自评（财预〔2020〕10号）',
  description:
    '全国通用的项目支出绩效自评表：预算执行率10分，产出指标50分、效益指标30分、满意度指标10分（特殊情况下单位可调整一级指标权重），定量指标达成得满分、未达成按完成比例计分，定性指标分档计分。',
  sources: ['财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）及所附项目支出绩效自评表'],
  level: 'project',
  totalWeight: '100',
  execution: { weight: '10', formula: 'capped-ratio' },
  sections: [
    { key: 'output', name: '产出指标', categories: ['output'], weight: '50', requiredCategories: [['quantity'], ['quality']] },
    { key: 'benefit', name: '效益指标', categories: ['benefit'], weight: '30', requiredCategories: [] },
    { key: 'cost', name: '成本指标', categories: ['cost'], requiredCategories: [] },
    { key: 'satisfaction', name: '满意度指标', categories: ['satisfaction', 'service-satisfaction'], weight: '10', requiredCategories: [] },
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
  choices: NATIONAL_CHOICES,
};
