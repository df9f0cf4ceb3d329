import { expect, type Page, test } from '@playwright/test';
import { demoPassword, shot } from './support.ts';

const username = 'courier';
const maxFailures = 5;

async function tryLogin(page: Page, password: string): Promise<void> {
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: '登录' }).click();
  await answered;
}

test('five wrong passwords lock the account, and then even the right one is refused', async ({ page }) => {
  await page.goto('/login');
  const notice = page.getByTestId('login-error');

  for (let attempt = 1; attempt < maxFailures; attempt++) {
    await tryLogin(page, `Wrong#Pass${attempt}`);
    await expect(notice).toContainText('用户名或密码错误');
    await expect(notice).toContainText(`再失败${maxFailures - attempt}次`);
  }

  await tryLogin(page, `Wrong#Pass${maxFailures}`);
  await expect(notice).toContainText('账号已锁定');
  await expect(notice).toContainText(`连续${maxFailures}次登录失败`);
  await shot(page, 'web-lockout-locked');

  await tryLogin(page, demoPassword);
  await expect(notice).toContainText('账号已锁定');
  await expect(notice).toContainText('后再试');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('退出登录')).toHaveCount(0);
  await shot(page, 'web-lockout-right-password-refused');
});
