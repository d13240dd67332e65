/** @module Loading a document from a file: interchange JSON, or an xlsx / docx / txt imported first. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from '@jixiao/core';
import type { EvaluationDocument } from '@jixiao/core';
import type { ImportReport } from '@jixiao/documents';
import { CliError, EXIT } from './exit.js';

export interface LoadedDocument {
  file: string;
  document: EvaluationDocument;
  /** Present when the document came from an import. */
  report?: ImportReport;
}

const IMPORTABLE = new Set(['.xlsx', '.docx', '.txt', '.text', '.xls', '.doc', '.csv', '.tsv']);

/** Reads a file into one or more documents; a workbook may hold several. */
export async function loadDocuments(file: string): Promise<LoadedDocument[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`, EXIT.unreadable);
  }
  const ext = extname(file).toLowerCase();
  if (IMPORTABLE.has(ext)) {
    // Loaded only when needed: the importers pull in ExcelJS and friends, which JSON input never needs.
    const { importFile } = await import('@jixiao/documents');
    const outcome = await importFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: file });
    if (!outcome.ok) {
      throw new CliError(`${file}：${outcome.error.message}${outcome.error.where ? `（位置：${outcome.error.where}）` : ''}`, EXIT.unreadable);
    }
    return outcome.documents.map((d) => ({ file, document: d.document, report: d.report }));
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new CliError(`${file} 不是有效的 JSON：${(e as Error).message}`, EXIT.unreadable);
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const lines = parsed.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`);
    const more = parsed.issues.length > 20 ? `\n  …另有 ${parsed.issues.length - 20} 处` : '';
    throw new CliError(`${file} 不符合交换格式：\n${lines.join('\n')}${more}`, EXIT.inputHasErrors);
  }
  return [{ file, document: parsed.document }];
}

/** Reads exactly one document, refusing a file that holds several. */
export async function loadDocument(file: string): Promise<LoadedDocument> {
  const docs = await loadDocuments(file);
  if (docs.length !== 1) {
    throw new CliError(`${file} 含有 ${docs.length} 份文档；请先用 jixiao import 拆分为单个文件`, EXIT.inputHasErrors);
  }
  return docs[0]!;
}
