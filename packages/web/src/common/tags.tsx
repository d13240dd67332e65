/** @module Small tags used across pages: workflow status, grade, audit counts. */
import { Space, Tag, Tooltip } from 'antd';
import type { Counts } from '../api/types.js';
import { GRADE_COLORS, STATUS_COLORS, STATUS_LABELS } from '../format/labels.js';

export function StatusTag({ status, label }: { status: string; label?: string | undefined }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label ?? STATUS_LABELS[status] ?? status}</Tag>;
}

export function GradeTag({ grade }: { grade: string | undefined | null }) {
  if (!grade) return <span className="muted">—</span>;
  return <Tag color={GRADE_COLORS[grade] ?? 'default'}>{grade}</Tag>;
}

export function CountsTags({ counts }: { counts: Counts }) {
  if (counts.error === 0 && counts.warning === 0) return <Tag color="green">无问题</Tag>;
  return (
    <Space size={2}>
      {counts.error > 0 && (
        <Tooltip title="审核错误">
          <Tag color="red">错误 {counts.error}</Tag>
        </Tooltip>
      )}
      {counts.warning > 0 && (
        <Tooltip title="审核警告">
          <Tag color="orange">警告 {counts.warning}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
