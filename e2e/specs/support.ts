import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { computeIdNumberCheckChar } from '@eco/contracts';
import { expect, type Locator, type Page } from '@playwright/test';

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

/** A small but well-formed one-page PDF, with a correct cross-reference table. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A valid 身份证号 born on `birth` (YYYYMMDD) in `region`, with a random sequence and its check character. */
export function idNumber(birth: string, region = '510107'): string {
  const first17 = `${region}${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckChar(first17);
}

/** Types into an antd Select to narrow its options, then picks the one with exactly this label. */
export async function chooseOption(page: Page, select: Locator, label: string) {
  await select.click();
  await select.fill(label);
  const option = page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
  await option.last().click();
}

/**
 * Types into an antd multiple Select to narrow its options, then picks the one with exactly this label;
 * retried until the choice shows in `container`, since the dropdown animates in on a busy machine.
 */
export async function chooseMultiOption(page: Page, container: Locator, select: Locator, label: string) {
  const chosen = container.locator('.ant-select-selection-item').filter({ hasText: label });
  await expect(async () => {
    if ((await chosen.count()) > 0) return;
    await select.click();
    await select.fill(label);
    const option = page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
    await option.last().click({ timeout: 3000 });
    await expect(chosen).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

export type Staff = {
  name: string;
  gender: '男' | '女';
  id: string;
  mobile: string;
  title: string;
  post: string;
};

export async function addStaff(page: Page, s: Staff, screenshot?: string) {
  await page.getByRole('button', { name: /添\s*加/ }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员信息' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('姓名').fill(s.name);
  await dialog.getByLabel(s.gender).check();
  await dialog.getByLabel('身份证号').fill(s.id);
  await dialog.getByLabel('手机号').fill(s.mobile);
  await dialog.getByLabel('职称').fill(s.title);
  await page.keyboard.press('Escape');
  const education = dialog.locator('.ant-form-item').filter({ hasText: '学历' });
  await expect(async () => {
    await chooseOption(page, dialog.getByLabel('学历'), '本科');
    await expect(education).toContainText('本科', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await chooseMultiOption(page, dialog, dialog.getByLabel('岗位职能'), s.post);
  await page.keyboard.press('Escape');
  await expect(dialog.locator('.ant-select-selection-item').filter({ hasText: s.post })).toBeVisible();
  if (screenshot) {
    await page.waitForTimeout(300);
    await shot(page, screenshot);
  }
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const saved = page.getByRole('dialog', { name: '编辑人员信息' });
  await expect(saved.getByText('证书附件')).toBeVisible();
  await expect(saved.getByText(/已登记：5\*+/)).toBeVisible();
  await saved.getByRole('button', { name: /完\s*成/ }).click();
  await expect(saved).toBeHidden();
}

/** Fills an antd DatePicker by typing the date and confirming with Enter. */
export async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/**
 * Confirms the open Popconfirm and waits for `done`. A click that lands while the pop-up is still
 * animating in can be lost on a busy machine, so it clicks again while the pop-up stays open.
 */
export async function confirmPopconfirm(page: Page, done: Locator): Promise<void> {
  await expect(async () => {
    const ok = page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ });
    if (await ok.isVisible()) await ok.click({ timeout: 2000 });
    await expect(done).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}
