/**
 * @module A new, empty evaluation document laid out like the national 自评表: the funding block with
 * its usual source rows, one 年度总体目标, and the indicator frame (一级 / 二级) to fill in.
 */
import type { EvaluationDocument, IndicatorNode, FundingRow } from '@jixiao/core';

export interface NewDocumentInput {
  title: string;
  year: number;
  level: 'project' | 'department';
  organisation: string;
  projectName?: string | undefined;
  supervisingDepartment?: string | undefined;
}

const section = (id: string, name: string, category: IndicatorNode['category'], declaredWeight: string | undefined, children: IndicatorNode[]): IndicatorNode => ({
  id,
  name,
  category,
  ...(declaredWeight ? { declaredWeight } : {}),
  children,
});

const group = (id: string, name: string, category: IndicatorNode['category']): IndicatorNode => ({ id, name, category, children: [] });

/** The indicator frame of the national scheme for a level (产出 50 / 效益 30 / 满意度 10 for projects). */
export function indicatorFrame(level: 'project' | 'department'): IndicatorNode[] {
  const project = level === 'project';
  const frame = [
    section('out', '产出指标', 'output', project ? '50' : '40', [
      group('out.qty', '数量指标', 'quantity'),
      group('out.qual', '质量指标', 'quality'),
      group('out.time', '时效指标', 'timeliness'),
      ...(project ? [group('out.cost', '成本指标', 'cost-output')] : []),
    ]),
    section('ben', '效益指标', 'benefit', '30', [
      group('ben.econ', '经济效益指标', 'economic'),
      group('ben.soc', '社会效益指标', 'social'),
      group('ben.eco', '生态效益指标', 'ecological'),
      group('ben.sus', '可持续影响指标', 'sustainable'),
    ]),
    section('sat', '满意度指标', 'satisfaction', '10', [group('sat.svc', '服务对象满意度指标', 'service-satisfaction')]),
  ];
  if (!project) frame.push(section('cost', '成本指标', 'cost', '10', [group('cost.eco', '经济成本指标', 'other')]));
  return frame;
}

/** The funding block of the 自评表: 年度资金总额 and its sources, amounts left blank. */
export function fundingRows(): FundingRow[] {
  return [
    { label: '年度资金总额', role: 'total', amounts: {} },
    { label: '其中：本级财政拨款', role: 'item', sourceKind: 'same-level-fiscal', amounts: {} },
    { label: '上级财政拨款', role: 'item', sourceKind: 'upper-fiscal', amounts: {} },
    { label: '上年结转资金', role: 'item', sourceKind: 'carry-over', amounts: {} },
    { label: '其他资金', role: 'item', sourceKind: 'other', amounts: {} },
  ];
}

export function newDocument(input: NewDocumentInput): EvaluationDocument {
  return {
    schemaVersion: 1,
    ruleSet: input.level === 'project' ? 'national-project' : 'national-department',
    header: {
      title: input.title.trim(),
      level: input.level,
      stage: 'self-evaluation',
      year: input.year,
      organisation: input.organisation.trim(),
      ...(input.supervisingDepartment?.trim() ? { supervisingDepartment: input.supervisingDepartment.trim() } : {}),
      implementingUnits: [input.organisation.trim()],
      ...(input.projectName?.trim() ? { projectName: input.projectName.trim() } : {}),
      subProjects: [],
    },
    funding: {
      unit: '万元',
      tables: [{ id: 'project-funding', title: '项目资金（万元）', kind: 'project-funding', unit: '万元', rows: fundingRows() }],
      execution: { weight: '10' },
    },
    goals: [{ expected: '', actual: '' }],
    indicators: indicatorFrame(input.level),
    projects: [],
    prose: [],
    meta: { team: [], problems: [], measures: [] },
    notes: [],
  };
}

/** The usual title: 2024年度<项目名称>绩效自评表 (or the unit's name for a department evaluation). */
export function suggestTitle(year: number, level: 'project' | 'department', name: string): string {
  const n = name.trim();
  if (level === 'department') return `${year}年度${n || '部门'}部门整体支出绩效自评表`;
  return `${year}年度${n || '项目'}绩效自评表`;
}
