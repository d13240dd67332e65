/** @module Reminders due today (提醒): answers due soon or overdue, answers awaiting review; for the monitoring pages and the home card. */
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { Reminder } from './types.js';

const KIND: Record<Reminder['kind'], { type: 'warning' | 'error' | 'info'; label: string }> = {
  'due-soon': { type: 'warning', label: '即将到期' },
  overdue: { type: 'error', label: '逾期未答复' },
  'awaiting-review': { type: 'info', label: '待审核' },
};

export function ReminderList({ items, limit }: { items: readonly Reminder[]; limit?: number }) {
  const shown = limit === undefined ? items : items.slice(0, limit);
  return (
    <ul className="mon-reminders" data-testid="monitoring-reminders" aria-label="监控提醒">
      {shown.map((r) => (
        <li key={`${r.caseId}-${r.kind}`}>
          <Alert
            type={KIND[r.kind].type}
            showIcon
            title={
              <span>
                <b>{KIND[r.kind].label}</b>：{r.message} <Link to={`/monitoring/${r.project}`}>去处理</Link>
              </span>
            }
          />
        </li>
      ))}
      {limit !== undefined && items.length > limit && (
        <li className="muted">
          还有 {items.length - limit} 条提醒，<Link to="/monitoring">查看全部</Link>
        </li>
      )}
    </ul>
  );
}
