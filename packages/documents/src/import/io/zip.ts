/**
 * @module A bounded zip reader: checks the central directory (entry count, declared sizes) before
 * inflating anything, then inflates each entry with a hard output cap, because headers can lie.
 *
 * It uses `node:zlib` (`inflateRawSync` with `maxOutputLength`), which stops a zip bomb while it
 * inflates; JSZip cannot bound an entry's output. This is the only module that touches zlib, so a
 * browser build can swap it for a streaming inflater with the same contract.
 */
import { inflateRawSync } from 'node:zlib';
import { importError } from '../messages.js';
import type { ImportError, ImportLimits } from '../types.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared uncompressed size (from the central directory). */
  size: number;
  localOffset: number;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; error: ImportError };
export type Inflated = { ok: true; data: Uint8Array } | { ok: false; error: ImportError };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const corrupt = (detail: string): { ok: false; error: ImportError } => ({
  ok: false,
  error: importError('corrupt-zip', { detail }),
});

const mbText = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  // Sizes above 2^53 are rejected by the limits anyway; precision loss there is harmless.
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** True when the bytes start like a zip archive (local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Reads the central directory and checks entry count and declared sizes against the limits. */
export function listZip(bytes: Uint8Array, limits: ImportLimits): ZipListing {
  const n = bytes.length;
  if (n < 22) return corrupt('文件过短，缺少 zip 目录');
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt('找不到 zip 目录结尾标记，文件可能被截断');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_EOCD64_LOCATOR) return corrupt('ZIP64 目录定位信息缺失');
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > n || u32(bytes, rec) !== SIG_EOCD64) return corrupt('ZIP64 目录结尾记录损坏');
    count = u64(bytes, rec + 32);
    cdSize = u64(bytes, rec + 40);
    cdOffset = u64(bytes, rec + 48);
  }
  if (count > limits.maxEntries) {
    return { ok: false, error: importError('zip-bomb', { detail: `压缩包声明了 ${count} 个文件，上限 ${limits.maxEntries} 个` }) };
  }
  if (cdOffset + cdSize > n) return corrupt('zip 目录超出文件末尾，文件可能被截断');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || u32(bytes, p) !== SIG_CENTRAL) return corrupt(`第 ${i + 1} 个目录项损坏`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > n) return corrupt(`第 ${i + 1} 个目录项超出文件末尾`);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information: only the fields that are saturated in the fixed header follow.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const qEnd = e + 4 + len;
        if (size === 0xffffffff && q + 8 <= qEnd) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= qEnd) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= qEnd) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    if (flags & 1) return { ok: false, error: importError('encrypted') };
    if (size > limits.maxEntryBytes) {
      return {
        ok: false,
        error: importError('zip-bomb', { detail: `“${name}”解压后声明为 ${mbText(size)}，单个文件上限 ${mbText(limits.maxEntryBytes)}` }),
      };
    }
    total += size;
    if (total > limits.maxUncompressedBytes) {
      return {
        ok: false,
        error: importError('zip-bomb', { detail: `解压后合计超过 ${mbText(limits.maxUncompressedBytes)}` }),
      };
    }
    if (!name.endsWith('/')) entries.push({ name, method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** A running budget of inflated bytes shared by all entries of one archive. */
export interface InflateBudget {
  remaining: number;
}

/**
 * Inflates one entry. The output is capped at the declared size (and the remaining budget): an entry
 * that inflates to more than its header says is treated as a zip bomb, not trusted.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, limits: ImportLimits): Inflated {
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== SIG_LOCAL) return corrupt(`“${entry.name}”的本地文件头损坏`);
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return corrupt(`“${entry.name}”的数据超出文件末尾，文件可能被截断`);
  const raw = bytes.subarray(start, end);
  const cap = Math.min(entry.size, limits.maxEntryBytes, budget.remaining);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (raw.length !== entry.size) return corrupt(`“${entry.name}”的大小与目录不符`);
    data = raw;
  } else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, cap + 1) });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return { ok: false, error: importError('zip-bomb', { detail: `“${entry.name}”实际解压后超过目录中声明的 ${entry.size} 字节` }) };
      }
      return corrupt(`“${entry.name}”无法解压`);
    }
  } else {
    return corrupt(`“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  }
  if (data.length > cap) {
    return { ok: false, error: importError('zip-bomb', { detail: `“${entry.name}”实际解压后超过目录中声明的 ${entry.size} 字节` }) };
  }
  if (data.length !== entry.size) return corrupt(`“${entry.name}”解压后的大小与目录不符`);
  budget.remaining -= data.length;
  return { ok: true, data };
}

export type ZipRead = { ok: true; entries: ZipEntry[]; files: Map<string, Uint8Array> } | { ok: false; error: ImportError };

/** Lists and inflates every entry (or those `want` accepts), within the limits. */
export function readZip(bytes: Uint8Array, limits: ImportLimits, want?: (name: string) => boolean): ZipRead {
  const listing = listZip(bytes, limits);
  if (!listing.ok) return listing;
  const budget: InflateBudget = { remaining: limits.maxUncompressedBytes };
  const files = new Map<string, Uint8Array>();
  for (const entry of listing.entries) {
    if (want && !want(entry.name)) continue;
    const r = inflateEntry(bytes, entry, budget, limits);
    if (!r.ok) return r;
    files.set(entry.name, r.data);
  }
  return { ok: true, entries: listing.entries, files };
}
