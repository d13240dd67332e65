/** @module One published evaluation: the 自评表 and the 自评报告, each printable. */
import { useMemo, useState } from 'react';
import { Alert, Button, Result, Segmented, Space, Tag } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { scoreDocument } from '@jixiao/core';
import { api } from '../api/client.js';
import { ApiError, messageOf } from '../api/errors.js';
import { Loading } from '../app/Loading.js';
import { useAsync } from '../common/useAsync.js';
import { formatDate } from '../format/dates.js';
import { GRADE_COLORS, LEVEL_LABELS } from '../format/labels.js';
import { Report } from './Report.js';
import { Sheet } from './Sheet.js';

type View = 'sheet' | 'report';

export default function PublicDetail() {
  const { id = '' } = useParams();
  const [view, setView] = useState<View>('sheet');
  const data = useAsync(() => api.publicGet(id), [id]);
  const e = data.data;
  const score = useMemo(() => {
    if (!e) return undefined;
    try {
      return scoreDocument(e.document);
    } catch {
      return undefined;
    }
  }, [e]);

  if (data.loading && !e) return <Loading />;
  if (data.error !== undefined || !e) {
    const nf = data.error instanceof ApiError && data.error.status === 404;
    return <Result status={nf ? '404' : 'error'} title={nf ? '未找到该公开的评价' : '无法读取'} subTitle={nf ? '该评价可能尚未公开或已撤回。' : messageOf(data.error)} extra={<Link to="/public">返回列表</Link>} />;
  }

  return (
    <div className="public-page">
      <div className="public-toolbar no-print">
        <Space wrap>
          <Link to="/public">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
          <Segmented<View>
            value={view}
            onChange={setView}
            aria-label="查看方式"
            options={[
              { value: 'sheet', label: '自评表' },
              { value: 'report', label: '自评报告' },
            ]}
          />
        </Space>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <div className="public-summary no-print">
        <Space wrap>
          <span>{e.orgName}</span>
          <span>{e.year}年</span>
          <span>{LEVEL_LABELS[e.level]}</span>
          <span>
            总分 <strong>{e.total ?? '不可评分'}</strong>
          </span>
          {e.grade !== null && <Tag color={GRADE_COLORS[e.grade] ?? 'default'}>{e.grade}</Tag>}
          <span className="muted">公开日期 {formatDate(e.publishedAt)}</span>
        </Space>
      </div>
      {score === undefined && <Alert type="warning" showIcon title="部分得分无法在浏览器中重算，表中显示填报得分。" style={{ margin: '8px 0' }} />}
      <div className="public-doc">{view === 'sheet' ? <Sheet doc={e.document} score={score} total={e.total} grade={e.grade} /> : <Report doc={e.document} score={score} total={e.total} grade={e.grade} orgName={e.orgName} />}</div>
    </div>
  );
}
