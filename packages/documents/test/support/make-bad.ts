/**
 * @module Hostile and broken inputs, generated: a hand-rolled zip writer (so sizes can lie), OLE
 * compound files with chosen stream names, entity-expansion XML, and a sheet of a million styled rows.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** Uncompressed size to declare instead of the real one (a lying header). */
  declaredSize?: number;
  /** Already-deflated bytes to store as the entry's data (with `declaredSize`, a zip bomb that lies). */
  packed?: Uint8Array;
}

/** Writes a zip; every size and offset is under the caller's control. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(enc.encode(e.name));
    const deflated = e.deflate === true || e.packed !== undefined;
    const body = e.packed ? Buffer.from(e.packed) : e.deflate ? deflateRawSync(e.data) : Buffer.from(e.data);
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflated ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const enc = new TextEncoder();
const text = (s: string): Uint8Array => enc.encode(s);

/** The smallest set of parts ExcelJS accepts, with the given worksheet XML and optional shared strings. */
export function minimalXlsxParts(sheetXml: string, sharedStrings?: string): RawEntry[] {
  const parts: RawEntry[] = [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
          (sharedStrings ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/styles.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: text(sheetXml), deflate: true },
  ];
  if (sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', data: text(sharedStrings), deflate: true });
  return parts;
}

function inline(ref: string, s: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
}

/** A small 自评表 in raw sheet XML (inline strings), followed by `emptyRows` styled blank rows. */
export function sheetWithEmptyRows(emptyRows: number): string {
  const head = [
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '抽查批次', '≥600批次', '644批次', '20', '20'],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92%', '10', '10'],
  ];
  const cols = 'ABCDEFG';
  const rows = head
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (i > 0 && c >= 5 ? `<c r="${cols[c]}${i + 1}"><v>${v}</v></c>` : inline(`${cols[c]}${i + 1}`, v))).join('')}</row>`)
    .join('');
  const parts: string[] = [];
  for (let r = head.length + 1; r <= head.length + emptyRows; r++) parts.push(`<row r="${r}" s="1" customFormat="1"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}${parts.join('')}</sheetData></worksheet>`;
}

/** "Billion laughs": ten levels of ten references each. */
export const BILLION_LAUGHS_DTD =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';

export function billionLaughsSharedStrings(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${BILLION_LAUGHS_DTD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
}

/**
 * An OLE2 compound file (512-byte sectors) whose directory holds the given stream names: sector 0 is
 * the FAT, sector 1 the directory. Streams are empty; only the names matter to the sniffer.
 */
export function oleFile(streams: string[]): Uint8Array {
  const sector = 512;
  const buf = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c); // one FAT sector
  buf.writeUInt32LE(1, 0x30); // directory starts at sector 1
  buf.writeUInt32LE(0x1000, 0x38);
  buf.writeUInt32LE(0xfffffffe, 0x3c);
  buf.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  buf.writeUInt32LE(0, 0x4c); // FAT is sector 0
  const fat = sector; // sector 0 at file offset 512
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  buf.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of directory chain
  const dir = sector * 2;
  const names = ['Root Entry', ...streams];
  names.slice(0, 4).forEach((name, i) => {
    const o = dir + i * 128;
    for (let k = 0; k < name.length; k++) buf.writeUInt16LE(name.charCodeAt(k), o + k * 2);
    buf.writeUInt16LE((name.length + 1) * 2, o + 64);
    buf[o + 66] = i === 0 ? 5 : 2;
    buf.writeUInt32LE(0xffffffff, o + 68);
    buf.writeUInt32LE(0xffffffff, o + 72);
    buf.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, o + 76);
  });
  return new Uint8Array(buf);
}

/** Replaces (or adds) one part of an existing zip, keeping the others. */
export async function replacePart(zipBytes: Uint8Array, name: string, content: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes);
  zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
