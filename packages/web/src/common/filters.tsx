/**
 * @module The filter controls the list pages share (评价文档, 绩效目标, 运行监控, 绩效分析, 结果应用): year,
 * organisation, type and status, each labelled for screen readers and tests, cleared with one click.
 */
import { Select, TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { LEVEL_LABELS, STATUS_LABELS, recentYears } from '../format/labels.js';

interface FilterProps<T> {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** Accessible name (default per control: 年度, 单位, 类型, 状态). */
  label?: string | undefined;
  placeholder?: string | undefined;
  width?: number | undefined;
  testId?: string | undefined;
}

/** 年度: the recent years, or the ones given. */
export function YearFilter({ value, onChange, label = '年度', placeholder, width = 110, testId, years }: FilterProps<number> & { years?: readonly number[] | undefined }) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      style={{ width }}
      value={value}
      onChange={(v?: number) => onChange(v)}
      options={(years ?? recentYears(new Date())).map((y) => ({ value: y, label: `${y}年` }))}
      data-testid={testId}
    />
  );
}

/** 单位: an organisation of the tree and everything under it. */
export function OrgFilter({ value, onChange, label = '单位', placeholder, width = 220, testId, tree }: FilterProps<string> & { tree: TreeSelectProps['treeData'] }) {
  return (
    <TreeSelect
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ width }}
      value={value}
      treeData={tree}
      onChange={(v?: string) => onChange(v)}
      data-testid={testId}
    />
  );
}

/** A clearable select over a label table (value → Chinese label). */
function LabelledSelect<T extends string>({ value, onChange, label, placeholder, width, testId, labels }: FilterProps<T> & { label: string; width: number; labels: Readonly<Record<string, string>> }) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder ?? label}
      allowClear
      style={{ width }}
      value={value}
      onChange={(v?: T) => onChange(v)}
      options={Object.entries(labels).map(([v, l]) => ({ value: v as T, label: l }))}
      data-testid={testId}
    />
  );
}

type Level = 'project' | 'department';

/** 类型: 项目支出 or 部门整体支出. */
export function LevelFilter({ label = '类型', width = 130, ...rest }: FilterProps<Level>) {
  return <LabelledSelect<Level> {...rest} label={label} width={width} labels={LEVEL_LABELS} />;
}

/** 状态: the workflow states. */
export function StatusFilter<S extends string = string>({ label = '状态', width = 110, ...rest }: FilterProps<S>) {
  return <LabelledSelect<S> {...rest} label={label} width={width} labels={STATUS_LABELS} />;
}
