import { expect, test } from '@playwright/test';
import { smsCode, uniqueMobile } from './journey.support.ts';
import { demoPassword, shot } from './support.ts';

/** The demo's approved project carries reports SHJC-2026-0005 (方案) and -0006 (报告); -0003 belongs to a returned one. */
const publicReport = 'SHJC-2026-0006';
const returnedReport = 'SHJC-2026-0003';

/** The original report file, as the agency (or the enterprise it gave a copy to) holds it. */
async function originalReportBytes(baseURL: string | undefined): Promise<Buffer> {
  const { request: apiRequest } = await import('@playwright/test');
  const agency = await apiRequest.newContext({ baseURL });
  const login = await agency.post('/api/v1/auth/login', {
    data: { username: 'agency_admin', password: demoPassword },
  });
  expect(login.ok()).toBe(true);
  const list = await agency.get('/api/v1/projects', { params: { name: '焚烧飞灰', status: 'approved' } });
  const [project] = ((await list.json()) as { items: { id: string }[] }).items;
  expect(project).toBeTruthy();
  const detail = await agency.get(`/api/v1/projects/${project?.id}`);
  const slots = (
    (await detail.json()) as { reports: { report: { reportNumber: string; attachmentId: string } | null }[] }
  ).reports;
  const report = slots.map((s) => s.report).find((r) => r?.reportNumber === publicReport);
  expect(report).toBeTruthy();
  const file = await agency.get(`/api/v1/attachments/${report?.attachmentId}/download`);
  expect(file.ok()).toBe(true);
  const bytes = await file.body();
  await agency.dispose();
  return bytes;
}

test('a citizen looks up a report, previews it with an SMS code, verifies a copy and finds the agency', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto('/public');
  await expect(page.getByText('监测报告查询').first()).toBeVisible();

  // A returned project's report is simply not found: the answer does not say it exists.
  const numberInput = page.getByPlaceholder(/请输入监测报告编号/);
  await numberInput.fill(returnedReport);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText(/未找到该编号的监测报告/)).toBeVisible();
  await shot(page, 'public-01-not-found');

  await numberInput.fill(publicReport);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('四川蜀环检测技术有限公司').first()).toBeVisible();
  await expect(page.getByText('审核通过').first()).toBeVisible();
  await shot(page, 'public-02-found');

  // 预览 needs a mobile number and the SMS code sent to it.
  await page.getByRole('button', { name: /预\s*览/ }).click();
  const dialog = page.getByRole('dialog', { name: '报告预览验证' });
  const mobile = uniqueMobile('139');
  await dialog.getByLabel('手机号').fill(mobile);
  await dialog.getByRole('button', { name: '获取验证码' }).click();
  await expect(dialog.getByText(/秒后重新获取/)).toBeVisible();
  const code = await smsCode(page.request, mobile, /预览/);
  await dialog.getByPlaceholder('6位短信验证码').fill(code);
  await shot(page, 'public-03-sms');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();

  const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  await expect(page.getByText(new RegExp(`查阅人水印（${masked.replace(/\*/g, '\\*')}`))).toBeVisible();
  await expect(page.getByText(/共 \d+ 页/)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /下载|打印/ })).toHaveCount(0);
  await page.waitForTimeout(500);
  await shot(page, 'public-04-viewer');

  // 报告真伪核验: the original copy matches; a changed copy does not.
  const original = await originalReportBytes(baseURL);
  await page.goto('/public/verify');
  const drop = page.locator('input[type=file]');
  await drop.setInputFiles({ name: '报告副本.pdf', mimeType: 'application/pdf', buffer: original });
  await expect(page.getByText('核验通过：与平台登记的报告一致')).toBeVisible();
  await expect(page.getByText(publicReport).first()).toBeVisible();
  await shot(page, 'public-05-verified');
  const altered = Buffer.concat([original, Buffer.from('\n% altered\n', 'latin1')]);
  await drop.setInputFiles({ name: '改过的副本.pdf', mimeType: 'application/pdf', buffer: altered });
  await expect(page.getByText('未找到与该文件一致的登记报告')).toBeVisible();
  await shot(page, 'public-06-not-verified');

  // 监测机构查询 by part of the name, then its public profile.
  await page.goto('/public/agencies');
  await page.getByPlaceholder('请输入监测机构名称').fill('蜀环');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row', { name: /四川蜀环检测技术有限公司/ });
  await expect(row).toBeVisible();
  await expect(page.getByText('绵阳市科环环境检测有限公司')).toHaveCount(0);
  await shot(page, 'public-07-agencies');
  await row.getByText('查看').click();
  await expect(page.getByText('统一社会信用代码')).toBeVisible();
  await expect(page.getByText('已完成项目数')).toBeVisible();
  await expect(page.getByText(/\d+ 个/).first()).toBeVisible();
  await expect(page.getByText(/身份证|联系电话/)).toHaveCount(0);
  await shot(page, 'public-08-agency-profile');
});
