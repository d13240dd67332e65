import { describe, expect, it } from 'vitest';
import { rawZip } from '../../../test/support/make-bad.js';
import { resolveLimits } from '../types.js';
import { writeZip } from '../../zip/write.js';
import { inflateEntry, listZip, looksLikeZip, readZip } from './zip.js';

const enc = new TextEncoder();
const limits = resolveLimits({ maxEntryBytes: 1000, maxUncompressedBytes: 1500, maxEntries: 5 });

describe('bounded zip reader', () => {
  it('lists and inflates stored and deflated entries', () => {
    const zip = rawZip([
      { name: 'a.txt', data: enc.encode('hello') },
      { name: '目录/b.xml', data: enc.encode('<b>世界</b>'.repeat(20)), deflate: true },
    ]);
    expect(looksLikeZip(zip)).toBe(true);
    const r = readZip(zip, limits);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.files.keys()]).toEqual(['a.txt', '目录/b.xml']);
    expect(new TextDecoder().decode(r.files.get('目录/b.xml'))).toBe('<b>世界</b>'.repeat(20));
  });

  it('checks the entry count, each declared size and the declared total before inflating', () => {
    const many = rawZip(Array.from({ length: 6 }, (_, i) => ({ name: `${i}`, data: new Uint8Array(1) })));
    expect(listZip(many, limits)).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
    const big = rawZip([{ name: 'big', data: new Uint8Array(10), declaredSize: 5000 }]);
    expect(listZip(big, limits)).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
    const total = rawZip([{ name: 'x', data: new Uint8Array(900) }, { name: 'y', data: new Uint8Array(900) }]);
    expect(listZip(total, limits)).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
  });

  it('stops an entry that inflates past its declared size', () => {
    const zip = rawZip([{ name: 'lie', data: new Uint8Array(900), deflate: true, declaredSize: 100 }]);
    const listing = listZip(zip, limits);
    if (!listing.ok) throw new Error('listing');
    const r = inflateEntry(zip, listing.entries[0]!, { remaining: 1500 }, limits);
    expect(r).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
  });

  it('reports truncation and garbage as corrupt-zip', () => {
    const zip = rawZip([{ name: 'a', data: enc.encode('abc') }]);
    expect(listZip(zip.subarray(0, zip.length - 10), limits)).toMatchObject({ ok: false, error: { code: 'corrupt-zip' } });
    expect(listZip(new Uint8Array(100), limits)).toMatchObject({ ok: false, error: { code: 'corrupt-zip' } });
  });

  it('treats an encrypted entry (general purpose flag bit 0) as encrypted', () => {
    const zip = rawZip([{ name: 'a', data: enc.encode('abc') }]);
    const view = new DataView(zip.buffer, zip.byteOffset);
    const cd = view.getUint32(zip.length - 6, true);
    view.setUint16(cd + 8, 1, true);
    expect(listZip(zip, limits)).toMatchObject({ ok: false, error: { code: 'encrypted' } });
  });

  it.each(['store', 'deflate'] as const)('writeZip (%s) writes what readZip reads back', (method) => {
    const parts = [
      { path: 'x.xml', data: enc.encode('<x/>'.repeat(50)) },
      { path: '中文.txt', data: enc.encode('内容') },
    ];
    const r = readZip(writeZip(parts, method), resolveLimits());
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.files].map(([n, d]) => [n, new TextDecoder().decode(d)])).toEqual([
      ['x.xml', '<x/>'.repeat(50)],
      ['中文.txt', '内容'],
    ]);
  });
});
