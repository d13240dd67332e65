/**
 * @module The 自评报告 as docx (`docx` 9), laid out after GB/T 9704 (党政机关公文格式).
 *
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) with an
 * exact 28.95 pt line pitch (22 lines a page); title 方正小标宋简体 二号 (22 pt) centred; headings
 * 一、 in 黑体, （一） in 楷体_GB2312, 1. in 仿宋 bold; page numbers "— 1 —" in 宋体 四号 centred at the
 * bottom. The font table names the usual substitutes (w:altName: 仿宋, 楷体, 宋体) for machines without
 * the GB2312 fonts. Attachments (自评表, 基础数据表) follow in their own sections, landscape for the
 * 自评表, as Word tables with merged cells; headings use the built-in Heading 1–4 styles (outline levels)
 * so that readers — and the importer — can tell headings from body text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IRunOptions, ISectionOptions } from 'docx';
import type { EvaluationDocument } from '@jixiao/core';
import type { Cell, Grid } from './grid.js';
import { coveredMask } from './grid.js';
import type { ReportBlock, ReportModel } from './report.js';
import { reportModel } from './report.js';
import type { ExportOptions } from './types.js';
import { ExportError } from './types.js';
import { writeZip } from '../zip/write.js';

/** Millimetres to twentieths of a point. */
const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** Page geometry of GB/T 9704 (A4 and the 版心 margins). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
  /** Margins of the landscape attachment pages. */
  landscapeMargin: { top: mm(25), bottom: mm(25), left: mm(25), right: mm(25), header: mm(12), footer: mm(12) },
} as const;

/** Exact line pitch: 28.95 pt, 22 lines in the 225 mm 版心. */
export const LINE_TWIPS = 579;

/** Fonts, with the substitutes written into the font table. */
export const FONTS = {
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  title: { name: '方正小标宋简体', alt: '宋体' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体_GB2312', alt: '楷体' },
  pageNumber: { name: '宋体', alt: 'SimSun' },
  latin: { name: 'Times New Roman', alt: 'Liberation Serif' },
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 21, tableTitle: 36 } as const;

const runFont = (eastAsia: string): IRunOptions['font'] => ({
  ascii: FONTS.latin.name,
  hAnsi: FONTS.latin.name,
  cs: FONTS.latin.name,
  eastAsia,
});

/** Two characters of the body size: the first-line indent of body paragraphs and headings. */
const INDENT_2 = 640;

/** Exports the self-evaluation report as docx bytes. */
export async function exportDocx(doc: EvaluationDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const model = reportModel(doc, options);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const file = new Document({
    creator: 'jixiao',
    title: doc.header.title,
    description: `${doc.header.organisation} ${doc.header.year}年度绩效自评报告`,
    styles: documentStyles(),
    footnotes,
    sections: reportSections(model, footnotes),
  });
  try {
    return await pack(file, [
      { path: 'word/fontTable.xml', data: fontTableXml() },
      { path: 'docProps/core.xml', data: corePropertiesXml(doc, options.generatedAt) },
    ]);
  } catch (cause) {
    throw new ExportError('invalid-document', '生成自评报告（docx）失败。', { cause });
  }
}

/** Paragraph styles of the body and the tables: named once here, so each paragraph carries only its style. */
export const STYLE = { body: 'Body', table: 'TableText', tableHeader: 'TableHeader', tableLeft: 'TableTextLeft', tableRight: 'TableTextRight' } as const;

/** The parts of JSZip that `pack` uses. */
interface ZipLike {
  files: Record<string, { name: string; dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }>;
}
interface CompilerLike {
  compile(file: Document, prettify: undefined, overrides: ReadonlyArray<{ path: string; data: string }>): ZipLike;
}

/**
 * The docx bytes. `docx` builds the package as a JSZip object; its own `Packer.toBuffer` then deflates
 * in JavaScript. Where the (untyped) compiler is reachable, the entries are zipped with native zlib
 * instead, which is several times faster; otherwise `Packer.toBuffer` is used.
 */
async function pack(file: Document, overrides: ReadonlyArray<{ path: string; data: string }>): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: CompilerLike }).compiler;
  if (compiler && typeof compiler.compile === 'function') {
    const zip = compiler.compile(file, undefined, overrides);
    const entries = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ path: f.name, data: await f.async('uint8array') })),
    );
    return writeZip(entries);
  }
  const buffer = await Packer.toBuffer(file, false, overrides);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function documentStyles(): NonNullable<ConstructorParameters<typeof Document>[0]['styles']> {
  const exact = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  const tableRun = { font: runFont(FONTS.body.name), size: SIZES.table };
  return {
    paragraphStyles: [
      { id: STYLE.body, name: 'Body Text CN', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED } },
      { id: STYLE.table, name: 'Table Text CN', basedOn: 'Normal', run: tableRun, paragraph: { spacing: single, alignment: AlignmentType.CENTER } },
      { id: STYLE.tableLeft, name: 'Table Text Left CN', basedOn: STYLE.table, paragraph: { alignment: AlignmentType.LEFT } },
      { id: STYLE.tableRight, name: 'Table Text Right CN', basedOn: STYLE.table, paragraph: { alignment: AlignmentType.RIGHT } },
      { id: STYLE.tableHeader, name: 'Table Heading CN', basedOn: STYLE.table, run: { font: runFont(FONTS.heading1.name), bold: true } },
    ],
    default: {
      document: {
        run: { font: runFont(FONTS.body.name), size: SIZES.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exact },
      },
      title: {
        run: { font: runFont(FONTS.title.name), size: SIZES.title, bold: false, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact },
      },
      heading1: {
        run: { font: runFont(FONTS.heading1.name), size: SIZES.body, bold: false, color: '000000' },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2 }, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: runFont(FONTS.heading2.name), size: SIZES.body, bold: false, italics: false, color: '000000' },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2 }, keepNext: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font: runFont(FONTS.body.name), size: SIZES.body, bold: true, color: '000000' },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2 }, keepNext: true, outlineLevel: 2 },
      },
      heading4: {
        run: { font: runFont(FONTS.body.name), size: SIZES.body, bold: false, color: '000000' },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2 }, keepNext: true, outlineLevel: 3 },
      },
    },
  };
}

/** The footer of every page: "— 1 —", 宋体 四号, centred. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name, cs: FONTS.pageNumber.name },
            size: SIZES.pageNumber,
          }),
        ],
      }),
    ],
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function blockToChildren(block: ReportBlock, footnotes: Record<string, { children: Paragraph[] }>): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun(block.text)] })];
    case 'subtitle':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, pageBreakBefore: true, children: [new TextRun(block.text)] }),
        new Paragraph({ children: [] }),
      ];
    case 'paragraph':
      return [new Paragraph({ style: STYLE.body, children: [new TextRun(block.text)] })];
    case 'table':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, children: [new TextRun({ text: `单位：${block.unit}`, size: SIZES.table + 3 })] }),
        gridTable(block.grid, PAGE.width - PAGE.margin.left - PAGE.margin.right, footnotes),
        new Paragraph({ children: [] }),
      ];
  }
}

function reportSections(model: ReportModel, footnotes: Record<string, { children: Paragraph[] }>): ISectionOptions[] {
  const footer = { default: pageNumberFooter() };
  const portrait = {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
      margin: PAGE.margin,
      pageNumbers: { start: 1 },
    },
  };
  const body: Array<Paragraph | Table> = [];
  for (const line of model.title) body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(line)] }));
  body.push(new Paragraph({ children: [] }));
  for (const b of model.blocks) body.push(...blockToChildren(b, footnotes));
  if (model.attachmentNote.length > 0) {
    body.push(new Paragraph({ children: [] }));
    model.attachmentNote.forEach((line, i) => {
      // 附件说明: "附件：" indented two characters; later items aligned under the first item.
      body.push(new Paragraph({ indent: i === 0 ? { firstLine: INDENT_2 } : { left: INDENT_2 + 960 }, children: [new TextRun(line)] }));
    });
  }
  if (model.signature.length > 0) {
    body.push(new Paragraph({ children: [] }), new Paragraph({ children: [] }));
    for (const line of model.signature) body.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_2 * 2 }, children: [new TextRun(line)] }));
  }
  const sections: ISectionOptions[] = [{ properties: portrait, footers: footer, children: body }];
  for (const a of model.attachments) {
    const landscape = a.grid.orientation === 'landscape';
    const margin = landscape ? PAGE.landscapeMargin : PAGE.margin;
    const usable = (landscape ? PAGE.height : PAGE.width) - margin.left - margin.right;
    sections.push({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin,
        },
      },
      footers: { default: pageNumberFooter() },
      children: [
        new Paragraph({ children: [new TextRun({ text: a.label, font: runFont(FONTS.heading1.name) })] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 240 },
          children: [new TextRun({ text: a.title, font: runFont(FONTS.title.name), size: SIZES.tableTitle })],
        }),
        gridTable(a.grid, usable, footnotes),
      ],
    });
  }
  return sections;
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A grid as a Word table: merged cells as gridSpan / vMerge, widths scaled to `usable` twips. */
export function gridTable(grid: Grid, usable: number, footnotes: Record<string, { children: Paragraph[] }>): Table {
  const total = grid.columns.reduce((a, c) => a + c.width, 0);
  const widths = grid.columns.map((c) => Math.floor((c.width / total) * usable));
  const covered = coveredMask(grid);
  const rows = grid.rows.map((cells, r) => {
    // A row of headings only (一级指标 … / 预期目标 …) stays on the page of the row below it.
    const headingRow = cells.some((c) => c?.role === 'header') && cells.every((c, i) => covered[r]![i] || !c || c.role === 'header');
    const out: TableCell[] = [];
    for (let c = 0; c < cells.length; c++) {
      if (covered[r]![c]) continue;
      const merge = grid.merges.find((m) => m.top === r && m.left === c);
      const colSpan = merge ? merge.right - merge.left + 1 : 1;
      const rowSpan = merge ? merge.bottom - merge.top + 1 : 1;
      const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
      out.push(
        new TableCell({
          children: cellParagraphs(cells[c], footnotes, headingRow),
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
        }),
      );
    }
    return new TableRow({ children: out, cantSplit: true });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function cellParagraphs(cell: Cell | undefined, footnotes: Record<string, { children: Paragraph[] }>, keepNext = false): Paragraph[] {
  if (!cell || cell.text === '') return [new Paragraph({ style: STYLE.table, keepNext, children: [] })];
  const style =
    cell.role === 'header' ? STYLE.tableHeader : cell.role === 'text' ? STYLE.tableLeft : cell.role === 'money' ? STYLE.tableRight : STYLE.table;
  const lines = cell.text.split('\n');
  return lines.map((line, i) => {
    const children: Array<TextRun | FootnoteReferenceRun> = [cell.bold ? new TextRun({ text: line, bold: true }) : new TextRun(line)];
    if (cell.note && i === lines.length - 1) {
      const id = Object.keys(footnotes).length + 1;
      footnotes[String(id)] = { children: [new Paragraph({ children: [new TextRun({ text: cell.note, size: SIZES.table })] })] };
      children.push(new FootnoteReferenceRun(id));
    }
    return new Paragraph({
      style,
      ...(keepNext ? { keepNext } : {}),
      ...(cell.indent ? { indent: { left: cell.indent * 210 } } : {}),
      children,
    });
  });
}

/**
 * Document properties. The clock is not read: the dates are `generatedAt` when given and absent
 * otherwise, so the same document and options always give the same bytes.
 */
export function corePropertiesXml(doc: EvaluationDocument, generatedAt?: string): string {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const at = generatedAt !== undefined && !Number.isNaN(new Date(generatedAt).getTime()) ? new Date(generatedAt).toISOString() : undefined;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(doc.header.title)}</dc:title><dc:creator>jixiao</dc:creator>` +
    `<dc:description>${esc(`${doc.header.organisation} ${doc.header.year}年度绩效自评报告`)}</dc:description>` +
    '<cp:lastModifiedBy>jixiao</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    (at ? `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` : '') +
    '</cp:coreProperties>'
  );
}

/** The font table: each Chinese font with its usual substitute (w:altName) and the GB2312 charset. */
export function fontTableXml(): string {
  const font = (name: string, alt: string | undefined, family: string, pitch: string, charset: string): string =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const fonts = [
    font(FONTS.body.name, FONTS.body.alt, 'modern', 'fixed', '86'),
    font(FONTS.title.name, FONTS.title.alt, 'script', 'fixed', '86'),
    font(FONTS.heading1.name, FONTS.heading1.alt, 'modern', 'fixed', '86'),
    font(FONTS.heading2.name, FONTS.heading2.alt, 'modern', 'fixed', '86'),
    font(FONTS.pageNumber.name, FONTS.pageNumber.alt, 'auto', 'variable', '86'),
    font('仿宋', 'FangSong', 'modern', 'fixed', '86'),
    font('楷体', 'KaiTi', 'modern', 'fixed', '86'),
    font(FONTS.latin.name, undefined, 'roman', 'variable', '00'),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
