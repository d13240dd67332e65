/**
 * @module Minimal WordprocessingML written by hand for the tests: paragraphs (optionally with a heading
 * style) and tables whose cells may span columns (`gridSpan`) or continue a vertical merge (`vMerge`).
 */
import JSZip from 'jszip';

export type DocCell = string | { text: string; span?: number; vMerge?: 'restart' | 'continue' };
export type DocBlock = { p: string; style?: string } | { table: DocCell[][] };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function para(text: string, style?: string): string {
  const ppr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  const runs = text
    .split('\n')
    .map((line, i) => `${i > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`)
    .join('');
  return `<w:p>${ppr}${runs}</w:p>`;
}

function cell(c: DocCell): string {
  const o = typeof c === 'string' ? { text: c } : c;
  const props = [o.span && o.span > 1 ? `<w:gridSpan w:val="${o.span}"/>` : '', o.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.vMerge === 'continue' ? '<w:vMerge/>' : ''].join('');
  const paras = o.vMerge === 'continue' ? '<w:p/>' : o.text.split('\n').map((l) => para(l)).join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paras}</w:tc>`;
}

export function documentXml(blocks: DocBlock[], extraProlog = ''): string {
  const body = blocks
    .map((b) => ('p' in b ? para(b.p, b.style) : `<w:tbl><w:tblPr/>${b.table.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${extraProlog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`;

export async function docx(blocks: DocBlock[], opts: { documentXml?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', opts.documentXml ?? documentXml(blocks));
  zip.file('word/styles.xml', STYLES);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
