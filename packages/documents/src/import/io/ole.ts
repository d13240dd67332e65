/**
 * @module Recognises OLE2 compound files (D0 CF 11 E0): old .xls / .doc, and password-protected
 * .xlsx / .docx, which Office stores as an OLE file holding `EncryptionInfo` and `EncryptedPackage`.
 * Only the directory is read (bounded, cycle-safe); stream contents are never touched.
 */

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export type OleKind = 'encrypted' | 'xls' | 'doc' | 'unknown';

export function looksLikeOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}

/** Names of the directory entries (storages and streams) of a compound file; [] when unreadable. */
export function oleEntryNames(bytes: Uint8Array): string[] {
  if (!looksLikeOle(bytes) || bytes.length < 512) return [];
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const offsetOf = (sector: number): number => (sector + 1) * sectorSize;
  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(bytes, 0x4c + i * 4);
    if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
  }
  let difat = u32(bytes, 0x44);
  const seenDifat = new Set<number>();
  while (difat !== ENDOFCHAIN && difat !== FREESECT && difat < sectorCount && !seenDifat.has(difat)) {
    seenDifat.add(difat);
    const base = offsetOf(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && base + i * 4 + 4 <= bytes.length; i++) {
      const s = u32(bytes, base + i * 4);
      if (s !== FREESECT && s !== ENDOFCHAIN) fatSectors.push(s);
    }
    difat = base + per * 4 + 4 <= bytes.length ? u32(bytes, base + per * 4) : ENDOFCHAIN;
  }
  const perFat = sectorSize / 4;
  const next = (sector: number): number => {
    const fatIndex = Math.floor(sector / perFat);
    const fs = fatSectors[fatIndex];
    if (fs === undefined || fs >= sectorCount) return ENDOFCHAIN;
    const o = offsetOf(fs) + (sector % perFat) * 4;
    return o + 4 <= bytes.length ? u32(bytes, o) : ENDOFCHAIN;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  let dir = u32(bytes, 0x30);
  while (dir !== ENDOFCHAIN && dir < sectorCount && !seen.has(dir)) {
    seen.add(dir);
    const base = offsetOf(dir);
    for (let e = 0; e < sectorSize / 128; e++) {
      const o = base + e * 128;
      if (o + 128 > bytes.length) break;
      const type = bytes[o + 66];
      const len = u16(bytes, o + 64);
      if ((type === 1 || type === 2 || type === 5) && len >= 2 && len <= 64) {
        let name = '';
        for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(bytes, o + i));
        names.push(name);
      }
    }
    dir = next(dir);
  }
  return names;
}

/** What kind of compound file this is, judged by its stream names. */
export function classifyOle(bytes: Uint8Array): OleKind {
  const names = oleEntryNames(bytes);
  if (names.some((n) => n === 'EncryptionInfo' || n === 'EncryptedPackage')) return 'encrypted';
  if (names.includes('WordDocument')) return 'doc';
  if (names.some((n) => n === 'Workbook' || n === 'Book')) return 'xls';
  return 'unknown';
}
