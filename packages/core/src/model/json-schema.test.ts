import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema.js';

describe('committed JSON Schema', () => {
  it('equals the one generated from the zod definition (run `npm run schema` after changing the model)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/evaluation.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(toJsonSchema());
  });

  it('describes figures as decimal strings', () => {
    const text = JSON.stringify(toJsonSchema());
    expect(text).toContain('^-?\\\\d+(\\\\.\\\\d+)?$');
  });
});
