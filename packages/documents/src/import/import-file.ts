/** @module `importFile`: one entry point for any upload — size check, content sniffing, then the right importer. */
import { importDocx } from './docx/import-docx.js';
import { sniff } from './io/sniff.js';
import { importError } from './messages.js';
import { importText } from './text/import-text.js';
import { type ImportLimits, type ImportOutcome, resolveLimits } from './types.js';
import { importXlsx } from './xlsx/import-xlsx.js';

/**
 * Imports an uploaded file. The size is checked before anything is read; the format is decided by
 * content (zip directory, OLE signature, text encoding) first and by the extension second. Never
 * throws: every failure is an `ImportError` with a stable code and a Chinese message.
 */
export async function importFile(bytes: Uint8Array, options: { fileName: string; limits?: Partial<ImportLimits> }): Promise<ImportOutcome> {
  try {
    const limits = resolveLimits(options.limits);
    if (bytes.length > limits.maxBytes) return { ok: false, error: importError('too-large', { size: bytes.length, limit: limits.maxBytes }) };
    if (bytes.length === 0) return { ok: false, error: importError('empty-file') };
    const s = sniff(bytes, options.fileName, limits);
    switch (s.kind) {
      case 'xlsx':
        return importXlsx(bytes, options);
      case 'docx':
        return importDocx(bytes, options);
      case 'ole':
        if (s.ole === 'encrypted') return { ok: false, error: importError('encrypted') };
        if (s.ole === 'xls') return { ok: false, error: importError('legacy-xls') };
        if (s.ole === 'doc') return { ok: false, error: importError('legacy-doc') };
        if (/\.xls$/i.test(options.fileName)) return { ok: false, error: importError('legacy-xls') };
        if (/\.doc$/i.test(options.fileName)) return { ok: false, error: importError('legacy-doc') };
        return { ok: false, error: importError('legacy-ole') };
      case 'zip-broken':
        return importXlsx(bytes, options);
      case 'zip-other':
        return { ok: false, error: importError('unsupported-format', { what: s.what }) };
      case 'pdf':
        return { ok: false, error: importError('unsupported-format', { what: 'PDF 文件；请在 PDF 阅读器中全选复制文字后按文本导入，或用 Word 打开后另存为 .docx' }) };
      case 'rtf':
        return { ok: false, error: importError('unsupported-format', { what: 'RTF 文档；请用 Word 打开后另存为 .docx' }) };
      case 'image':
        return { ok: false, error: importError('unsupported-format', { what: `${s.what}；图片中的表格需要先识别成文字` }) };
      case 'text':
        return importText(s.text, options);
      default:
        return { ok: false, error: importError('not-text') };
    }
  } catch (e) {
    return { ok: false, error: importError('internal', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}
