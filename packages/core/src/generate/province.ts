/**
 * @module A deterministic province-scale data set: tens of thousands of evaluation documents with
 * realistic target and actual strings, for benchmarks, load tests and seeding the indicator library.
 *
 * Deterministic by construction (a seeded xorshift generator, no clock, no Math.random), so two runs
 * produce the same documents and benchmark figures can be compared.
 */
import type { EvaluationDocument, IndicatorNode } from '../model/index.js';

/** Small seeded PRNG (xorshift32): the same seed gives the same sequence on every platform. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** Next unsigned 32-bit integer. */
  nextUint(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return this.nextUint() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** True with probability p (p in [0, 1]), decided on integers. */
  chance(p: number): boolean {
    return this.int(10_000) < Math.round(p * 10_000);
  }
}

interface Template {
  name: string;
  category: 'quantity' | 'quality' | 'timeliness' | 'cost-output' | 'social' | 'economic' | 'sustainable' | 'service-satisfaction';
  target: (r: SeededRandom) => { target: string; actual: string };
}

const COUNTS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 40, 50, 60, 80, 100, 120, 150, 200, 300, 500, 600, 800, 1000, 1200, 1500, 2000, 3000, 3800, 5000, 6000];
const PERCENTS = ['80', '85', '90', '92', '93', '95', '96', '98', '99', '100'];
const UNITS_COUNT = ['批次', '家', '户', '人次', '次', '份', '项', '个', '件', '场次', '台(件)', '套', '条次', '篇', '期', '所'];
const QUALITATIVE = ['逐步提高', '持续向好', '不断提升', '长期', '效果明显', '有效', '显著', '达成预期指标', '逐步改善', '长期有效'];

function scaled(r: SeededRandom, base: number, lowPct: number, highPct: number): string {
  const pct = lowPct + r.int(highPct - lowPct + 1);
  const v = Math.round((base * pct) / 100);
  return String(Math.max(v, 0));
}

function percentActual(r: SeededRandom, target: string): string {
  const t = Number(target);
  if (r.chance(0.75)) {
    const v = Math.min(100, t + r.int(8));
    return `${v}${r.chance(0.5) ? '' : `.${String(r.int(100)).padStart(2, '0')}`}`.replace(/^100\.\d+$/, '100');
  }
  return `${Math.max(0, t - 1 - r.int(15))}.${r.int(10)}`;
}

const TEMPLATES: readonly Template[] = [
  { name: '监督抽查批次', category: 'quantity', target: (r) => { const n = r.pick(COUNTS); const u = '批次'; return { target: r.pick([`≥${n}${u}`, `${n}${u}以上`, `不少于${n}${u}`, `≧${n}${u}`]), actual: `${scaled(r, n, 85, 125)}${u}` }; } },
  { name: '检查企业数量', category: 'quantity', target: (r) => { const n = r.pick(COUNTS); const u = r.pick(UNITS_COUNT); return { target: r.pick([`≥${n}${u}`, `${n}${u}`, `不低于${n}${u}`]), actual: `${scaled(r, n, 80, 140)}${u}` }; } },
  { name: '培训人次', category: 'quantity', target: (r) => { const n = r.pick(COUNTS) * 10; return { target: `${n}人次以上`, actual: r.chance(0.1) ? `${n}余人次` : `${scaled(r, n, 90, 130)}人次` }; } },
  { name: '宣传活动次数', category: 'quantity', target: (r) => { const n = r.pick([1, 2, 3, 4, 6, 10, 12]); return { target: `${n}次`, actual: `${scaled(r, n, 80, 150)}次` }; } },
  { name: '抽检合格率', category: 'quality', target: (r) => { const p = r.pick(PERCENTS); return { target: r.pick([`${p}%以上`, `≥${p}%`, `不低于${p}%`, `≧${p}%`]), actual: `${percentActual(r, p)}%` }; } },
  { name: '问题整改率', category: 'quality', target: () => ({ target: '100%', actual: '100%' }) },
  { name: '任务完成率', category: 'quality', target: (r) => { const p = r.pick(PERCENTS); return { target: `${p}%`, actual: `${percentActual(r, p)}%` }; } },
  { name: '办结时限', category: 'timeliness', target: (r) => { const n = r.pick([1, 2, 3, 5, 7, 10, 15, 20, 30]); return { target: r.pick([`${n}个工作日内`, `${n}天以内`, `≤${n}个工作日`]), actual: r.chance(0.85) ? `${Math.max(1, n - r.int(n))}个工作日` : `${n + 1 + r.int(3)}个工作日` }; } },
  { name: '完成时间', category: 'timeliness', target: (r) => ({ target: r.pick(['年底前', '12月31日前', '11月底前', '9月前']), actual: r.pick(['年底前完成', '12月20日', '按期完成', '11月30日']) }) },
  { name: '单位抽检成本', category: 'cost-output', target: (r) => { const n = r.pick([300, 500, 700, 1000, 1500, 3000, 3500]); return { target: r.pick([`≤${n}元/批次`, `不超过${n}元/批次`, `${n}元/批次以内`]), actual: `${scaled(r, n, 80, 115)}元/批次` }; } },
  { name: '项目成本控制', category: 'cost-output', target: (r) => { const n = r.pick([10, 20, 41.2, 50, 100, 200]); return { target: `≤${n}万元`, actual: `${n}万元` }; } },
  { name: '群众安全感', category: 'social', target: (r) => { const q = r.pick(QUALITATIVE); return { target: q, actual: r.chance(0.8) ? q : '部分完成' }; } },
  { name: '企业减负金额', category: 'economic', target: (r) => { const n = r.pick([10, 50, 100, 200, 500]); return { target: `≥${n}万元`, actual: `${scaled(r, n, 70, 200)}万元` }; } },
  { name: '长效机制', category: 'sustainable', target: (r) => ({ target: r.pick(['长期', '长期有效', '持续向好']), actual: r.pick(['长期', '长期有效', '持续向好', '达成预期指标']) }) },
  { name: '服务对象满意度', category: 'service-satisfaction', target: (r) => { const p = r.pick(['80', '85', '90', '95']); return { target: r.pick([`≥${p}%`, `${p}%以上`, `≧${p}%`]), actual: `${percentActual(r, p)}%` }; } },
];

const ORGS = ['市场监督管理局', '财政局', '教育局', '卫生健康委员会', '交通运输局', '农业农村局', '水利局', '民政局', '住房和城乡建设局', '文化旅游局', '生态环境局', '人力资源和社会保障局'];
const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];
const PROJECTS = ['质量监管专项', '食品安全监管专项', '信息化建设项目', '民生保障专项', '基础设施维护', '专项整治行动', '培训宣传经费', '设备购置项目', '检验检测能力提升'];

export interface ProvinceOptions {
  /** Number of evaluation documents (default 40,000). */
  evaluations?: number;
  /** Indicators per document (default 15: with 40,000 documents, 600,000 indicators). */
  indicatorsPerDocument?: number;
  seed?: number;
  year?: number;
}

/** Yields the documents one at a time, so callers can stream them into a database. */
export function* generateProvince(options: ProvinceOptions = {}): Generator<EvaluationDocument> {
  const count = options.evaluations ?? 40_000;
  const perDoc = options.indicatorsPerDocument ?? 15;
  const r = new SeededRandom(options.seed ?? 20_201_231);
  for (let i = 0; i < count; i++) yield generateDocument(r, i, perDoc, options.year ?? 2023);
}

function generateDocument(r: SeededRandom, index: number, perDoc: number, baseYear: number): EvaluationDocument {
  const city = r.pick(CITIES);
  const org = `${city}${r.pick(ORGS)}`;
  const project = r.pick(PROJECTS);
  const year = baseYear - r.int(3);
  const leaves: Array<{ t: Template; node: IndicatorNode }> = [];
  // Output 50 (quantity, quality, timeliness, cost), benefit 30, satisfaction 10; weights add to 90.
  const outputCount = Math.max(3, Math.round(perDoc * 0.55));
  const satisfactionCount = 1;
  const benefitCount = Math.max(1, perDoc - outputCount - satisfactionCount);
  const outputTemplates = TEMPLATES.filter((t) => ['quantity', 'quality', 'timeliness', 'cost-output'].includes(t.category));
  const benefitTemplates = TEMPLATES.filter((t) => ['social', 'economic', 'sustainable'].includes(t.category));
  const satisfactionTemplates = TEMPLATES.filter((t) => t.category === 'service-satisfaction');
  const make = (t: Template, k: number, weight: string): IndicatorNode => {
    const { target, actual } = t.target(r);
    const node: IndicatorNode = { id: `i${k}`, name: `${t.name}${k}`, weight, target, actual };
    leaves.push({ t, node });
    return node;
  };
  const split = (total: number, n: number): string[] => {
    const base = Math.floor(total / n);
    return Array.from({ length: n }, (_, j) => String(j === 0 ? total - base * (n - 1) : base));
  };
  const ow = split(50, outputCount);
  const bw = split(30, benefitCount);
  const byCategory = new Map<string, IndicatorNode[]>();
  for (let k = 0; k < outputCount; k++) {
    // The first two are always a quantity and a quality indicator, as the national template requires.
    const t = k === 0 ? outputTemplates[0]! : k === 1 ? outputTemplates.find((x) => x.category === 'quality')! : r.pick(outputTemplates);
    const n = make(t, k, ow[k]!);
    byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), n]);
  }
  const benefit = Array.from({ length: benefitCount }, (_, k) => make(r.pick(benefitTemplates), outputCount + k, bw[k]!));
  const satisfaction = make(r.pick(satisfactionTemplates), outputCount + benefitCount, '10');
  const sectionName: Record<string, string> = { quantity: '数量指标', quality: '质量指标', timeliness: '时效指标', 'cost-output': '成本指标' };
  const budget = 20 + r.int(2000);
  const executed = r.chance(0.7) ? budget : Math.round((budget * (50 + r.int(60))) / 100);
  return {
    schemaVersion: 1,
    id: `gen-${index}`,
    ruleSet: 'national-project',
    header: {
      title: `${year}年度${project}绩效自评`,
      level: 'project',
      stage: 'self-evaluation',
      year,
      organisation: org,
      supervisingDepartment: `${city}人民政府`,
      implementingUnits: [org],
      projectName: `${city}${project}`,
      subProjects: [],
      region: city,
    },
    funding: {
      unit: '万元',
      tables: [
        {
          id: 'funding',
          kind: 'project-funding',
          unit: '万元',
          rows: [
            { label: '年度资金总额', role: 'total', amounts: { initialBudget: String(budget), annualBudget: String(budget), executed: String(executed) } },
            { label: '其中：本级财政拨款', role: 'item', sourceKind: 'same-level-fiscal', amounts: { initialBudget: String(budget), annualBudget: String(budget), executed: String(executed) } },
          ],
        },
      ],
      execution: { weight: '10' },
    },
    goals: [{ expected: `完成${project}年度任务`, actual: '已完成' }],
    indicators: [
      {
        id: 'out',
        name: '产出指标',
        category: 'output',
        children: [...byCategory.entries()].map(([cat, nodes]) => ({ id: `out.${cat}`, name: sectionName[cat] ?? cat, children: nodes })),
      },
      { id: 'ben', name: '效益指标', category: 'benefit', children: [{ id: 'ben.s', name: '社会效益指标', children: benefit }] },
      { id: 'sat', name: '满意度指标', category: 'satisfaction', children: [{ id: 'sat.s', name: '服务对象满意度指标', children: [satisfaction] }] },
    ],
    projects: [],
    prose: [],
    meta: { team: [], problems: [], measures: [] },
    notes: [],
  };
}
