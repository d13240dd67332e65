/**
 * @module Every user-facing Chinese text of the payments importer (支付明细导入), keyed by stable code.
 * Byte-level refusals (size, zip limits, encryption, legacy formats) reuse the importers' `ERRORS`.
 */
import type { ImportError, ImportNote } from '../types.js';

/** Header words the payments table finder looks for; quoted in the `no-payments-table` error. */
export const PAYMENT_HEADER_WORDS = {
  date: ['支付日期', '付款日期', '日期', '支付时间', '交易日期', '记账日期', '凭证日期', '业务日期', '拨付日期'],
  amount: ['支付金额', '实付金额', '金额', '付款金额', '实际支付金额', '支出金额', '发生额', '本次支付金额', '拨付金额'],
  project: ['项目编码', '项目代码', '项目编号', '项目名称', '预算项目名称', '预算项目', '项目'],
  summary: ['摘要', '用途', '支付用途', '备注', '资金用途'],
  payee: ['收款单位', '收款人', '收款方', '收款单位名称', '收款人名称'],
} as const;

export const PAYMENT_ERRORS = {
  'no-payments-table': (p: { where: string }) =>
    `在${p.where}中没有找到支付明细表。已查找的表头：日期列（${PAYMENT_HEADER_WORDS.date.join('、')}）和金额列（${PAYMENT_HEADER_WORDS.amount.join('、')}），以及项目列（${PAYMENT_HEADER_WORDS.project.join('、')}）。请确认第一行或表头行含有这些列名后再导入。`,
  'no-project-column': (p: { where: string }) =>
    `${p.where}的支付明细表没有项目列（${PAYMENT_HEADER_WORDS.project.join('、')}），无法知道每笔支付属于哪个项目。请增加“项目名称”或“项目编码”列，或在导入时指定项目。`,
  'no-payment-rows': (p: { where: string }) => `${p.where}的支付明细表只有表头，没有支付记录。`,
} as const;

export type PaymentErrorCode = keyof typeof PAYMENT_ERRORS;

export const PAYMENT_NOTES = {
  'payments-table': (p: { sheet: string; columns: string }) => `在“${p.sheet}”找到支付明细表，列：${p.columns}`,
  'payments-unit': (p: { unit: string; source: string }) => `金额单位：${p.unit}（${p.source}）`,
  'payments-encoding': (p: { encoding: string }) => `文本编码：${p.encoding}`,
  'serial-date': (p: { text: string; date: string }) => `日期“${p.text}”是 Excel 日期序号，按 ${p.date} 读取`,
  'cell-unit': (p: { text: string; unit: string; value: string }) => `金额“${p.text}”带单位，已换算为${p.unit} ${p.value}`,
  'total-row': (p: { text: string }) => `合计行“${p.text}”未计入`,
  'bad-date': (p: { text: string }) => `日期“${p.text}”无法识别（应为 2024-03-15、2024/3/15、2024年3月15日 或 Excel 日期），该行未导入`,
  'bad-amount': (p: { text: string }) => `金额“${p.text}”无法识别（应为 1234.50、1,234.50 或 1,234.50元），该行未导入`,
  'no-date': () => '缺少日期，该行未导入',
  'no-amount': () => '缺少金额，该行未导入',
  'no-project': () => '缺少项目，该行未导入',
  'sheet-no-payments': (p: { sheet: string }) => `工作表“${p.sheet}”中没有找到支付明细表`,
  'unit-converted': (p: { from: string; to: string }) => `金额已从${p.from}换算为${p.to}`,
} as const;

export type PaymentNoteCode = keyof typeof PAYMENT_NOTES;

export function paymentError<C extends PaymentErrorCode>(code: C, params: Parameters<(typeof PAYMENT_ERRORS)[C]>[0], where?: string): ImportError {
  const make = PAYMENT_ERRORS[code] as (p: unknown) => string;
  return { code, message: make(params), ...(where !== undefined ? { where } : {}) };
}

type NoteParams<C extends PaymentNoteCode> = Parameters<(typeof PAYMENT_NOTES)[C]>[0];

export function paymentNote<C extends PaymentNoteCode>(
  level: ImportNote['level'],
  code: C,
  where: string,
  ...args: NoteParams<C> extends undefined ? [] : [params: NoteParams<C>]
): ImportNote {
  const make = PAYMENT_NOTES[code] as (p: unknown) => string;
  return { level, code, message: make(args[0]), where };
}
