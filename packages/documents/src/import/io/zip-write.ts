/**
 * @module A minimal zip writer (stored entries, no compression) for handing already-checked and
 * already-inflated parts to ExcelJS: it skips a second inflate and lets the importer drop the parts
 * it never reads (images, themes, printer settings).
 */
import { crc32 } from 'node:zlib';

/** Writes the entries, in order, as a zip with stored (uncompressed) data. */
export function storedZip(entries: ReadonlyArray<readonly [name: string, data: Uint8Array]>): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map(([name]) => enc.encode(name));
  let size = 22;
  entries.forEach(([, data], i) => {
    size += 30 + names[i]!.length + data.length + 46 + names[i]!.length;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const central: Array<{ offset: number; crc: number; i: number }> = [];
  let p = 0;
  entries.forEach(([, data], i) => {
    const name = names[i]!;
    const crc = crc32(data) >>> 0;
    central.push({ offset: p, crc, i });
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true);
    view.setUint16(p + 8, 0, true);
    view.setUint32(p + 14, crc, true);
    view.setUint32(p + 18, data.length, true);
    view.setUint32(p + 22, data.length, true);
    view.setUint16(p + 26, name.length, true);
    out.set(name, p + 30);
    out.set(data, p + 30 + name.length);
    p += 30 + name.length + data.length;
  });
  const cdStart = p;
  for (const { offset, crc, i } of central) {
    const name = names[i]!;
    const data = entries[i]![1];
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, 0, true);
    view.setUint32(p + 16, crc, true);
    view.setUint32(p + 20, data.length, true);
    view.setUint32(p + 24, data.length, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint32(p + 42, offset, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
