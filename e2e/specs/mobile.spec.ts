import { expect, type Page, test } from '@playwright/test';
import { demoPassword, shot } from './support.ts';

// A phone in 成都 (WGS-84), as the field staff carry.
test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  geolocation: { latitude: 30.657, longitude: 104.066, accuracy: 12 },
});

async function loginMobile(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

test('采样人员登录后首页显示机构、姓名、岗位和当前定位，退出后回到登录页', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await page.goto('/m');
  await expect(page).toHaveURL(/\/m\/login$/);
  await expect(page.getByPlaceholder('请输入用户名')).toBeVisible();
  await shot(page, 'mobile-login');

  await loginMobile(page, 'sampler');
  await expect(page).toHaveURL(/\/m\/?$/);
  await expect(page.getByText('机构名称')).toBeVisible();
  await expect(page.getByText('四川蜀环检测技术有限公司')).toBeVisible();
  await expect(page.getByText('王强')).toBeVisible();
  await expect(page.getByText('采样人员')).toBeVisible();
  await expect(page.getByTestId('latitude')).toHaveText('30.657000');
  await expect(page.getByTestId('longitude')).toHaveText('104.066000');
  await expect(page.getByTestId('accuracy')).toHaveText('±12 米');
  await shot(page, 'mobile-home');

  // A new position after moving, fetched on demand.
  await context.setGeolocation({ latitude: 30.572269, longitude: 104.066541, accuracy: 8 });
  await page.getByRole('button', { name: '重新定位' }).click();
  await expect(page.getByTestId('latitude')).toHaveText('30.572269');
  await expect(page.getByTestId('accuracy')).toHaveText('±8 米');

  await page.getByText('我的', { exact: true }).click();
  await expect(page).toHaveURL(/\/m\/me$/);
  await expect(page.getByText('四川蜀环检测技术有限公司')).toBeVisible();
  await shot(page, 'mobile-profile');

  await page.getByText('修改密码').click();
  await expect(page).toHaveURL(/\/m\/password$/);
  await page.getByPlaceholder('请输入当前密码').fill('not-my-password');
  await page.getByPlaceholder('至少8位，含大小写字母、数字、符号中的三类').fill('Field#Staff2026');
  await page.getByPlaceholder('请再次输入新密码').fill('Field#Staff2026');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('当前密码不正确')).toBeVisible();
  await shot(page, 'mobile-change-password');
  await page.getByText('返回').click();
  await expect(page).toHaveURL(/\/m\/me$/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page).toHaveURL(/\/m\/login$/);
  await expect(page.getByPlaceholder('请输入用户名')).toBeVisible();

  // The session is over on the server too, not just forgotten by the page.
  await page.goto('/m/');
  await expect(page).toHaveURL(/\/m\/login$/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
});

test('定位被拒绝时说明原因，允许后可重新定位', async ({ page, context }) => {
  await context.clearPermissions();
  await page.goto('/m/login');
  await loginMobile(page, 'courier');
  await expect(page.getByText('赵磊')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('定位权限已被拒绝');
  await shot(page, 'mobile-home-position-denied');

  await context.grantPermissions(['geolocation']);
  await page.getByRole('button', { name: '重新定位' }).click();
  await expect(page.getByTestId('longitude')).toHaveText('104.066000');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('非监测人员账号登录后看到仅供监测人员使用的提示，并被退出', async ({ page }) => {
  await page.goto('/m/login');
  await loginMobile(page, 'agency_admin');
  await expect(page.getByText('本应用仅供监测人员使用')).toBeVisible();
  await expect(page.getByRole('link', { name: '前往监测业务管理平台' })).toHaveAttribute('href', '/');
  await shot(page, 'mobile-not-field-staff');
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  await page.getByRole('button', { name: '使用监测人员账号登录' }).click();
  await expect(page.getByPlaceholder('请输入用户名')).toBeVisible();
});

test('密码错误时显示剩余次数，改正后可登录', async ({ page }) => {
  await page.goto('/m/login');
  await loginMobile(page, 'analyst', 'wrong-password');
  await expect(page.getByRole('alert')).toContainText(/用户名或密码错误，再失败\d次账号将被锁定\d+分钟/);
  await shot(page, 'mobile-login-error');

  // Logging in correctly resets the failure count, so later specs find the account unlocked.
  await loginMobile(page, 'analyst');
  await expect(page.getByText('实验室分析人员')).toBeVisible();
});
