/**
 * @module Evidence files (佐证材料): which files are accepted (by extension and by their first bytes,
 * which must agree), what a file name may contain, and a safe Content-Disposition for downloads.
 */

export interface FileKind {
  extension: string;
  mediaType: string;
  /** The family the content must belong to. */
  magic: 'pdf' | 'png' | 'jpeg' | 'zip' | 'ole' | 'text';
}

/** Accepted evidence types. Office files are zip (xlsx, docx, ofd) or OLE (xls, doc) containers. */
export const EVIDENCE_KINDS: readonly FileKind[] = [
  { extension: 'pdf', mediaType: 'application/pdf', magic: 'pdf' },
  { extension: 'png', mediaType: 'image/png', magic: 'png' },
  { extension: 'jpg', mediaType: 'image/jpeg', magic: 'jpeg' },
  { extension: 'jpeg', mediaType: 'image/jpeg', magic: 'jpeg' },
  { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: 'zip' },
  { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'zip' },
  { extension: 'ofd', mediaType: 'application/ofd', magic: 'zip' },
  { extension: 'zip', mediaType: 'application/zip', magic: 'zip' },
  { extension: 'xls', mediaType: 'application/vnd.ms-excel', magic: 'ole' },
  { extension: 'doc', mediaType: 'application/msword', magic: 'ole' },
  { extension: 'txt', mediaType: 'text/plain; charset=utf-8', magic: 'text' },
  { extension: 'csv', mediaType: 'text/csv; charset=utf-8', magic: 'text' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The content family of some bytes, from their first bytes; undefined when none of ours. */
export function sniff(bytes: Uint8Array): FileKind['magic'] | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (isUtf8Text(bytes)) return 'text';
  return undefined;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type FileCheck = { ok: true; kind: FileKind; name: string } | { ok: false; status: 'invalid-name' | 'unsupported-type' | 'content-mismatch'; message: string };

/** Checks a file name and content. Never throws. */
export function checkFile(fileName: string, bytes: Uint8Array, kinds: readonly FileKind[] = EVIDENCE_KINDS): FileCheck {
  const name = fileName.normalize('NFC').trim();
  const problem = fileNameProblem(name);
  if (problem) return { ok: false, status: 'invalid-name', message: problem };
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = kinds.find((k) => k.extension === ext);
  if (!kind) {
    return { ok: false, status: 'unsupported-type', message: `不支持的文件类型“.${ext}”（可用：${[...new Set(kinds.map((k) => k.extension))].join('、')}）` };
  }
  const family = sniff(bytes);
  if (family !== kind.magic) return { ok: false, status: 'content-mismatch', message: `文件内容与扩展名 .${ext} 不符` };
  return { ok: true, kind, name };
}

/**
 * What is wrong with a file name, or undefined. Names are kept as data (never used as paths), but a
 * name with path separators, `..`, control characters or reserved device names is refused outright.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return '文件名不能为空';
  if (name.length > 200) return '文件名最长 200 个字符';
  if (/[/\\]/.test(name)) return '文件名不能包含路径分隔符（/ 或 \\）';
  if (name.includes('..')) return '文件名不能包含“..”';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return '文件名不能包含控制字符';
  if (/[<>:"|?*]/.test(name)) return '文件名不能包含 < > : " | ? * 等字符';
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) return '文件名不能是系统保留名';
  if (name.startsWith('.')) return '文件名不能以“.”开头';
  return undefined;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` for any (already checked) name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
