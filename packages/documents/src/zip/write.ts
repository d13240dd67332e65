/**
 * @module A minimal zip writer on Node's native zlib, shared by the exporters and the importers.
 *
 * Exporters: `docx` compresses with a JavaScript deflate in many small asynchronous steps; writing the
 * same entries with the native deflate makes an export several milliseconds cheaper (see
 * bench/export.bench.mjs). Importers: handing ExcelJS only the parts it reads, already inflated and
 * stored, skips a second inflate (see bench/import.bench.mjs). Fixed timestamps: identical input gives
 * identical bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** DOS date and time of 1980-01-01 00:00, the zip epoch: identical input gives identical bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes a zip archive of the entries, in order. `deflate` (default) compresses each entry unless
 * storing it is smaller; `store` keeps every entry uncompressed (cheapest to read back).
 */
export function writeZip(entries: readonly ZipEntry[], compression: 'deflate' | 'store' = 'deflate'): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const deflated = compression === 'deflate' ? deflateRawSync(e.data, { level: 6 }) : undefined;
    const stored = deflated === undefined || deflated.length >= e.data.length;
    const body = stored ? Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength) : deflated!;
    const crc = crc32(e.data) >>> 0;
    const method = stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
