/** @module A page title with optional breadcrumbs and actions on the right. */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={2} className="page-title">
          {title}
        </Typography.Title>
        {sub && <div className="page-sub">{sub}</div>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}
