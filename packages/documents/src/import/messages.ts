/**
 * @module Every user-facing Chinese text of the importers, keyed by stable code: errors first, then notes.
 *
 * Codes are part of the public contract (the CLI and the web UI branch on them); the texts may be
 * reworded freely. Each error text says what went wrong, where, and what the user can do.
 */
import type { ImportError, ImportNote } from './types.js';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;

/** Header words the table finder looks for; quoted in the `no-table` error. */
export const HEADER_WORDS_LOOKED_FOR = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值 / 目标值',
  '实际完成值',
  '分值 / 权重',
  '得分',
  '年初预算数 / 全年预算数 / 全年执行数',
  '年度总体目标',
  '项目名称 / 预算部门',
  '编制数 / 三公经费',
] as const;

export const ERRORS = {
  'empty-file': () => '文件是空的（0 字节）。请检查是否选错了文件，或重新保存后再导入。',
  'too-large': (p: { size: number; limit: number }) =>
    `文件大小为 ${mb(p.size)}，超过导入上限 ${mb(p.limit)}，未读取。请只上传含自评表的文件（可删去图片、附件和无关工作表后另存），或把文件拆分后分别导入。`,
  'corrupt-zip': (p: { detail: string }) =>
    `文件不是完整的 Office 压缩包（${p.detail}），可能在下载、复制或传输时损坏。请用 Excel / WPS / Word 重新打开并另存为 .xlsx 或 .docx 后再导入。`,
  'zip-bomb': (p: { detail: string }) =>
    `文件解压后的体积异常（${p.detail}），不像正常的表格或文档，为保护系统已停止读取。请用 Excel / Word 打开检查，删去无关内容后重新保存再导入。`,
  encrypted: () =>
    '文件设置了打开密码（已加密），无法读取其中的表格。请在 Excel / WPS / Word 中输入密码打开，在“文件 → 信息 → 保护”中清除密码，另存为 .xlsx 或 .docx 后再导入。',
  'legacy-xls': () =>
    '这是旧版 Excel 97-2003 二进制格式（.xls），无法直接导入。请在 Excel 或 WPS 中打开，“另存为”选择“Excel 工作簿（*.xlsx）”，然后导入新文件。',
  'legacy-doc': () =>
    '这是旧版 Word 97-2003 二进制格式（.doc），无法直接导入。请在 Word 或 WPS 中打开，“另存为”选择“Word 文档（*.docx）”，然后导入新文件。',
  'legacy-ole': () =>
    '这是旧版 Office 二进制文件（OLE 复合文档），无法直接导入。请用 Excel / Word 打开后另存为 .xlsx 或 .docx 再导入。',
  'xml-entities': (p: { part: string }) =>
    `文件内部的 ${p.part} 含有 DTD / 实体声明（<!DOCTYPE> 或 <!ENTITY>）。正常的 Office 文件不会包含这些内容，为防止“实体膨胀”攻击已拒绝读取。请用 Excel / Word 重新打开并另存后再导入。`,
  'unsupported-format': (p: { what: string }) =>
    `无法识别的文件类型（${p.what}）。可导入 Excel 工作簿（.xlsx）、Word 文档（.docx）和文本（.txt，或从网页、PDF 复制的文字）。`,
  'corrupt-xlsx': (p: { detail: string }) =>
    `工作簿内容无法解析（${p.detail}）。请在 Excel / WPS 中打开，确认能正常显示后另存为 .xlsx 再导入。`,
  'corrupt-docx': (p: { detail: string }) =>
    `Word 文档内容无法解析（${p.detail}）。请在 Word / WPS 中打开，确认能正常显示后另存为 .docx 再导入。`,
  'too-many-cells': (p: { where: string; limit: number; what: string }) =>
    `${p.where}的内容超过导入上限（${p.what}上限 ${p.limit}），为避免只导入一部分，已停止导入。请删去与自评表无关的行、列或工作表后再导入。`,
  'not-text': () =>
    '文件看起来是二进制数据，而不是文本、.xlsx 或 .docx。请确认文件类型；如是从网页或 PDF 复制的内容，请粘贴为纯文本后再导入。',
  'no-table': (p: { where: string }) =>
    `在${p.where}中没有找到可识别的绩效表格。已查找的表头词：${HEADER_WORDS_LOOKED_FOR.join('、')}。请确认文件是项目支出 / 部门整体支出绩效自评表或绩效目标申报表；如果表头用了别的叫法，请改为上述标准表头后再导入。`,
  internal: (p: { detail: string }) =>
    `导入时发生内部错误（${p.detail}），文件未导入。请把文件和本提示发给系统管理员。`,
} as const;

export type ErrorCode = keyof typeof ERRORS;
type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]>[0];

/** Builds an `ImportError` with its Chinese message. */
export function importError<C extends ErrorCode>(
  code: C,
  ...args: ErrorParams<C> extends undefined ? [params?: undefined, where?: string] : [params: ErrorParams<C>, where?: string]
): ImportError {
  const [params, where] = args;
  const make = ERRORS[code] as (p: unknown) => string;
  const error: ImportError = { code, message: make(params) };
  if (where !== undefined) error.where = where;
  return error;
}

/** Notes: `recognised`, `skipped` and `guessed` entries of the import report. */
export const NOTES = {
  // recognised
  'table-found': (p: { what: string }) => `识别到${p.what}`,
  'header-field': (p: { label: string; value: string }) => `表头“${p.label}”：${p.value}`,
  'funding-row': (p: { label: string }) => `资金行“${p.label}”`,
  'funding-unit': (p: { unit: string }) => `资金单位：${p.unit}`,
  'execution-block': () => '预算执行情况（分值 / 执行率 / 得分）',
  'goal-row': () => '年度总体目标（预期目标 / 实际完成情况）',
  'indicator-section': (p: { name: string }) => `指标分组“${p.name}”`,
  'indicator-leaf': (p: { name: string }) => `三级指标“${p.name}”`,
  'total-row': (p: { value: string }) => `总分 ${p.value}`,
  'grade': (p: { value: string }) => `等级“${p.value}”`,
  'department-staffing': () => '财政供养人员情况（编制数 / 在职人数 / 控制率）',
  'department-expense': (p: { label: string }) => `经费控制情况行“${p.label}”`,
  'department-buildings': () => '楼堂馆所控制情况',
  'department-saving': () => '厉行节约保障措施',
  'prose-section': (p: { heading: string }) => `正文章节“${p.heading}”`,
  'prose-indicator': (p: { name: string }) => `正文中的指标“${p.name}”`,
  'prose-score': (p: { name: string; weight: string; score: string }) => `正文中的评分：“${p.name}”分值 ${p.weight}，得分 ${p.score}`,
  'prose-target': (p: { name: string }) => `正文中的指标值“${p.name}”`,
  'formula-no-cache': (p: { sheet: string; count: number }) =>
    `工作表“${p.sheet}”有 ${p.count} 个公式单元格没有保存计算结果，按空白处理；请在 Excel 中打开并保存一次后再导入`,
  'formula-cached': () => '单元格是公式，已使用文件中保存的计算结果（未重新计算）',
  'text-number': () => '数字以文本形式存储，已按数字读取',
  'traditional-chars': () => '检测到繁体字，已按对应简体字识别表头和行标签；单元格内容照原样保留',
  'fullwidth-chars': () => '检测到全角数字或字母，已按半角识别数字；单元格内容照原样保留',
  'title': (p: { value: string }) => `标题“${p.value}”`,
  // skipped
  'empty-rows-stopped': (p: { count: number; row: number }) =>
    `第 ${p.row} 行起连续 ${p.count} 行为空（可能是带格式的空行），已停止向下读取该表`,
  'empty-section': (p: { name: string }) => `指标分组“${p.name}”下没有填写任何指标（所有单元格为空）`,
  'empty-row': () => '空行',
  'unused-row': (p: { text: string }) => `未能归入任何表格部分的行：“${p.text}”`,
  'unused-cell': (p: { text: string }) => `未使用的单元格：“${p.text}”`,
  'not-applicable': (p: { name: string; text: string }) => `“${p.name}”行的三级指标填写为“${p.text}”，未作为指标导入`,
  'empty-grid': () => '指标表格只有一级、二级指标名称，没有填写三级指标',
  'sheet-no-table': (p: { sheet: string }) => `工作表“${p.sheet}”中没有找到可识别的表格`,
  'hidden-sheet': (p: { sheet: string }) => `工作表“${p.sheet}”是隐藏的，未读取`,
  'prose-score-missing': (p: { name: string; weight: string }) => `正文中的指标“${p.name}”（${p.weight}分）没有写明得分`,
  'unrecognised-column': (p: { header: string }) => `不认识的列“${p.header}”，其内容未导入`,
  'duplicate-table': (p: { what: string }) => `重复的${p.what}，只导入了第一份`,
  // guessed
  'unit-mismatch': (p: { label: string; value: string; reason: string }) =>
    `“${p.label}”标为万元，但数值 ${p.value} ${p.reason}；按“元”记录，数值未换算，请核对`,
  'unit-assumed': (p: { unit: string }) => `表中未写明金额单位，按${p.unit}处理`,
  'unit-from-cell': (p: { unit: string; text: string }) => `金额“${p.text}”带单位${p.unit}，已按表格单位记录`,
  'inherited-cell': (p: { column: string; value: string }) => `“${p.column}”单元格为空，按合并单元格沿用上一行的“${p.value}”`,
  'float-code': (p: { value: string }) =>
    `项目编码以数字存储（${p.value}），超过 15 位的部分已丢失精度，请核对原编码`,
  'year-from': (p: { year: number; source: string }) => `年度 ${p.year} 取自${p.source}`,
  'year-missing': (p: { year: number }) => `文件中未找到年度，暂按 ${p.year} 年记录，请核对`,
  'level-guessed': (p: { level: string }) => `按表格内容判断为${p.level}`,
  'organisation-from': (p: { value: string; source: string }) => `单位“${p.value}”取自${p.source}`,
  'column-aligned': (p: { count: number; expected: number }) =>
    `该行只有 ${p.count} 个单元格（表头有 ${p.expected} 列），按右对齐放入各列`,
  'split-numbers': (p: { text: string; parts: string }) => `连在一起的数字“${p.text}”按 ${p.parts} 拆分`,
  'unplaced-value': (p: { text: string }) => `无法确定“${p.text}”属于哪一列，未导入`,
  'row-merged': () => '该行在文本中被空行断开，已与下一段合并为一行',
  'stray-chars': (p: { what: string }) => `已去除单元格中的多余字符（${p.what}）`,
  'weight-in-label': (p: { name: string; weight: string }) => `“${p.name}”标签中的分值 ${p.weight} 记为分组分值`,
  'derived-total': (p: { label: string; value: string }) => `分项表未印合计，合计行取自“${p.label}”的全年预算数 ${p.value}`,
  'region-from-code': (p: { region: string }) => `行政区划代码 ${p.region} 取自项目编码前 6 位`,
  'grade-from-total': (p: { grade: string }) => `表中未印等级，正文写作“${p.grade}”`,
} as const;

export type NoteCode = keyof typeof NOTES;
type NoteParams<C extends NoteCode> = Parameters<(typeof NOTES)[C]>[0];

/** Builds a note with its Chinese message. */
export function note<C extends NoteCode>(
  level: ImportNote['level'],
  code: C,
  where: string,
  ...args: NoteParams<C> extends undefined ? [] : [params: NoteParams<C>]
): ImportNote {
  const make = NOTES[code] as (p: unknown) => string;
  return { level, code, message: make(args[0]), where };
}
