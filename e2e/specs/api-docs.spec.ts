import { expect, test } from '@playwright/test';
import { shot } from './support.ts';

test('the OpenAPI browser at /api/docs lists the endpoints', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('生态环境监测业务管理平台 API')).toBeVisible();
  await expect(page.getByText('/api/v1/auth/login').first()).toBeVisible();
  await expect(page.getByText('/api/v1/attachments').first()).toBeVisible();
  await shot(page, 'api-docs');
  expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
});
