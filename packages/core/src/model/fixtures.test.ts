import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './validate.js';
import { indicatorTrees, walkIndicators } from './tree.js';

const dir = new URL('../../fixtures/seeds/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe.each(files)('seed fixture %s', (file) => {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

  it('is a valid interchange document', () => {
    const r = parseDocument(raw);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('has unique indicator ids and no empty names', () => {
    const r = parseDocument(raw);
    if (!r.ok) return;
    const ids: string[] = [];
    for (const tree of indicatorTrees(r.document)) {
      for (const v of walkIndicators(tree.roots, tree.basePath)) {
        ids.push(`${tree.project ?? ''}/${v.node.id}`);
        expect(v.node.name.trim(), v.path).not.toBe('');
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
