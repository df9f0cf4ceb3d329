/** Helpers of the issue 3 journey spec: identities, SMS codes, form fields, pages. */

import { randomInt } from 'node:crypto';
import { computeCreditCodeCheckChar, computeIdNumberCheckChar } from '@eco/contracts';
import { type APIRequestContext, type Browser, expect, type Locator, type Page } from '@playwright/test';
import { shot } from './support.ts';

export const regulatorPassword = 'Demo#2026';

export function uniqueCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91510107';
  while (body.length < 17) body += alphabet.charAt(randomInt(alphabet.length));
  return body + computeCreditCodeCheckChar(body);
}

export function idNumber(birth: string): string {
  const first17 = `510107${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckChar(first17);
}

/** A mobile number nobody else in this run has: a prefix and eight digits from the clock and a counter. */
let mobileSeq = 0;
export function uniqueMobile(prefix: string): string {
  mobileSeq += 1;
  return `${prefix}${String((Date.now() + mobileSeq * 7919) % 100_000_000).padStart(8, '0')}`;
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

/** Reads the newest code sent to a mobile from the demo outbox. */
export async function smsCode(request: APIRequestContext, mobile: string, purpose: RegExp): Promise<string> {
  let code = '';
  await expect(async () => {
    const res = await request.get(`/api/v1/dev/sms-outbox?mobile=${mobile}`);
    expect(res.ok()).toBe(true);
    const outbox = (await res.json()) as { items: { body: string }[] };
    const body = outbox.items.find((i) => purpose.test(i.body))?.body ?? '';
    code = body.match(/验证码为(\d{6})/)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
  }).toPass({ timeout: 10_000 });
  return code;
}

/** Types into an antd Select to narrow its options, then picks the one with exactly this label. */
export async function chooseOption(page: Page, select: Locator, label: string) {
  await select.click();
  await select.fill(label);
  const option = page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) });
  await option.last().click();
}

/** Fills an antd DatePicker by typing the date and confirming with Enter. */
export async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

export async function openProfile(page: Page) {
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page.getByRole('button', { name: '点击选择文件' })).toBeVisible();
}

export async function editOfficeAddress(page: Page, value: string) {
  await page.getByTestId('edit-profile').click();
  await page.getByLabel('办公地址').fill(value);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
}

/** Opens this agency's submission from 机构审核 (待审核). */
export async function openReview(page: Page, agencyName: string) {
  await page.getByRole('menuitem', { name: '机构审核' }).click();
  const row = page.getByRole('row', { name: new RegExp(agencyName) });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('button', { name: '审核通过' })).toBeVisible();
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
  await chooseOption(page, dialog.getByLabel('学历'), '本科');
  await chooseOption(page, dialog.getByLabel('岗位职能'), s.post);
  await page.keyboard.press('Escape');
  await expect(dialog.locator('.ant-select-selection-item').filter({ hasText: s.post })).toBeVisible();
  if (screenshot) {
    await page.waitForTimeout(300);
    await shot(page, screenshot);
  }
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const saved = page.getByRole('dialog', { name: '编辑人员信息' });
  await expect(saved.getByText('证书附件')).toBeVisible();
  await saved.getByRole('button', { name: /完\s*成/ }).click();
  await expect(saved).toBeHidden();
}

export async function newWebPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}
