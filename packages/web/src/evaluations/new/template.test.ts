import { describe, expect, it } from 'vitest';
import { auditDocument, parseDocument, scoreDocument } from '@jixiao/core';
import { newDocument, suggestTitle } from './template.js';

describe('newDocument', () => {
  it('is a valid interchange document the core scores and audits', () => {
    for (const level of ['project', 'department'] as const) {
      const doc = newDocument({ title: 'T', year: 2024, level, organisation: '某单位', projectName: '专项' });
      const parsed = parseDocument(doc);
      expect(parsed.ok).toBe(true);
      const score = scoreDocument(doc);
      expect(score.ruleSet).toContain(level === 'project' ? 'national-project' : 'national-department');
      expect(auditDocument(doc, { score }).findings.length).toBeGreaterThan(0);
    }
  });

  it('suggests the usual title', () => {
    expect(suggestTitle(2024, 'project', '质量监督专项')).toBe('2024年度质量监督专项绩效自评表');
    expect(suggestTitle(2024, 'department', '市场监督管理局')).toBe('2024年度市场监督管理局部门整体支出绩效自评表');
  });
});
