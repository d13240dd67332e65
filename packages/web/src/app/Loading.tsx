/** @module A page-sized loading indicator, used while a route's code or data arrives. */
import { Spin } from 'antd';

export function Loading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin />
      <span>{tip}</span>
    </div>
  );
}
