/**
 * @module The messages table of the goals module: every Chinese text it shows (refusals of a
 * derivation, of an adjustment request or decision, and the titles of derived documents).
 */

/** Why a monitoring or self-evaluation document cannot be created from a goal document. */
export const CREATE_ERRORS = {
  'not-goals': '只能从绩效目标申报文档创建（该文档的阶段不是“目标申报”）。',
  'not-approved': '绩效目标尚未审核通过，不能作为基线创建监控或自评文档。',
  'no-baseline-id': '绩效目标文档没有编号，无法建立与基线的关联。',
} as const;
export type CreateErrorCode = keyof typeof CREATE_ERRORS;

/** Why an adjustment request or decision is refused. */
export const ADJUSTMENT_ERRORS = {
  'unknown-indicator': '找不到要调整的指标。',
  'not-a-leaf': '只能调整具体指标（三级指标）的指标值，不能调整指标分类。',
  'reason-required': '调整必须写明原因。',
  'empty-value': '调整后的值不能为空。',
  'unchanged': '调整后的值与当前值相同。',
  'invalid-weight': '调整后的分值应为不小于0的数字。',
  'pending-exists': '该指标已有待审批的调整申请，请先审批或撤回。',
  'duplicate-id': '调整申请编号重复。',
  'unknown-adjustment': '找不到该调整申请。',
  'not-pending': '该调整申请已审批，不能重复审批。',
  'same-person': '调整申请不能由申请人本人审批。',
  'stale': '该指标的值在申请之后已被调整，请按当前值重新申请。',
  'rejection-reason-required': '不同意调整时必须写明理由。',
} as const;
export type AdjustmentErrorCode = keyof typeof ADJUSTMENT_ERRORS;

/** Problems `applyAdjustments` reports while applying approved adjustments. */
export const APPLY_ISSUES = {
  'unknown-indicator': (id: string) => `调整申请 ${id} 所指的指标不存在，未应用。`,
  'chain-broken': (id: string, expected: string, found: string) => `调整申请 ${id} 的原值“${expected}”与应用时的当前值“${found}”不一致，已按审批结果应用，请核实。`,
} as const;
export type ApplyIssueCode = keyof typeof APPLY_ISSUES;

/** Title words of a goal document and what replaces them in a derived one. */
export const GOAL_TITLE_WORDS = ['绩效目标申报表', '绩效目标申报', '绩效目标表', '绩效目标'] as const;
export const DERIVED_TITLE = {
  monitoring: '绩效运行监控表',
  'self-evaluation': '绩效自评表',
} as const;

/** Field names shown beside an adjustment. */
export const FIELD_ZH = { target: '年度指标值', weight: '分值' } as const;
