/** @module 南昌市财政支出绩效评价 (洪府发〔2014〕8号): itemised points per third-level indicator. */
import type { RuleSetInput } from '../schema.js';
import { DEFAULT_GRADING_BANDS, HALF_UP_2, NATIONAL_GRADES, NATIONAL_QUALITATIVE, NATIONAL_QUANTITATIVE, TOLERANCE } from './common.js';

export const nanchang2014: RuleSetInput = {
  id: 'nanchang-2014',
  version: '1.0.0',
  name: '南昌市财政支出绩效评价（洪府发〔2014〕8号）',
  description:
    '投入10、过程10、产出50（数量20、质量15、时效5、成本10）、效益30（经济10、社会10、可持续10）、满意度10，逐项列明三级指标分值与得分。框架合计110分而结果按100分制表述：本规则集不折算，由审核报告权重之和不等于100。',
  sources: ['《南昌市财政支出绩效评价管理办法（试行）》（洪府发〔2014〕8号）', '财政部《预算绩效评价共性指标体系框架》（财预〔2013〕53号）'],
  level: 'project',
  totalWeight: '100',
  execution: null,
  sections: [
    { key: 'input', name: '投入指标', categories: ['input'], weight: '10', requiredCategories: [] },
    { key: 'process', name: '过程指标', categories: ['process'], weight: '10', requiredCategories: [] },
    {
      key: 'output',
      name: '产出指标',
      categories: ['output'],
      weight: '50',
      requiredCategories: [['quantity'], ['quality'], ['timeliness'], ['cost-output', 'cost']],
    },
    { key: 'benefit', name: '效益指标', categories: ['benefit', 'effect'], weight: '30', requiredCategories: [] },
    { key: 'satisfaction', name: '满意度指标', categories: ['satisfaction', 'service-satisfaction'], weight: '10', requiredCategories: [] },
  ],
  quantitative: NATIONAL_QUANTITATIVE,
  qualitative: NATIONAL_QUALITATIVE,
  gradingBands: DEFAULT_GRADING_BANDS,
  satisfactionWithoutTarget: 'rate-proportional',
  unitemisedRemainder: 'none',
  grades: NATIONAL_GRADES,
  rounding: HALF_UP_2,
  tolerance: TOLERANCE,
  normalisation: 'none',
  choices: [
    { key: 'itemised', text: '逐项得分以报告所述为准；未述得分的三级指标视为缺失，由审核报告。' },
    { key: 'satisfaction-rate', text: '满意度未设目标值时按 分值×满意率 计分（80%满意度→5分×80%=4分）。' },
    { key: 'framework-110', text: '框架权重合计110分，不折算；审核报告权重之和与100分不符。' },
  ],
};
