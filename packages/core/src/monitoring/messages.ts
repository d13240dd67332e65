/**
 * @module The messages table of the monitoring module (绩效运行监控): for every reason code its light and
 * Chinese message built from the figures; the labels of lights, responses and reminders; the
 * refusals of responses. All Chinese text of this folder lives here.
 */
import type { MonitoringReasonCode } from '../rulesets/index.js';

/** Traffic light (红绿灯): green on track, yellow behind, red needs action. */
export type Light = 'green' | 'yellow' | 'red';

export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];

export const LIGHT_ZH: Readonly<Record<Light, string>> = { green: '绿灯（正常）', yellow: '黄灯（关注）', red: '红灯（预警）' };

/** Figures of a reason, decimals as strings. */
export type MonitoringFigures = Record<string, string>;

function v(f: MonitoringFigures, key: string): string {
  return f[key] ?? '—';
}

/** What each reason means: its light and its message. */
export const REASONS: Readonly<Record<MonitoringReasonCode, { light: Light; title: string; message: (f: MonitoringFigures) => string }>> = {
  'MON-CHECKPOINT-MISSED': {
    light: 'red',
    title: '未达执行进度节点',
    message: (f) => `截至${v(f, 'asOf')}预算执行率${v(f, 'ratePercent')}%，低于${v(f, 'month')}月末应达到的${v(f, 'minPercent')}%。`,
  },
  'MON-EXEC-BEHIND': {
    light: 'yellow',
    title: '执行落后于时间进度',
    message: (f) => `截至${v(f, 'asOf')}预算执行率${v(f, 'ratePercent')}%，时间进度${v(f, 'schedulePercent')}%，落后${v(f, 'behindPoints')}个百分点（容差${v(f, 'tolerancePoints')}个百分点）。`,
  },
  'MON-GAP': {
    light: 'red',
    title: '目标完成度与执行率偏离',
    message: (f) => `绩效目标完成进度${v(f, 'completionPercent')}%，预算执行率${v(f, 'ratePercent')}%，相差${v(f, 'gapPoints')}个百分点（上限${v(f, 'maxGapPoints')}个百分点）。`,
  },
  'MON-NO-OUTPUT': {
    light: 'red',
    title: '资金已支出但无产出',
    message: (f) => `已支出${v(f, 'executed')}（执行率${v(f, 'ratePercent')}%），但各项产出指标尚无进展。`,
  },
  'MON-IND-UNREACHABLE': {
    light: 'red',
    title: '按当前进度无法完成年度指标',
    message: (f) => `截至${v(f, 'asOf')}完成${v(f, 'progress')}，按当前进度推算全年约${v(f, 'projected')}，达不到年度指标“${v(f, 'target')}”。`,
  },
  'MON-IND-BEHIND': {
    light: 'yellow',
    title: '指标进度略有落后',
    message: (f) => `截至${v(f, 'asOf')}完成${v(f, 'progress')}，按时间进度应完成约${v(f, 'expected')}，按当前进度推算全年约${v(f, 'projected')}，略低于年度指标“${v(f, 'target')}”。`,
  },
  'MON-IND-NO-PROGRESS': {
    light: 'yellow',
    title: '指标未填报进度',
    message: (f) => `年度指标“${v(f, 'target')}”，截至${v(f, 'asOf')}未填报完成情况。`,
  },
  'MON-IND-DEADLINE-PASSED': {
    light: 'red',
    title: '时限已过仍未完成',
    message: (f) => `年度指标“${v(f, 'target')}”的时限已过，${f['progress'] ? `目前为“${v(f, 'progress')}”` : '尚未填报完成情况'}。`,
  },
  'MON-IND-LEVEL-BELOW': {
    light: 'yellow',
    title: '指标当前水平未达到目标',
    message: (f) => `目前为${v(f, 'progress')}，未达到年度指标“${v(f, 'target')}”。`,
  },
  'MON-NO-SNAPSHOT': {
    light: 'yellow',
    title: '未报送监控数据',
    message: (f) => (f['lastAsOf'] ? `最近一次监控数据截至${v(f, 'lastAsOf')}，${v(f, 'month')}月末的数据尚未报送。` : `截至${v(f, 'asOf')}尚未报送监控数据。`),
  },
};

/** The unit's answer to a warning (单位处理意见). */
export const UNIT_CHOICE_ZH = { continue: '继续执行', reallocate: '调整资金用途（调剂）', cancel: '取消项目' } as const;

/** The reviewer's response (审核意见). */
export const REVIEW_DECISION_ZH = { continue: '继续执行', correct: '限期纠偏', suspend: '暂缓或停止拨款' } as const;

/** Where a warning case stands. */
export const CASE_STATUS_ZH = {
  'awaiting-unit': '待单位答复',
  'due-soon': '即将到期',
  overdue: '逾期未答复（资金暂停拨付）',
  'awaiting-review': '待审核',
  closed: '已处理',
} as const;

/** Why a response is refused. */
export const RESPONSE_ERRORS = {
  invalid: '答复内容不完整或格式不正确。',
  'already-answered': '单位已答复该预警。',
  'already-reviewed': '该预警已审核。',
  'not-answered': '单位尚未答复且未逾期，审核人暂不能处理。',
  'reason-required': '必须写明理由。',
} as const;
export type ResponseErrorCode = keyof typeof RESPONSE_ERRORS;

/** Reminders (提醒), for the app and for e-mail. */
export const REMINDER_ZH = {
  'due-soon': (project: string, due: string, left: string) => `“${project}”的监控预警须在${due}前答复（还剩${left}个工作日），请选择继续执行、调整资金用途或取消项目。`,
  overdue: (project: string, due: string) => `“${project}”的监控预警已于${due}到期未答复，按规定暂停拨付资金。`,
  'awaiting-review': (project: string) => `“${project}”的单位已答复监控预警，请审核（继续执行、限期纠偏或暂缓拨款）。`,
} as const;

/** Problems reading payment rows. */
export const PAYMENT_ISSUES = {
  'bad-date': (row: number, text: string) => `第${row}行：日期“${text}”无法识别。`,
  'bad-amount': (row: number, text: string) => `第${row}行：金额“${text}”无法识别。`,
  'no-project': (row: number) => `第${row}行：缺少项目。`,
  'other-year': (row: number, text: string) => `第${row}行：日期“${text}”不在本年度，未计入。`,
} as const;
export type PaymentIssueCode = keyof typeof PAYMENT_ISSUES;

/** Problems in a snapshot. */
export const SNAPSHOT_ISSUES = {
  'period-mismatch': (period: string, asOf: string) => `监控期间“${period}”与截止日期${asOf}不一致。`,
  'unknown-indicator': (id: string) => `监控数据中的指标“${id}”不在绩效目标中。`,
} as const;
