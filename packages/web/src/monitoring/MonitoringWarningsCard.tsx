/** @module 监控提醒 card for the home page (preparers, unit heads, reviewers): reminders due today and the red / yellow projects, with a link to 运行监控. Loads no core code. */
import { Alert, Card, Space } from 'antd';
import { Link } from 'react-router';
import { messageOf } from '../api/errors.js';
import { useAsync } from '../common/useAsync.js';
import { monitoringList, reminders } from './api.js';
import { LightTag } from './LightTag.js';
import { ReminderList } from './Reminders.js';
import './monitoring.css';

export default function MonitoringWarningsCard() {
  const due = useAsync((signal) => reminders({}, signal), []);
  const list = useAsync((signal) => monitoringList({ year: new Date().getFullYear() }, signal), []);
  const counts = list.data?.counts;
  return (
    <Card size="small" title="运行监控提醒" extra={<Link to="/monitoring">查看运行监控</Link>} data-testid="home-monitoring-card">
      {counts && counts.red + counts.yellow + counts.green > 0 && (
        <Space wrap size={[8, 4]} style={{ marginBottom: 8 }} aria-label="本年度监控项目信号灯">
          <span className="muted">本年度监控项目：</span>
          <Link to="/monitoring">
            <LightTag light="red" short /> {counts.red}
          </Link>
          <Link to="/monitoring">
            <LightTag light="yellow" short /> {counts.yellow}
          </Link>
          <Link to="/monitoring">
            <LightTag light="green" short /> {counts.green}
          </Link>
        </Space>
      )}
      {due.error !== undefined ? (
        <Alert type="warning" showIcon title={`监控提醒读取失败：${messageOf(due.error)}`} />
      ) : due.loading && !due.data ? (
        <div className="muted">正在读取提醒…</div>
      ) : (due.data?.items ?? []).length === 0 ? (
        <div className="empty-line">今天没有需要处理的监控预警。</div>
      ) : (
        <ReminderList items={due.data?.items ?? []} limit={5} />
      )}
    </Card>
  );
}
