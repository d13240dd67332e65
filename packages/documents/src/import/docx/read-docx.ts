/**
 * @module docx bytes → a page of paragraphs and tables (the thin I/O layer of the docx importer).
 *
 * The package goes through the bounded zip reader; only `word/document.xml` and `word/styles.xml`
 * are inflated, both are refused if they declare a DTD, and fast-xml-parser runs with entity
 * processing off (the five XML entities and character references are decoded here, nothing else).
 * Tables keep their merges: a `gridSpan` cell is repeated into the columns it covers (marked
 * `merged: 'left'`), a `vMerge` continuation repeats the cell above (`merged: 'up'`).
 */
import { XMLParser } from 'fast-xml-parser';
import { readZip } from '../io/zip.js';
import { bytesHaveDoctype } from '../io/xml-guard.js';
import { importError } from '../messages.js';
import type { Block, Cell, Page, Row } from '../model.js';
import { cleanText } from '../text-util/normalise.js';
import type { ImportError, ImportLimits } from '../types.js';

export type DocxRead = { ok: true; page: Page } | { ok: false; error: ImportError };

/** A node of fast-xml-parser's ordered output: one tag key with its children, and ':@' attributes. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function tagOf(n: XNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}

function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : undefined;
}

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** Text of runs under a node, in order: w:t, tabs, breaks; deleted text and field codes are left out. */
function runText(n: XNode, out: string[], depth = 0): void {
  if (depth > 64) return;
  for (const k of kids(n)) {
    const tag = tagOf(k);
    switch (tag) {
      case '#text':
        break;
      case 'w:t': {
        for (const t of kids(k)) if (tagOf(t) === '#text') out.push(decodeXml(String(t['#text'])));
        break;
      }
      case 'w:tab':
        out.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        out.push('\n');
        break;
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'w:rPr':
      case 'w:pPr':
      case 'mc:Fallback':
        break;
      default:
        runText(k, out, depth + 1);
    }
  }
}

function paragraphText(p: XNode): string {
  const out: string[] = [];
  runText(p, out);
  return out.join('');
}

interface StyleInfo {
  outline?: number;
}

function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  if (!xml) return out;
  const doc = parser.parse(xml) as XNode[];
  const styles = doc.find((n) => tagOf(n) === 'w:styles');
  if (!styles) return out;
  for (const s of kids(styles)) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const name = attr(child(s, 'w:name') ?? {}, 'w:val') ?? '';
    const ppr = child(s, 'w:pPr');
    const lvl = ppr ? attr(child(ppr, 'w:outlineLvl') ?? {}, 'w:val') : undefined;
    const info: StyleInfo = {};
    if (lvl !== undefined && /^\d$/.test(lvl)) info.outline = Number(lvl);
    else {
      const m = /^(?:heading|标题)\s*(\d)$/i.exec(name);
      if (m) info.outline = Number(m[1]) - 1;
    }
    out.set(id, info);
  }
  return out;
}

function outlineOf(p: XNode, styles: Map<string, StyleInfo>): number | undefined {
  const ppr = child(p, 'w:pPr');
  if (!ppr) return undefined;
  const own = attr(child(ppr, 'w:outlineLvl') ?? {}, 'w:val');
  if (own !== undefined && /^\d$/.test(own) && Number(own) < 9) return Number(own);
  const style = attr(child(ppr, 'w:pStyle') ?? {}, 'w:val');
  return style ? styles.get(style)?.outline : undefined;
}

interface Ctx {
  tables: number;
  paragraphs: number;
  cells: number;
  limits: ImportLimits;
  error?: ImportError;
}

/** Text of everything inside a cell: its paragraphs, and nested tables flattened row by row. */
function cellText(tc: XNode): string {
  const lines: string[] = [];
  for (const k of kids(tc)) {
    const tag = tagOf(k);
    if (tag === 'w:p') lines.push(paragraphText(k));
    else if (tag === 'w:tbl') {
      for (const tr of kids(k)) {
        if (tagOf(tr) !== 'w:tr') continue;
        lines.push(
          kids(tr)
            .filter((c) => tagOf(c) === 'w:tc')
            .map((c) => cellText(c).replace(/\n/g, ' '))
            .join(' '),
        );
      }
    } else if (tag === 'w:sdt') {
      const content = child(k, 'w:sdtContent');
      if (content) lines.push(cellText(content));
    }
  }
  return lines.join('\n').replace(/\t/g, ' ');
}

function readTable(tbl: XNode, ctx: Ctx): Row[] {
  ctx.tables++;
  const t = ctx.tables;
  const rows: Row[] = [];
  // Text of the cell that starts a vertical merge, per grid column.
  const above = new Map<number, { text: string }>();
  let r = 0;
  for (const tr of kids(tbl)) {
    if (tagOf(tr) !== 'w:tr') continue;
    r++;
    if (rows.length >= ctx.limits.maxRows) {
      ctx.error = importError('too-many-cells', { where: `表${t}`, limit: ctx.limits.maxRows, what: '行数' });
      return rows;
    }
    const cells: Cell[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = Number(attr(child(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0) || 0;
    for (let i = 0; i < before; i++) cells.push({ text: '', where: `表${t} 第${r}行 第${cells.length + 1}列` });
    for (const tc of kids(tr)) {
      const tag = tagOf(tc);
      const cellNodes = tag === 'w:tc' ? [tc] : tag === 'w:sdt' ? kids(child(tc, 'w:sdtContent') ?? {}).filter((k) => tagOf(k) === 'w:tc') : [];
      for (const c of cellNodes) {
        const tcPr = child(c, 'w:tcPr');
        const span = Math.max(1, Math.min(64, Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1));
        const vm = tcPr ? child(tcPr, 'w:vMerge') : undefined;
        const vmVal = vm ? (attr(vm, 'w:val') ?? 'continue') : undefined;
        const col = cells.length;
        let text: string;
        let merged: Cell['merged'];
        if (vmVal === 'continue') {
          text = above.get(col)?.text ?? '';
          merged = 'up';
        } else {
          text = cleanText(cellText(c));
          if (vmVal === 'restart') above.set(col, { text });
          else above.delete(col);
        }
        for (let k = 0; k < span; k++) {
          const cell: Cell = { text, where: `表${t} 第${r}行 第${col + k + 1}列` };
          if (k > 0) cell.merged = 'left';
          else if (merged) cell.merged = merged;
          cells.push(cell);
        }
        ctx.cells += span;
      }
    }
    if (ctx.cells > ctx.limits.maxCells) {
      ctx.error = importError('too-many-cells', { where: '文档', limit: ctx.limits.maxCells, what: '单元格数' });
      return rows;
    }
    rows.push({ cells, where: `表${t} 第${r}行` });
  }
  return rows;
}

function readBody(nodes: XNode[], styles: Map<string, StyleInfo>, ctx: Ctx, blocks: Block[]): void {
  for (const n of nodes) {
    if (ctx.error) return;
    const tag = tagOf(n);
    if (tag === 'w:p') {
      ctx.paragraphs++;
      const text = cleanText(paragraphText(n));
      if (text === '') continue;
      const outline = outlineOf(n, styles);
      const block: Block = { kind: 'paragraph', text, where: `第${ctx.paragraphs}段` };
      if (outline !== undefined) block.outline = outline;
      blocks.push(block);
    } else if (tag === 'w:tbl') {
      const rows = readTable(n, ctx);
      if (rows.length > 0) blocks.push({ kind: 'table', table: { rows, where: `表${ctx.tables}`, name: `表${ctx.tables}` } });
    } else if (tag === 'w:sdt') {
      readBody(kids(child(n, 'w:sdtContent') ?? {}), styles, ctx, blocks);
    } else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag') {
      readBody(kids(n), styles, ctx, blocks);
    }
  }
}

/** Reads the main document part into one page. */
export function readDocx(bytes: Uint8Array, limits: ImportLimits): DocxRead {
  const wanted = new Set(['word/document.xml', 'word/styles.xml']);
  const zip = readZip(bytes, limits, (name) => wanted.has(name) || /^word\/document\d*\.xml$/.test(name));
  if (!zip.ok) return zip;
  const docPart = zip.files.get('word/document.xml');
  if (!docPart) return { ok: false, error: importError('corrupt-docx', { detail: '缺少 word/document.xml，不是 Word 文档' }) };
  for (const [name, data] of zip.files) {
    if (bytesHaveDoctype(data)) return { ok: false, error: importError('xml-entities', { part: name }, name) };
  }
  const decoder = new TextDecoder('utf-8');
  let doc: XNode[];
  let styles: Map<string, StyleInfo>;
  try {
    doc = parser.parse(decoder.decode(docPart)) as XNode[];
    const st = zip.files.get('word/styles.xml');
    styles = readStyles(st ? decoder.decode(st) : undefined);
  } catch (e) {
    return { ok: false, error: importError('corrupt-docx', { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) }) };
  }
  const document = doc.find((n) => tagOf(n) === 'w:document');
  const body = document ? child(document, 'w:body') : undefined;
  if (!body) return { ok: false, error: importError('corrupt-docx', { detail: 'word/document.xml 中没有正文（w:body）' }) };
  const ctx: Ctx = { tables: 0, paragraphs: 0, cells: 0, limits };
  const blocks: Block[] = [];
  readBody(kids(body), styles, ctx, blocks);
  if (ctx.error) return { ok: false, error: ctx.error };
  return { ok: true, page: { name: '文档', blocks, notes: [] } };
}
