import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditCatalogue, auditCatalogueMarkdown } from './index.js';

describe('docs/audit-checks.md', () => {
  it('is up to date with the catalogue (run `npm run build && node packages/core/scripts/write-audit-docs.mjs` after changing the checks)', () => {
    const committed = readFileSync(new URL('../../../../docs/audit-checks.md', import.meta.url), 'utf8');
    expect(committed).toBe(auditCatalogueMarkdown());
  });

  it('lists every code', () => {
    const page = auditCatalogueMarkdown();
    for (const c of auditCatalogue()) expect(page).toContain(`\`${c.code}\``);
  });
});
