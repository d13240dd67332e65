/** @module Dates and times as Chinese readers expect them: 2024年5月3日 14:05, and relative times for recent events. */

const pad = (n: number) => String(n).padStart(2, '0');

function toDate(value: string | Date): Date | undefined {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** 2024年5月3日 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return String(value);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 2024年5月3日 14:05 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return String(value);
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 14:05:09 */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return String(value);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** 刚刚 / 3分钟前 / 2小时前 / the date, measured from `now`. */
export function formatRelative(value: string | Date | null | undefined, now: Date): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return String(value);
  const seconds = Math.round((now.getTime() - d.getTime()) / 1000);
  if (seconds < 0) return formatDateTime(d);
  if (seconds < 60) return '刚刚';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}分钟前`;
  if (seconds < 86400 && d.getDate() === now.getDate()) return `今天 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return formatDateTime(d);
}

/** File sizes: 512 字节, 12.3 KB, 4.5 MB. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(Math.round((n / 1024 / 1024) * 10) / 10).toString()} MB`;
  if (n >= 1024) return `${(Math.round((n / 1024) * 10) / 10).toString()} KB`;
  return `${n} 字节`;
}
