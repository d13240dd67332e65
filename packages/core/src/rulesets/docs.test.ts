import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleSetDocs } from './docs.js';

describe('docs/rule-sets.md', () => {
  it('is up to date with the shipped rule sets (run `npm run build && npm run docs` after changing them)', () => {
    const committed = readFileSync(new URL('../../../../docs/rule-sets.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRuleSetDocs());
  });

  it('lists every rule set with its choices', () => {
    const page = renderRuleSetDocs();
    for (const ref of ['national-project@1.0.0', 'national-department@1.0.0', 'yunnan-2017@1.0.0', 'nanchang-2014@1.0.0']) expect(page).toContain(ref);
    expect(page).toContain('execution-above-100');
  });
});
