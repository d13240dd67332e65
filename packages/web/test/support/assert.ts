/** @module Web-first assertions for playwright-core locators in vitest (retrying until a timeout). */
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const TIMEOUT = 20_000;

/** Waits until the (first) element is visible. */
export async function see(locator: Locator, options: { timeout?: number } = {}): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: options.timeout ?? TIMEOUT });
}

/** Waits until nothing matches. */
export async function gone(locator: Locator, timeout = TIMEOUT): Promise<void> {
  await expect.poll(() => locator.count(), { timeout }).toBe(0);
}

/** Waits until the element's text contains `expected` (or equals it with `exact`). */
export async function hasText(locator: Locator, expected: string, exact = false, timeout = TIMEOUT): Promise<void> {
  const read = () => locator.first().innerText().then((t) => t.trim());
  if (exact) await expect.poll(read, { timeout }).toBe(expected);
  else await expect.poll(read, { timeout }).toContain(expected);
}

/** Waits until an input's value is `expected`. */
export async function hasValue(locator: Locator, expected: string, timeout = TIMEOUT): Promise<void> {
  await expect.poll(() => locator.inputValue(), { timeout }).toBe(expected);
}
