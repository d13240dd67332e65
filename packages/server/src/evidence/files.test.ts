import { describe, expect, it } from 'vitest';
import { checkFile, contentDisposition, fileNameProblem, sniff } from './files.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n...');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

describe('sniff', () => {
  it('recognises the families by their first bytes', () => {
    expect(sniff(pdf)).toBe('pdf');
    expect(sniff(png)).toBe('png');
    expect(sniff(zip)).toBe('zip');
    expect(sniff(new TextEncoder().encode('预算执行率 95%'))).toBe('text');
    expect(sniff(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toBeUndefined();
  });
});

describe('checkFile', () => {
  it('accepts a file whose content matches its extension', () => {
    expect(checkFile('绩效佐证.pdf', pdf)).toMatchObject({ ok: true, kind: { mediaType: 'application/pdf' } });
    expect(checkFile('表.XLSX', zip)).toMatchObject({ ok: true });
  });

  it('refuses content that does not match the extension', () => {
    expect(checkFile('evil.pdf', new TextEncoder().encode('<script>alert(1)</script>'))).toMatchObject({ ok: false, status: 'content-mismatch' });
    expect(checkFile('photo.png', pdf)).toMatchObject({ ok: false, status: 'content-mismatch' });
  });

  it('refuses types not on the list', () => {
    expect(checkFile('page.html', new TextEncoder().encode('<html>'))).toMatchObject({ ok: false, status: 'unsupported-type' });
    expect(checkFile('run.exe', new Uint8Array([0x4d, 0x5a]))).toMatchObject({ ok: false, status: 'unsupported-type' });
    expect(checkFile('noext', pdf)).toMatchObject({ ok: false, status: 'unsupported-type' });
  });
});

describe('fileNameProblem', () => {
  it.each(['../../etc/passwd', '..\\..\\boot.ini', 'a/b.pdf', 'C:\\x.pdf', '..', '.hidden.pdf', 'a\u0000.pdf', 'a\nb.pdf', 'con.pdf', 'x<y>.pdf', ''])(
    'refuses %j',
    (name) => {
      expect(fileNameProblem(name)).toBeDefined();
    },
  );

  it.each(['2023年度佐证材料.pdf', 'report (final).docx', "o'brien.txt", '表1-资金.xlsx'])('accepts %j', (name) => {
    expect(fileNameProblem(name)).toBeUndefined();
  });
});

describe('contentDisposition', () => {
  it('keeps an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('佐证 1.pdf')).toBe(`attachment; filename="__ 1.pdf"; filename*=UTF-8''%E4%BD%90%E8%AF%81%201.pdf`);
    expect(contentDisposition("o'brien (1).txt")).toBe(`attachment; filename="o'brien (1).txt"; filename*=UTF-8''o%27brien%20%281%29.txt`);
  });
});
