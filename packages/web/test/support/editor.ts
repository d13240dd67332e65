/** @module Steps in the evaluation editor and its dialogs that the end-to-end tests share. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until the editor says the document is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 30_000 }).toMatch(/已自动保存|已保存/);
}

/** Clicks `button` in the dialog that has it (a confirmation). */
export async function confirmInDialog(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: button }) });
  await dialog.getByRole('button', { name: button }).click();
}

/**
 * Adds a child row under the row named `parent` and types the cells left to right (Tab between them,
 * Enter after the last). Tab keeps a name as typed even while the library's suggestions are open.
 */
export async function addChild(page: Page, parent: string, cells: string[]): Promise<void> {
  await page.getByRole('gridcell', { name: `指标名称：${parent}` }).click();
  await page.getByRole('button', { name: '添加下级' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), { timeout: 15_000 }).toContain('指标名称');
  for (const [i, text] of cells.entries()) {
    await page.keyboard.type(text);
    await page.keyboard.press(i === cells.length - 1 ? 'Enter' : 'Tab');
  }
}
