/** @module 云南省省级部门项目支出绩效自评 (2017): 投入 15 / 过程 30 / 产出 30 / 效果 25, per-indicator grading bands. */
import type { RuleSetInput } from '../schema.js';
import { DEFAULT_GRADING_BANDS, HALF_UP_2, NATIONAL_QUALITATIVE, NATIONAL_QUANTITATIVE, TOLERANCE } from './common.js';

export const yunnan2017: RuleSetInput = {
  id: 'yunnan-2017',
  version: '1.0.0',
  name: '云南省省级部门项目支出绩效自评（2017年度）',
  description:
    '投入15（项目立项9、资金落实6）、过程30（业务管理15、财务管理15）、产出30、效果25（经济、社会、生态、可持续影响、满意度5）四个一级指标，指标可达四级；指标按优/良/中/差绩效标准分档；满意度按问卷得分折算（分值×得分÷100）。无预算执行率单列分值（资金落实指标考核资金到位率）。',
  sources: ['云南省财政厅 省级部门项目支出绩效自评报告模板（2017年度）'],
  level: 'project',
  totalWeight: '100',
  execution: null,
  sections: [
    { key: 'input', name: '项目投入', categories: ['input'], weight: '15', requiredCategories: [] },
    { key: 'process', name: '项目过程', categories: ['process'], weight: '30', requiredCategories: [] },
    { key: 'output', name: '项目产出', categories: ['output'], weight: '30', requiredCategories: [] },
    { key: 'effect', name: '项目效果', categories: ['effect'], weight: '25', requiredCategories: [] },
    {
      key: 'satisfaction',
      name: '满意度',
      categories: ['satisfaction', 'service-satisfaction'],
      weight: '5',
      requiredCategories: [],
      leafFormula: 'survey-score',
    },
  ],
  quantitative: NATIONAL_QUANTITATIVE,
  qualitative: NATIONAL_QUALITATIVE,
  gradingBands: DEFAULT_GRADING_BANDS,
  satisfactionWithoutTarget: 'given',
  unitemisedRemainder: 'printed',
  grades: [
    { grade: '优', min: '90', aliases: ['优秀'] },
    { grade: '良', min: '80', aliases: ['良好'] },
    { grade: '中', min: '60', aliases: ['中等', '合格'] },
    { grade: '差', min: '0', aliases: ['较差'] },
  ],
  rounding: HALF_UP_2,
  tolerance: TOLERANCE,
  normalisation: 'none',
  choices: [
    {
      key: 'band-shares',
      text: '分档指标按所在档计分：优100%、良80%、中60%、差0%（模板未规定档内分值，此为本规则集的选择）。',
    },
    { key: 'survey', text: '满意度 = 分值 × 问卷综合得分 ÷ 100，四舍五入到0.01分（5×92.97÷100=4.65）。' },
    {
      key: 'unitemised',
      text: '一级指标只列明部分下级分值时（如效果25分中仅列满意度5分），其余部分按所印得分计入，并标注"未分项"。',
    },
  ],
};
