import { describe, expect, it } from 'vitest';
import { EvaluationDocument } from '@jixiao/core';
import { REPORT_OUTLINE, newSectionId, outlineSections } from './ReportEditor.js';

describe('report outline', () => {
  it('adds the template sections with fresh ids, sub-sections under their heading, and a valid document', () => {
    const existing = [{ id: 's1', heading: '附：项目单位说明', level: 1, path: [], text: '见附件。', project: 'p1' }];
    const sections = outlineSections(existing);
    expect(sections.map((s) => s.heading)).toEqual(REPORT_OUTLINE.map((o) => o.heading));
    const ids = [...existing, ...sections].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sections.find((s) => s.heading === '（二）项目绩效目标')?.path).toEqual(['一、基本情况']);
    expect(sections.find((s) => s.heading === '（一）项目资金情况分析')?.path).toEqual(['四、绩效目标实现情况分析']);
    expect(newSectionId([{ id: 's2', heading: '', level: 1, path: [], text: '' }])).toBe('s3');
    const doc = EvaluationDocument.parse({
      schemaVersion: 1,
      header: { title: '测试', year: 2024, level: 'project', organisation: '某单位' },
      prose: sections,
    });
    expect(doc.prose).toHaveLength(REPORT_OUTLINE.length);
  });
});
