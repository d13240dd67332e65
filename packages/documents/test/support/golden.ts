/**
 * @module Golden files: the expected output of an importer for a generated input, stored as JSON in
 * test/golden. A missing or changed golden fails the test; run with UPDATE_GOLDEN=1 to (re)write
 * them, then review the diff like any other change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const dir = new URL('../golden/', import.meta.url);

export function expectGolden(name: string, value: unknown): void {
  const url = new URL(`${name}.json`, dir);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(url, text);
    return;
  }
  if (!existsSync(url)) throw new Error(`golden file test/golden/${name}.json is missing; run with UPDATE_GOLDEN=1 and review it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(url, 'utf8')));
}
