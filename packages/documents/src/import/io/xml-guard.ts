/**
 * @module Rejects XML parts with a document type declaration. OOXML never has one, and a DTD is where
 * entity-expansion ("billion laughs") attacks live. A DTD may only appear in the prolog, so only the
 * prolog is scanned: the cost does not grow with the part.
 */

const LT = 0x3c;
const BANG = 0x21;
const QUESTION = 0x3f;

/** True when the prolog (before the root element) holds `<!DOCTYPE` or `<!ENTITY`. */
export function bytesHaveDoctype(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  // Skip a UTF-16 part cheaply: OOXML is UTF-8 in practice; a UTF-16 part is checked after decoding.
  while (i < n) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0 || lt + 1 >= n) return false;
    const c = bytes[lt + 1]!;
    if (c === QUESTION) {
      const end = indexOfSeq(bytes, [QUESTION, 0x3e], lt + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (c === BANG) {
      if (bytes[lt + 2] === 0x2d && bytes[lt + 3] === 0x2d) {
        const end = indexOfSeq(bytes, [0x2d, 0x2d, 0x3e], lt + 4);
        if (end < 0) return false;
        i = end + 3;
        continue;
      }
      const word = String.fromCharCode(...bytes.subarray(lt + 2, Math.min(n, lt + 9))).toUpperCase();
      return word.startsWith('DOCTYPE') || word.startsWith('ENTITY');
    }
    return false; // the root element starts: no DTD can follow
  }
  return false;
}

function indexOfSeq(bytes: Uint8Array, seq: readonly number[], from: number): number {
  for (let i = bytes.indexOf(seq[0]!, from); i >= 0; i = bytes.indexOf(seq[0]!, i + 1)) {
    let ok = true;
    for (let k = 1; k < seq.length; k++) {
      if (bytes[i + k] !== seq[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}
