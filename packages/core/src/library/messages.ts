/**
 * @module The messages table of the indicator library (指标库): target positions against peers and last
 * year, curation refusals, and the labels the editor shows. All Chinese text of this folder lives here.
 */

/** Why a curation action was not applied. */
export const CURATION_ISSUES = {
  'unknown-entry': (key: string) => `指标库中没有“${key}”。`,
  'family-mismatch': (from: string, into: string) => `“${from}”与“${into}”的计量单位不同，不能合并。`,
  'merge-into-self': (key: string) => `“${key}”不能合并到自身。`,
  'reason-required': (key: string) => `停用“${key}”必须写明原因。`,
  'empty-name': (key: string) => `“${key}”的名称不能为空。`,
} as const;
export type CurationIssueCode = keyof typeof CURATION_ISSUES;

/** Where a target stands among peers and against last year's actual. */
export const POSITION_REASONS = {
  'LIB-FAR-BELOW-PEERS': (f: Record<string, string>) => `目标值${f['target'] ?? ''}低于${f['peersShare'] ?? ''}的同类指标（同类中位数${f['median'] ?? ''}），明显偏低。`,
  'LIB-BELOW-PEERS': (f: Record<string, string>) => `目标值${f['target'] ?? ''}低于多数同类指标（同类中位数${f['median'] ?? ''}）。`,
  'LIB-BELOW-LAST-YEAR': (f: Record<string, string>) => `目标值${f['target'] ?? ''}低于上年实际完成值${f['lastYearActual'] ?? ''}。`,
  'LIB-FEW-PEERS': (f: Record<string, string>) => `同类指标只有${f['n'] ?? ''}个，暂不比较。`,
  'LIB-NOT-COMPARABLE': () => '目标值与指标库中的同类指标无法比较（单位或表述不同）。',
} as const;
export type PositionReasonCode = keyof typeof POSITION_REASONS;


/** Labels of the library's fields for the editor and the curation page. */
export const LIBRARY_LABELS = {
  uses: '使用次数',
  organisations: '使用单位数',
  completionRate: '完成率',
  recommended: '推荐',
  retired: '已停用',
  targets: '目标值分布',
  actuals: '实际值分布',
} as const;
