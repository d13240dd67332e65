/**
 * @module The standard sections of a 自评报告 and how the document's own prose is placed among them.
 *
 * Project reports follow the national template (财预〔2020〕10号 attachment): 一、项目概况 … 六、绩效自评结果拟应用和
 * 公开情况. Department reports follow the 部门整体支出 template of seed 004 (一、部门基本情况 … 九、…公开情况),
 * whose parts differ (budget chapters, problems and measures as separate chapters).
 *
 * Matching: a prose section of level 1 or 2 whose heading names a standard section (keywords below, longest
 * match wins, each standard section taken once) is that section. How the rest of the prose is kept is
 * described in `report.ts`.
 */
import { chineseNumeral, parseChineseNumeral } from './numbers.js';

export type SectionKey =
  // project template
  | 'overview'
  | 'unit'
  | 'project'
  | 'process'
  | 'conclusion'
  | 'analysis'
  | 'funds'
  | 'goals'
  | 'indicators'
  | 'problems-measures'
  | 'problems'
  | 'measures'
  | 'application'
  // department template
  | 'staff'
  | 'general-budget'
  | 'revenue'
  | 'basic'
  | 'project-spending'
  | 'fund-budget'
  | 'state-capital'
  | 'social-insurance'
  | 'performance';

export interface StandardSection {
  key: SectionKey;
  level: 1 | 2;
  /** Heading text without its number. */
  title: string;
  /** Words that identify the section in a user's heading (numbering and punctuation removed). */
  match: readonly string[];
  /** Left out when nothing is drafted for it and the user wrote nothing under it. */
  optional?: boolean;
  children?: readonly StandardSection[];
}

const s = (
  key: SectionKey,
  level: 1 | 2,
  title: string,
  match: readonly string[],
  children?: readonly StandardSection[],
  optional = false,
): StandardSection => ({ key, level, title, match, ...(children ? { children } : {}), ...(optional ? { optional } : {}) });

export const PROJECT_SECTIONS: readonly StandardSection[] = [
  s('overview', 1, '项目概况', ['项目概况', '项目基本概况', '基本概况'], [
    s('unit', 2, '单位基本情况', ['单位基本情况', '单位概况', '部门基本情况', '单位简介']),
    s('project', 2, '项目基本情况', ['项目基本情况', '项目情况简介', '项目简介']),
  ]),
  s('process', 1, '绩效自评工作开展情况', ['绩效自评工作开展情况', '自评工作开展情况', '评价工作开展情况', '自评工作组织', '评价工作组织实施情况']),
  s('conclusion', 1, '综合评价结论', ['综合评价结论', '评价结论', '自评结论', '综合评价情况']),
  s('analysis', 1, '绩效目标实现情况分析', ['绩效目标实现情况', '绩效目标实现情况分析'], [
    s('funds', 2, '项目资金使用及管理情况', ['资金使用及管理情况', '资金使用和管理情况', '资金使用情况', '资金管理情况', '资金使用及管理']),
    s('goals', 2, '总体绩效目标完成情况', ['总体绩效目标完成情况', '总体目标完成情况', '总体绩效目标实现情况']),
    s('indicators', 2, '绩效指标完成情况', ['绩效指标完成情况', '指标完成情况']),
  ]),
  s('problems-measures', 1, '存在的问题和改进措施', ['存在的问题和改进措施', '存在的问题及改进措施', '问题和改进措施', '存在问题及改进措施'], [
    s('problems', 2, '存在的问题', ['存在的问题', '存在问题']),
    s('measures', 2, '改进措施', ['改进措施', '整改措施', '改进建议', '意见和建议']),
  ]),
  s('application', 1, '绩效自评结果拟应用和公开情况', ['结果拟应用和公开情况', '结果应用和公开情况', '拟应用和公开情况', '结果应用', '公开情况']),
];

export const DEPARTMENT_SECTIONS: readonly StandardSection[] = [
  s('overview', 1, '部门基本情况', ['部门基本情况', '部门概况', '单位基本概况'], [
    s('unit', 2, '单位基本情况', ['单位基本情况', '单位概况', '单位简介']),
    s('staff', 2, '人员情况', ['人员情况', '人员编制情况', '人员构成']),
  ]),
  s('general-budget', 1, '一般公共预算支出情况', ['一般公共预算支出情况', '部门整体支出情况', '部门收支情况', '部门整体收支情况'], [
    s('revenue', 2, '收入预算支出总体情况', ['收入预算支出总体情况', '收支总体情况', '总体情况', '收入支出情况']),
    s('basic', 2, '基本支出情况', ['基本支出情况']),
    s('project-spending', 2, '项目支出情况', ['项目支出情况']),
  ]),
  s('fund-budget', 1, '政府性基金预算支出情况', ['政府性基金预算支出情况'], undefined, true),
  s('state-capital', 1, '国有资本经营预算支出情况', ['国有资本经营预算支出情况'], undefined, true),
  s('social-insurance', 1, '社会保险基金预算支出情况', ['社会保险基金预算支出情况'], undefined, true),
  s('performance', 1, '部门整体支出绩效情况', ['部门整体支出绩效情况', '部门整体绩效情况', '整体支出绩效情况', '绩效目标实现情况'], [
    s('conclusion', 2, '综合评价结论', ['综合评价结论', '评价结论', '自评结论']),
    s('goals', 2, '总体绩效目标完成情况', ['总体绩效目标完成情况', '总体目标完成情况']),
    s('indicators', 2, '绩效指标完成情况', ['绩效指标完成情况', '指标完成情况']),
  ]),
  s('problems', 1, '存在的问题及原因分析', ['存在的问题及原因分析', '存在的问题', '存在问题']),
  s('measures', 1, '下一步改进措施', ['下一步改进措施', '改进措施', '整改措施', '意见和建议']),
  s('application', 1, '部门整体支出绩效自评结果拟应用和公开情况', ['结果拟应用和公开情况', '结果应用和公开情况', '拟应用和公开情况', '结果应用', '公开情况']),
];

/** Heading numbering of the report: level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）". */
const NUMBER_RE = /^\s*(?:([一二三四五六七八九十]+)\s*[、.．]|[（(]\s*([一二三四五六七八九十]+)\s*[）)]|(\d+)\s*[、.．](?!\d)|[（(]\s*(\d+)\s*[）)])\s*/;

/** The heading's own number and which numbering level it uses, if it starts with one. */
export function headingNumber(heading: string): { level: 1 | 2 | 3 | 4; n: number; rest: string } | undefined {
  const m = NUMBER_RE.exec(heading);
  if (!m) return undefined;
  const rest = heading.slice(m[0].length);
  if (m[1] !== undefined) return { level: 1, n: parseChineseNumeral(m[1]) ?? 0, rest };
  if (m[2] !== undefined) return { level: 2, n: parseChineseNumeral(m[2]) ?? 0, rest };
  if (m[3] !== undefined) return { level: 3, n: Number(m[3]), rest };
  return { level: 4, n: Number(m[4]), rest };
}

/** A heading with its numbering, whitespace and trailing punctuation removed: the words to match. */
export function headingWords(heading: string): string {
  const stripped = headingNumber(heading)?.rest ?? heading;
  return stripped.replace(/\s+/g, '').replace(/[。：:；;，,.、]+$/u, '');
}

/** Number prefix for a heading level: 一、 / （一） / 1. / （1）. */
export function numberPrefix(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** Standard sections in reading order, parents before their children. */
export function flattenSections(sections: readonly StandardSection[]): StandardSection[] {
  const out: StandardSection[] = [];
  for (const sec of sections) {
    out.push(sec);
    if (sec.children) out.push(...flattenSections(sec.children));
  }
  return out;
}

/** The standard section a heading names, if any, among those not yet taken. */
export function matchHeading(
  heading: string,
  sections: readonly StandardSection[],
  taken: ReadonlySet<SectionKey> = new Set(),
): StandardSection | undefined {
  const words = headingWords(heading);
  if (words === '') return undefined;
  let best: { sec: StandardSection; len: number } | undefined;
  for (const sec of flattenSections(sections)) {
    if (taken.has(sec.key)) continue;
    for (const k of sec.match) {
      if (words.includes(k) && (!best || k.length > best.len)) best = { sec, len: k.length };
    }
  }
  return best?.sec;
}
