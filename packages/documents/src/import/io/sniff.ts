/** @module Content sniffing: what a file is by its first bytes (and its zip directory), the extension only as a tie-breaker. */
import type { ImportLimits } from '../types.js';
import { classifyOle, looksLikeOle, type OleKind } from './ole.js';
import { listZip, looksLikeZip } from './zip.js';

export type Sniffed =
  | { kind: 'xlsx' }
  | { kind: 'docx' }
  | { kind: 'ole'; ole: OleKind }
  | { kind: 'zip-other'; what: string }
  | { kind: 'zip-broken' }
  | { kind: 'pdf' }
  | { kind: 'rtf' }
  | { kind: 'image'; what: string }
  | { kind: 'text'; text: string }
  | { kind: 'binary' };

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((v, i) => b[i] === v);

/** Decodes text: BOMs, then strict UTF-8, then GB18030 (common for files saved on Chinese Windows). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}

export function sniff(bytes: Uint8Array, fileName: string, limits: ImportLimits): Sniffed {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (looksLikeOle(bytes)) return { kind: 'ole', ole: classifyOle(bytes) };
  if (looksLikeZip(bytes)) {
    const listing = listZip(bytes, limits);
    if (!listing.ok) {
      // Let the importer report the precise error; decide the format by extension.
      if (ext === 'docx') return { kind: 'docx' };
      if (ext === 'xlsx' || ext === 'xlsm') return { kind: 'xlsx' };
      return { kind: 'zip-broken' };
    }
    const names = new Set(listing.entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx' };
    if (names.has('word/document.xml')) return { kind: 'docx' };
    if (names.has('mimetype')) return { kind: 'zip-other', what: 'OpenDocument 文件（WPS / LibreOffice 格式）；请用 WPS 或 Excel / Word 另存为 .xlsx 或 .docx' };
    if (names.has('ppt/presentation.xml')) return { kind: 'zip-other', what: 'PowerPoint 演示文稿；请把其中的表格复制到 Excel 后导入' };
    if (ext === 'xlsx') return { kind: 'xlsx' };
    if (ext === 'docx') return { kind: 'docx' };
    return { kind: 'zip-other', what: 'zip 压缩包；请先解压，再分别导入其中的 .xlsx 或 .docx' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'pdf' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { kind: 'rtf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', what: 'PNG 图片' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', what: 'JPEG 图片' };
  const text = decodeText(bytes);
  if (text !== undefined) return { kind: 'text', text };
  return { kind: 'binary' };
}
