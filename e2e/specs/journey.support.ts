/** Helpers of the issue 3 journey spec: identities, SMS codes, form fields, pages. */

import { randomInt } from 'node:crypto';
import { computeCreditCodeCheckChar } from '@eco/contracts';
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

export const regulatorPassword = 'Demo#2026';

export function uniqueCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91510107';
  while (body.length < 17) body += alphabet.charAt(randomInt(alphabet.length));
  return body + computeCreditCodeCheckChar(body);
}

/** A mobile number nobody else in this run has: a prefix and eight digits from the clock and a counter. */
let mobileSeq = 0;
export function uniqueMobile(prefix: string): string {
  mobileSeq += 1;
  return `${prefix}${String((Date.now() + mobileSeq * 7919) % 100_000_000).padStart(8, '0')}`;
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

export async function newWebPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}
