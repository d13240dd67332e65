/** @module The traffic light (红绿灯) as a coloured dot with its words, never colour alone. */
import { Tag } from 'antd';
import type { Light } from './types.js';

export const LIGHT_LABELS: Readonly<Record<Light, string>> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
export const LIGHT_MEANING: Readonly<Record<Light, string>> = { red: '预警', yellow: '关注', green: '正常' };
const COLORS: Readonly<Record<Light, string>> = { red: 'red', yellow: 'gold', green: 'green' };

export function LightTag({ light, short = false }: { light: Light | string | undefined; short?: boolean }) {
  if (light !== 'red' && light !== 'yellow' && light !== 'green') return <span className="muted">—</span>;
  return (
    <Tag color={COLORS[light]} className={`light-tag light-${light}`} data-light={light}>
      <span className="light-dot" aria-hidden="true" />
      {LIGHT_LABELS[light]}
      {short ? '' : `（${LIGHT_MEANING[light]}）`}
    </Tag>
  );
}
