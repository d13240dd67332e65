/** @module Plain-text tables for the terminal, aligned for Chinese (full-width) characters. */
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

/** Renders rows as an aligned table; the first row is the header. */
export function renderTable(rows: string[][], align: Align[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - stringWidth(cell));
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out = rows.map(line);
  if (out.length > 1) out.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return out.join('\n');
}

/** Shortens text to a display width, with an ellipsis. */
export function truncate(text: string, width: number): string {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const flat = lead + text.slice(lead.length).replace(/\s+/g, ' ');
  if (stringWidth(flat) <= width) return flat;
  let out = '';
  for (const ch of flat) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
