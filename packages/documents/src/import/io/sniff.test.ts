import { describe, expect, it } from 'vitest';
import { oleFile, rawZip } from '../../../test/support/make-bad.js';
import { resolveLimits } from '../types.js';
import { classifyOle, oleEntryNames } from './ole.js';
import { decodeText, sniff } from './sniff.js';
import { bytesHaveDoctype } from './xml-guard.js';

const enc = new TextEncoder();
const limits = resolveLimits();

describe('content sniffing', () => {
  it('reads the OLE directory: encrypted OOXML, .xls, .doc', () => {
    expect(oleEntryNames(oleFile(['EncryptionInfo', 'EncryptedPackage']))).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    expect(classifyOle(oleFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(classifyOle(oleFile(['Workbook']))).toBe('xls');
    expect(classifyOle(oleFile(['WordDocument']))).toBe('doc');
    expect(classifyOle(oleFile(['Something']))).toBe('unknown');
  });

  it('decides by content first and by extension second', () => {
    const xlsx = rawZip([{ name: 'xl/workbook.xml', data: enc.encode('<workbook/>') }]);
    const docx = rawZip([{ name: 'word/document.xml', data: enc.encode('<w:document/>') }]);
    expect(sniff(xlsx, 'misnamed.docx', limits).kind).toBe('xlsx');
    expect(sniff(docx, 'misnamed.xlsx', limits).kind).toBe('docx');
    expect(sniff(rawZip([{ name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet') }]), 'a.ods', limits)).toMatchObject({ kind: 'zip-other' });
    expect(sniff(enc.encode('一级指标\t二级指标'), 'a.xls', limits).kind).toBe('text');
  });

  it('decodes UTF-8, UTF-16 with BOM and GB18030 text', () => {
    expect(decodeText(enc.encode('\uFEFF绩效'))).toBe('绩效');
    const utf16 = new Uint8Array([0xff, 0xfe, 0xe9, 0x7e, 0x48, 0x65]);
    expect(decodeText(utf16)).toBe('绩效');
    // "绩效" in GB18030 / GBK.
    expect(decodeText(new Uint8Array([0xbc, 0xa8, 0xd0, 0xa7]))).toBe('绩效');
    expect(decodeText(new Uint8Array([0x00, 0x01, 0x02]))).toBeUndefined();
  });

  it('finds a DTD in the prolog only, past comments and processing instructions', () => {
    expect(bytesHaveDoctype(enc.encode('<?xml version="1.0"?><!-- c --><!DOCTYPE x []><x/>'))).toBe(true);
    expect(bytesHaveDoctype(enc.encode('<?xml version="1.0"?>\n<!ENTITY a "b"><x/>'))).toBe(true);
    expect(bytesHaveDoctype(enc.encode('<?xml version="1.0"?><x>&lt;!DOCTYPE</x>'))).toBe(false);
    expect(bytesHaveDoctype(enc.encode('<x><![CDATA[<!DOCTYPE]]></x>'))).toBe(false);
  });
});
