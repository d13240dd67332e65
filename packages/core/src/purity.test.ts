import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The core must stay pure: the lint rule that says so is itself tested, on code it must refuse.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const lint = async (code: string, file = 'packages/core/src/model/impure.ts') =>
  (await eslint.lintText(code, { filePath: `${root}/${file}` }))[0]!.messages.map((m) => m.message);

describe('core purity lint rule', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'pure'],
    ["import pg from 'pg';\nexport const p = pg;", 'pure'],
    ['export const t = Date.now();', 'clock'],
    ['export const t = new Date();', 'clock'],
    ['export const r = Math.random();', 'randomness'],
    ['export const e = process.env;', 'pure'],
    ["export const f = () => fetch('http://x');", 'pure'],
  ])('refuses %j', async (code, word) => {
    const messages = await lint(code);
    expect(messages.join('\n')).toContain(word);
  });

  it('accepts pure code, and allows dates that are passed in', async () => {
    expect(await lint("export const d = (at: string) => new Date(at).getFullYear();")).toEqual([]);
  });

  it('does not apply to tests or to other packages', async () => {
    expect(await lint('export const t = Date.now();', 'packages/core/src/model/x.test.ts')).toEqual([]);
    expect(await lint('export const t = Date.now();', 'packages/server/src/x.ts')).toEqual([]);
  });
});
