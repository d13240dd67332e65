/**
 * @module A small HTML → text flattener for saved web pages (and HTML disguised as .xls): table rows
 * become tab-separated lines (a colspan repeats as empty cells), block elements become line breaks,
 * other tags are dropped and entities decoded. It never evaluates anything and runs in linear time.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ge: '≥',
  le: '≤',
  times: '×',
  divide: '÷',
  yen: '¥',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** True when the text is an HTML page or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<!doctype html|<html[\s>]|<table[\s>]|<body[\s>]/.test(head);
}

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav', 'tbody', 'thead', 'caption', 'title', 'center', 'br']);
const SKIPPED_TAGS = new Set(['script', 'style', 'head', 'noscript']);

/**
 * One linear pass over the markup: tags become private-use markers (cell, row, table start and end,
 * line break), other tags vanish, and script / style / head content is dropped. Each "<" searches
 * for the next ">" once; when there is none the rest is dropped, so the pass cannot go quadratic.
 */
function markup(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  for (;;) {
    const a = html.indexOf('<', i);
    if (a < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, a);
    if (html.startsWith('<!--', a)) {
      const b = html.indexOf('-->', a + 4);
      if (b < 0) break;
      i = b + 3;
      continue;
    }
    const b = html.indexOf('>', a + 1);
    if (b < 0) break;
    const tag = html.slice(a + 1, b);
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
    i = b + 1;
    if (!m) continue;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (!closing && SKIPPED_TAGS.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) break;
      const gt = html.indexOf('>', end);
      if (gt < 0) break;
      i = gt + 1;
      continue;
    }
    if ((name === 'td' || name === 'th') && !closing) {
      const span = /colspan\s*=\s*["']?(\d{1,3})/i.exec(tag);
      const rows = /rowspan\s*=\s*["']?(\d{1,4})/i.exec(tag);
      const n = span ? Math.max(1, Math.min(100, Number(span[1]))) : 1;
      const r = rows ? Math.max(1, Math.min(1000, Number(rows[1]))) : 1;
      out += `\uE000C${n},${r}\uE000`;
    } else if (name === 'tr' && !closing) out += '\uE000R\uE000';
    else if (name === 'table') out += closing ? '\uE000E\uE000' : '\uE000T\uE000';
    else if (BLOCK_TAGS.has(name)) out += '\uE000B\uE000';
  }
  return out;
}

/** Flattens HTML to text lines; tables become tab-separated rows. */
export function htmlToText(html: string): string {
  const s = decodeEntities(markup(html).replace(/\s+/g, ' '));
  const out: string[] = [];
  const prose = (t: string): void => {
    for (const line of t.split('\uE000B\uE000')) out.push(line.trim());
  };
  // Split into outside-table and inside-table stretches (nested tables are flattened into the outer one).
  let depth = 0;
  let buf = '';
  for (const tok of s.split(/(\uE000[TE]\uE000)/)) {
    if (tok === '\uE000T\uE000') {
      if (depth === 0) {
        prose(buf);
        buf = '';
        out.push('');
      }
      depth++;
    } else if (tok === '\uE000E\uE000') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        tableRows(buf, out);
        buf = '';
        out.push('');
      }
    } else buf += tok;
  }
  if (depth > 0) tableRows(buf, out);
  else prose(buf);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function tableRows(body: string, out: string[]): void {
  // Cells still covered by a rowspan from a row above, per column.
  const carry: number[] = [];
  for (const part of body.split('\uE000R\uE000')) {
    const cells = part.split(/\uE000C(\d+),(\d+)\uE000/);
    if (cells.length === 1) {
      const t = part.replace(/\uE000B\uE000/g, ' ').trim();
      if (t) out.push(t);
      continue;
    }
    const row: string[] = [];
    const fill = (): void => {
      while ((carry[row.length] ?? 0) > 0) {
        carry[row.length]!--;
        row.push('');
      }
    };
    for (let i = 1; i < cells.length; i += 3) {
      const span = Number(cells[i]);
      const down = Number(cells[i + 1]);
      fill();
      const col = row.length;
      row.push(cells[i + 2]!.replace(/\uE000B\uE000/g, ' ').replace(/\s+/g, ' ').trim());
      for (let k = 1; k < span; k++) row.push('');
      for (let k = 0; k < span; k++) if (down > 1) carry[col + k] = down - 1;
    }
    fill();
    const line = row.join('\t');
    // A row with one leading empty cell and one text must not look like a one-cell-per-line export.
    out.push(/^\t[^\t]*$/.test(line) || !line.includes('\t') ? `${line}\t` : line);
  }
}
