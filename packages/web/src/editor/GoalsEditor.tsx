/** @module 年度总体目标: expected (预期目标) and achieved (实际完成情况), one pair per goal. */
import { memo } from 'react';
import { Button, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvaluationDocument, Goal } from '@jixiao/core';

export interface GoalsEditorProps {
  goals: readonly Goal[];
  editable: boolean;
  flagged: ReadonlyMap<string, string>;
  /** A goal declaration: expected goals only (nothing is achieved yet). */
  declaration?: boolean | undefined;
  onDoc: (fn: (doc: EvaluationDocument) => EvaluationDocument, key: string) => void;
}

export const GoalsEditor = memo(function GoalsEditor({ goals, editable, flagged, onDoc, declaration = false }: GoalsEditorProps) {
  const set = (i: number, field: 'expected' | 'actual', value: string) =>
    onDoc((d) => ({ ...d, goals: d.goals.map((g, gi) => (gi === i ? { ...g, [field]: value } : g)) }), `goal:${i}:${field}`);
  const add = () => onDoc((d) => ({ ...d, goals: [...d.goals, { expected: '', actual: '' }] }), `goal:add:${goals.length}`);
  const remove = (i: number) => onDoc((d) => ({ ...d, goals: d.goals.filter((_, gi) => gi !== i) }), `goal:remove:${i}`);

  if (goals.length === 0 && !editable) return <div className="muted">未填写年度总体目标。</div>;

  return (
    <div className={`goals ${declaration ? 'goals-declaration' : ''}`}>
      <div className="goals-head" aria-hidden="true">
        <span>预期目标</span>
        {!declaration && <span>实际完成情况</span>}
      </div>
      {goals.map((g, i) => (
        <div className="goal-row" key={i}>
          {g.subject && <div className="goal-subject">{g.subject}</div>}
          <Input.TextArea
            id={`goal-${i}-expected`}
            aria-label={`年度总体目标${goals.length > 1 ? ` ${i + 1}` : ''} 预期目标`}
            value={g.expected}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            autoSize={{ minRows: 2, maxRows: 10 }}
            placeholder="如：开展产品质量监督抽查600批次以上，抽查合格率达到93%以上。"
            onChange={(e) => set(i, 'expected', e.target.value)}
            status={flagged.has(`goal-${i}-expected`) ? 'warning' : undefined}
          />
          {!declaration && (
            <Input.TextArea
              id={`goal-${i}-actual`}
              aria-label={`年度总体目标${goals.length > 1 ? ` ${i + 1}` : ''} 实际完成情况`}
              value={g.actual ?? ''}
              readOnly={!editable}
              variant={editable ? 'outlined' : 'filled'}
              autoSize={{ minRows: 2, maxRows: 10 }}
              placeholder="对照预期目标，写明实际完成了什么、完成了多少。"
              onChange={(e) => set(i, 'actual', e.target.value)}
              status={flagged.has(`goal-${i}-actual`) ? 'warning' : undefined}
            />
          )}
          {editable && goals.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={`删除目标 ${i + 1}`} onClick={() => remove(i)} />}
        </div>
      ))}
      {editable && (
        <Button size="small" icon={<PlusOutlined />} onClick={add}>
          添加目标
        </Button>
      )}
    </div>
  );
});
