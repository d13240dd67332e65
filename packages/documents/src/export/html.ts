/**
 * @module The 自评报告 as print-ready HTML: the same report model as the docx, for Chromium's PDF printer.
 *
 * CSS paged media gives the GB/T 9704 page (A4, 37/35/28/26 mm margins, "— 1 —" page numbers in the
 * bottom margin box), font stacks name the official fonts first and common substitutes after, and the
 * attachments print on landscape pages.
 */
import type { EvaluationDocument } from '@jixiao/core';
import type { Cell, Grid } from './grid.js';
import { coveredMask } from './grid.js';
import type { ReportBlock, ReportModel } from './report.js';
import { reportModel } from './report.js';
import type { ExportOptions } from './types.js';

const STACK = {
  body: `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  title: `"方正小标宋简体", "小标宋", "宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  heading1: `"黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`,
  heading2: `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif`,
  pageNumber: `"宋体", SimSun, "Noto Serif CJK SC", serif`,
};

const CSS = `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${STACK.pageNumber}; font-size: 14pt; vertical-align: top; padding-top: 7mm; } }
@page wide { size: A4 landscape; margin: 25mm; }
@page tall { size: A4 portrait; margin: 25mm; }
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: ${STACK.body}; font-size: 16pt; line-height: 28.95pt; color: #000; }
.title { font-family: ${STACK.title}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0; line-height: 36pt; }
.title-gap { height: 28.95pt; }
.title.part { break-before: page; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.h1, .h2, .h3, .h4 { margin: 0; text-indent: 2em; font-size: 16pt; font-weight: normal; break-after: avoid; }
.h1 { font-family: ${STACK.heading1}; }
.h2 { font-family: ${STACK.heading2}; }
.h3 { font-weight: bold; }
.note { text-indent: 2em; }
.note-more { text-indent: 0; padding-left: 5em; }
.signature { text-align: right; padding-right: 4em; text-indent: 0; }
.caption { text-align: center; font-weight: bold; text-indent: 0; break-after: avoid; }
.unit { text-align: right; font-size: 12pt; text-indent: 0; break-after: avoid; }
.attachment { break-before: page; }
.attachment.wide { page: wide; }
.attachment.tall { page: tall; }
.attachment-label { font-family: ${STACK.heading1}; text-indent: 0; }
.attachment-title { font-family: ${STACK.title}; font-size: 18pt; text-align: center; text-indent: 0; line-height: 1.6; margin-bottom: 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; line-height: 1.35; margin-bottom: 8pt; }
td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: center; word-break: break-all; }
td.text { text-align: left; }
td.money { text-align: right; }
td.header { font-family: ${STACK.heading1}; font-weight: bold; }
td.bold { font-weight: bold; }
tr { break-inside: avoid; }
.cell-notes p { font-size: 10.5pt; line-height: 1.4; text-indent: 0; }
`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cellHtml(cell: Cell | undefined, attrs: string, notes: string[]): string {
  if (!cell) return `<td${attrs}></td>`;
  const classes = [cell.role, cell.bold ? 'bold' : ''].filter((x) => x).join(' ');
  let inner = cell.text.split('\n').map(escapeHtml).join('<br>');
  if (cell.note) {
    notes.push(cell.note);
    inner += `<sup>${notes.length}</sup>`;
  }
  const indent = cell.indent ? ` style="padding-left:${3 + cell.indent * 10}pt"` : '';
  return `<td class="${classes}"${attrs}${indent}>${inner}</td>`;
}

/** A grid as an HTML table with rowspan / colspan, followed by its cell notes. */
export function gridHtml(grid: Grid): string {
  const total = grid.columns.reduce((a, c) => a + c.width, 0);
  const cols = grid.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
  const covered = coveredMask(grid);
  const notes: string[] = [];
  const rows = grid.rows
    .map((cells, r) => {
      const tds: string[] = [];
      cells.forEach((cell, c) => {
        if (covered[r]![c]) return;
        const m = grid.merges.find((x) => x.top === r && x.left === c);
        const attrs = m ? `${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ''}${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ''}` : '';
        tds.push(cellHtml(cell, attrs, notes));
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  const noteHtml = notes.length > 0 ? `<div class="cell-notes">${notes.map((n, i) => `<p>${i + 1}. ${escapeHtml(n)}</p>`).join('')}</div>` : '';
  return `<table><colgroup>${cols}</colgroup>\n${rows}\n</table>${noteHtml}`;
}

function blockHtml(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1} class="h${b.level}">${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'subtitle':
      return `<h1 class="title part">${escapeHtml(b.text)}</h1><div class="title-gap"></div>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table':
      return `<p class="caption">${escapeHtml(b.caption)}</p><p class="unit">单位：${escapeHtml(b.unit)}</p>${gridHtml(b.grid)}`;
  }
}

/** The report model as a complete HTML document. */
export function reportHtml(model: ReportModel, lang = 'zh-CN'): string {
  const parts: string[] = [];
  parts.push(...model.title.map((t) => `<h1 class="title">${escapeHtml(t)}</h1>`), '<div class="title-gap"></div>');
  parts.push(...model.blocks.map(blockHtml));
  if (model.attachmentNote.length > 0) {
    parts.push('<div class="title-gap"></div>');
    model.attachmentNote.forEach((line, i) => parts.push(`<p class="${i === 0 ? 'note' : 'note-more'}">${escapeHtml(line)}</p>`));
  }
  if (model.signature.length > 0) {
    parts.push('<div class="title-gap"></div><div class="title-gap"></div>');
    parts.push(...model.signature.map((line) => `<p class="signature">${escapeHtml(line)}</p>`));
  }
  for (const a of model.attachments) {
    parts.push(
      `<section class="attachment ${a.grid.orientation === 'landscape' ? 'wide' : 'tall'}">` +
        `<p class="attachment-label">${escapeHtml(a.label)}</p><p class="attachment-title">${escapeHtml(a.title)}</p>${gridHtml(a.grid)}</section>`,
    );
  }
  const title = escapeHtml(model.title[model.title.length - 1] ?? '');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}

/** Exports the self-evaluation report as print-ready HTML text. */
export function exportHtml(doc: EvaluationDocument, options: ExportOptions = {}): string {
  return reportHtml(reportModel(doc, options));
}
