/** @module 评分规则 (read-only): each rule set's weights, formulas, grades and the choices it makes where the official texts are silent. */
import { useMemo, useState } from 'react';
import { Card, Descriptions, Table, Tabs, Tag } from 'antd';
import { listRuleSets, ruleSetRef } from '@jixiao/core';
import type { RuleSet } from '@jixiao/core';
import { PageHeader } from '../common/PageHeader.js';
import { CATEGORY_LABELS } from '../format/labels.js';

const FORMULA_LABELS: Readonly<Record<string, string>> = {
  quantitative: '定量：达成得满分，未达成按完成比例计分',
  qualitative: '定性：按完成程度分档计分',
  'grading-bands': '分档：按优 / 良 / 中 / 差区间计分',
  'survey-score': '满意度：分值 × 调查得分 ÷ 100',
  'rate-proportional': '比率：分值 × 比率',
  given: '按填报得分计入',
};

const LEVELS: Readonly<Record<string, string>> = { project: '项目支出', department: '部门整体支出', any: '通用' };

function RuleSetView({ rs }: { rs: RuleSet }) {
  return (
    <div className="ruleset">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="名称" span={2}>
          {rs.name}
        </Descriptions.Item>
        <Descriptions.Item label="标识">{ruleSetRef(rs)}</Descriptions.Item>
        <Descriptions.Item label="适用">{LEVELS[rs.level] ?? rs.level}</Descriptions.Item>
        <Descriptions.Item label="说明" span={2}>
          {rs.description}
        </Descriptions.Item>
        <Descriptions.Item label="依据" span={2}>
          {rs.sources.join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="总分">{rs.totalWeight}</Descriptions.Item>
        <Descriptions.Item label="预算执行率">{rs.execution ? `${rs.execution.weight} 分：分值 × min(全年执行数 ÷ 全年预算数, 1)` : '不计分'}</Descriptions.Item>
        <Descriptions.Item label="等级" span={2}>
          {rs.grades.map((g) => (
            <Tag key={g.grade}>
              {g.grade} ≥ {g.min}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rs.sections}
        columns={[
          { title: '一级指标', dataIndex: 'name', key: 'name' },
          { title: '分值', dataIndex: 'weight', key: 'weight', width: 80, render: (w?: string) => w ?? '由单位分配' },
          { title: '须包含的二级指标', key: 'required', render: (_: unknown, s: RuleSet['sections'][number]) => s.requiredCategories.map((c) => c.map((k) => CATEGORY_LABELS[k] ?? k).join(' 或 ')).join('；') || '—' },
          { title: '计分公式', key: 'formula', render: (_: unknown, s: RuleSet['sections'][number]) => (s.leafFormula ? FORMULA_LABELS[s.leafFormula] : '按指标类型') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Card size="small" title="计分公式">
        <ul className="plain-list">
          <li>{FORMULA_LABELS['quantitative']}；未按时完成：{rs.quantitative.missedDeadline === 'zero' ? '不得分' : '按比例计分'}。</li>
          <li>
            定性指标：达成 {rs.qualitative.achieved.join('–')}、部分达成 {rs.qualitative.partly.join('–')}、未达成 {rs.qualitative.notAchieved.join('–')}（占分值比例）。
          </li>
          <li>
            得分保留 {rs.rounding.scorePlaces} 位小数、比率保留 {rs.rounding.ratePlaces} 位小数（{rs.rounding.mode === 'half-up' ? '四舍五入' : rs.rounding.mode}）。
          </li>
        </ul>
      </Card>
      {rs.choices.length > 0 && (
        <Card size="small" title="规则取舍说明" style={{ marginTop: 12 }}>
          <ul className="plain-list">
            {rs.choices.map((c) => (
              <li key={c.key}>{c.text}</li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

export default function RuleSetsPage() {
  const ruleSets = useMemo(() => listRuleSets(), []);
  const [active, setActive] = useState(ruleSets[0]?.id ?? '');
  return (
    <div className="page">
      <PageHeader title="评分规则" sub="规则是数据而不是代码：每次评分都记录所用规则的标识和版本。此处只读。" />
      <Card>
        <Tabs activeKey={active} onChange={setActive} items={ruleSets.map((rs) => ({ key: rs.id, label: rs.name, children: <RuleSetView rs={rs} /> }))} />
      </Card>
    </div>
  );
}
