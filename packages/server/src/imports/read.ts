/**
 * @module Reading an uploaded file into documents: interchange JSON (`.json`) through the core's
 * validation, everything else (xlsx, docx, text) through `importFile` of `@jixiao/documents`. Never
 * throws; failures carry a stable code, a Chinese message and where.
 */
import { parseDocument } from '@jixiao/core';
import type { EvaluationDocument } from '@jixiao/core';
import { importFile } from '@jixiao/documents';
import type { ImportReport } from '@jixiao/documents';

export interface ReadDocument {
  document: EvaluationDocument;
  report: ImportReport | { format: 'json'; fileName: string; recognised: []; skipped: []; guessed: [] };
}

export type ReadOutcome = { ok: true; documents: ReadDocument[] } | { ok: false; error: { code: string; message: string; where?: string } };

export async function readUpload(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ReadOutcome> {
  if (/\.json$/i.test(fileName)) return readJson(bytes, fileName, maxBytes);
  const r = await importFile(bytes, { fileName, limits: { maxBytes } });
  if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message, ...(r.error.where ? { where: r.error.where } : {}) } };
  if (r.documents.length === 0) return { ok: false, error: { code: 'no-documents', message: '文件中没有识别出评价表' } };
  return { ok: true, documents: r.documents };
}

function readJson(bytes: Uint8Array, fileName: string, maxBytes: number): ReadOutcome {
  if (bytes.length > maxBytes) return { ok: false, error: { code: 'too-large', message: `文件过大（上限 ${maxBytes} 字节）` } };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { ok: false, error: { code: 'invalid-json', message: `不是有效的 JSON：${(err as Error).message}`, where: fileName } };
  }
  const docs = Array.isArray(value) ? value : [value];
  if (docs.length === 0) return { ok: false, error: { code: 'no-documents', message: 'JSON 中没有文档' } };
  const out: ReadDocument[] = [];
  for (const [i, d] of docs.entries()) {
    const r = parseDocument(d);
    if (!r.ok) {
      const first = r.issues[0];
      const prefix = Array.isArray(value) ? `[${i}]` : '';
      return {
        ok: false,
        error: {
          code: 'invalid-document',
          message: `文档不符合交换格式：${first ? `${first.path} ${first.message}` : ''}${r.issues.length > 1 ? `（共 ${r.issues.length} 处）` : ''}`,
          where: `${fileName}${prefix}${first ? ` ${first.path}` : ''}`,
        },
      };
    }
    out.push({ document: r.document, report: { format: 'json', fileName, recognised: [], skipped: [], guessed: [] } });
  }
  return { ok: true, documents: out };
}
