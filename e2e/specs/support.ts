import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'Demo#2026';
const screenshotDir = path.join(import.meta.dirname, '../screenshots');

/** Saves a full-page screenshot under e2e/screenshots/<name>.png for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Logs in through the web login page and waits for the layout. */
export async function loginWeb(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('退出登录')).toBeVisible();
}
