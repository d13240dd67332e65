/** @module 基本信息: title, year, level, organisation, project, rule set — the 表头 of the 自评表. */
import { memo, useMemo } from 'react';
import { Input, Select } from 'antd';
import { listRuleSets } from '@jixiao/core';
import type { EvaluationDocument, Header } from '@jixiao/core';
import { recentYears } from '../format/labels.js';

export interface HeaderFormProps {
  header: Header;
  ruleSet: string | undefined;
  editable: boolean;
  onDoc: (fn: (doc: EvaluationDocument) => EvaluationDocument, key: string) => void;
}

type HeaderText = 'title' | 'organisation' | 'supervisingDepartment' | 'projectName' | 'projectCode';

export const HeaderForm = memo(function HeaderForm({ header: h, ruleSet, editable, onDoc }: HeaderFormProps) {
  const ruleSets = useMemo(() => listRuleSets(), []);
  const setText = (field: HeaderText, value: string) =>
    onDoc((d) => {
      const header = { ...d.header };
      if (field === 'title' || field === 'organisation') header[field] = value;
      else if (value === '') delete header[field];
      else header[field] = value;
      return { ...d, header };
    }, `header:${field}`);

  const text = (field: HeaderText, label: string, wide = false) => (
    <div className={`field ${wide ? 'field-wide' : ''}`}>
      <label htmlFor={`header-${field}`}>{label}</label>
      <Input id={`header-${field}`} value={h[field] ?? ''} readOnly={!editable} variant={editable ? 'outlined' : 'filled'} onChange={(e) => setText(field, e.target.value)} maxLength={300} />
    </div>
  );

  const years = recentYears(new Date(), 15);
  if (!years.includes(h.year)) years.push(h.year);

  return (
    <div className="header-form">
      {text('title', '标题', true)}
      <div className="field">
        <label htmlFor="header-year">评价年度</label>
        <Select
          id="header-year"
          value={h.year}
          disabled={!editable}
          options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y: number) => onDoc((d) => ({ ...d, header: { ...d.header, year: y } }), 'header:year')}
        />
      </div>
      <div className="field">
        <label htmlFor="header-level">评价类型</label>
        <Select
          id="header-level"
          value={h.level}
          disabled={!editable}
          options={[
            { value: 'project', label: '项目支出' },
            { value: 'department', label: '部门整体支出' },
          ]}
          onChange={(level: 'project' | 'department') => onDoc((d) => ({ ...d, header: { ...d.header, level } }), 'header:level')}
        />
      </div>
      {h.level === 'project' && text('projectName', '项目名称')}
      {text('organisation', '预算单位')}
      {text('supervisingDepartment', '主管部门')}
      <div className="field">
        <label htmlFor="header-implementingUnits">实施单位</label>
        <Input
          id="header-implementingUnits"
          value={h.implementingUnits.join('、')}
          readOnly={!editable}
          variant={editable ? 'outlined' : 'filled'}
          placeholder="多个单位用顿号分隔"
          onChange={(e) =>
            onDoc(
              (d) => ({
                ...d,
                header: {
                  ...d.header,
                  implementingUnits: e.target.value
                    .split(/[、,，;；]/)
                    .map((s) => s.trim())
                    .filter((s, i, all) => s !== '' || i < all.length - 1),
                },
              }),
              'header:implementingUnits',
            )
          }
        />
      </div>
      <div className="field">
        <label htmlFor="header-ruleSet">评分规则</label>
        <Select
          id="header-ruleSet"
          value={ruleSet?.split('@')[0]}
          placeholder="按评价类型默认"
          allowClear
          disabled={!editable}
          options={ruleSets.filter((r) => r.level === 'any' || r.level === h.level).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(id?: string) =>
            onDoc((d) => {
              const next = { ...d };
              if (id) next.ruleSet = id;
              else delete next.ruleSet;
              return next;
            }, 'header:ruleSet')
          }
          popupMatchSelectWidth={false}
        />
      </div>
    </div>
  );
});
