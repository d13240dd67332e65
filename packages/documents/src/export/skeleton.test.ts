import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SECTIONS, PROJECT_SECTIONS, headingNumber, headingWords, matchHeading, numberPrefix } from './skeleton.js';

describe('report headings', () => {
  it('reads the numbering of a heading', () => {
    expect(headingNumber('一、项目概况')).toEqual({ level: 1, n: 1, rest: '项目概况' });
    expect(headingNumber('（十二）其他')).toEqual({ level: 2, n: 12, rest: '其他' });
    expect(headingNumber('(二) 事业发展规划')).toEqual({ level: 2, n: 2, rest: '事业发展规划' });
    expect(headingNumber('3.项目资金管理情况分析')).toEqual({ level: 3, n: 3, rest: '项目资金管理情况分析' });
    expect(headingNumber('（1）以制度建设为基础')).toEqual({ level: 4, n: 1, rest: '以制度建设为基础' });
    expect(headingNumber('基础信息')).toBeUndefined();
    expect(headingWords('（一）核实数据。')).toBe('核实数据');
    expect(numberPrefix(1, 9)).toBe('九、');
    expect(numberPrefix(2, 11)).toBe('（十一）');
  });

  it('matches the headings of the seeds to the standard sections', () => {
    const project: Array<[string, string | undefined]> = [
      ['一、项目概况', 'overview'],
      ['（一）项目单位基本情况', 'unit'],
      ['（二）项目基本情况简介', 'project'],
      ['二、绩效自评工作开展情况', 'process'],
      ['（一）核实数据。', undefined],
      ['三、综合评价结论', 'conclusion'],
      ['四、绩效目标实现情况分析', 'analysis'],
      ['（一）项目资金使用及管理情况', 'funds'],
      ['（二）总体绩效目标完成情况分析', 'goals'],
      ['（三）绩效指标完成情况分析', 'indicators'],
      ['五、存在的问题和改进措施', 'problems-measures'],
      ['（一）存在的问题', 'problems'],
      ['（二）改进措施', 'measures'],
      ['六、绩效自评结果拟应用和公开情况', 'application'],
    ];
    for (const [heading, key] of project) expect(matchHeading(heading, PROJECT_SECTIONS)?.key, heading).toBe(key);
    const department: Array<[string, string | undefined]> = [
      ['一、部门基本情况', 'overview'],
      ['（二）主要职能', undefined],
      ['（四）人员情况', 'staff'],
      ['二、一般公共预算支出情况', 'general-budget'],
      ['（一）收入预算支出总体情况', 'revenue'],
      ['六、部门整体支出绩效情况', 'performance'],
      ['（一）基本运维及日常业务工作平稳有序', undefined],
      ['七、存在的问题及原因分析', 'problems'],
      ['八、下一步改进措施', 'measures'],
      ['九、部门整体支出绩效自评结果拟应用和公开情况', 'application'],
    ];
    for (const [heading, key] of department) expect(matchHeading(heading, DEPARTMENT_SECTIONS)?.key, heading).toBe(key);
  });

  it('takes each standard section once', () => {
    expect(matchHeading('（一）存在的问题', PROJECT_SECTIONS, new Set(['problems']))?.key).toBeUndefined();
  });
});
