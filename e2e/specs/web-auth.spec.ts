import { expect, type Page, test } from '@playwright/test';
import { loginWeb, shot } from './support.ts';

type Account = {
  username: string;
  displayName: string;
  roleLabel: string;
  /** Agency name for agency staff, region name for regulators. */
  affiliation: string | null;
  menu: string[];
};

const accounts: Account[] = [
  {
    username: 'agency_admin',
    displayName: '张建国',
    roleLabel: '机构法人',
    affiliation: '四川蜀环检测技术有限公司',
    menu: ['首页', '机构信息', '监测人员', '项目登记', '查询统计', '办事指南', '违规待整改', '历史整改记录'],
  },
  {
    username: 'registrar',
    displayName: '李晓梅',
    roleLabel: '登记人员',
    affiliation: '四川蜀环检测技术有限公司',
    menu: ['首页', '机构信息', '项目登记', '查询统计', '办事指南', '违规待整改', '历史整改记录'],
  },
  {
    username: 'regulator',
    displayName: '省厅监管员',
    roleLabel: '监管部门',
    affiliation: '四川省',
    menu: [
      '首页',
      '查询统计',
      '办事指南',
      '监测机构',
      '审核中心',
      '机构审核',
      '人员审核',
      '项目审核',
      '现场核查',
      '违规管理',
      '审计日志',
    ],
  },
  {
    username: 'regulator_cd',
    displayName: '成都市局监管员',
    roleLabel: '监管部门',
    affiliation: '成都市',
    menu: [
      '首页',
      '查询统计',
      '办事指南',
      '监测机构',
      '审核中心',
      '机构审核',
      '人员审核',
      '项目审核',
      '现场核查',
      '违规管理',
      '审计日志',
    ],
  },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    roleLabel: '系统管理员',
    affiliation: null,
    menu: ['首页', '办事指南', '数据字典', '监测机构', '审计日志'],
  },
];

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByPlaceholder('用户名')).toBeVisible();
}

test('the login page is in Chinese and lists no passwords', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page).toHaveTitle('生态环境监测业务管理平台');
  await expect(page.getByRole('heading', { name: '生态环境监测业务管理平台' })).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByText('Demo#2026')).toHaveCount(0);
  await shot(page, 'web-login');
});

for (const account of accounts) {
  test(`${account.username} sees the pages of the role and can log out`, async ({ page }) => {
    await loginWeb(page, account.username);
    await expect(page.getByRole('menuitem')).toHaveText(account.menu);

    const header = page.getByRole('banner');
    await expect(header.getByText(account.displayName, { exact: true }).first()).toBeVisible();
    await expect(header.getByText(account.roleLabel, { exact: true }).last()).toBeVisible();
    if (account.affiliation)
      await expect(header.getByText(account.affiliation, { exact: true })).toBeVisible();
    await expect(header.getByRole('button', { name: '退出登录' })).toBeVisible();
    await expect(header.getByRole('button', { name: '修改密码' })).toBeVisible();

    // The workbench greets the user and offers every page of the menu.
    await expect(page.getByRole('heading', { name: new RegExp(account.displayName) })).toBeVisible();
    for (const item of account.menu.slice(1)) {
      await expect(page.getByRole('main').getByText(item, { exact: true }).first()).toBeVisible();
    }
    await shot(page, `web-home-${account.username}`);

    await logout(page);
    // The session is really gone: the app sends a fresh visit back to the login page.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
}

test('a wrong password shows the Chinese error and how many tries remain', async ({ page }) => {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill('registrar');
  await page.getByPlaceholder('密码').fill('Wrong#Pass2026');
  await page.getByRole('button', { name: '登录' }).click();
  const alert = page.getByTestId('login-error');
  await expect(alert).toContainText('用户名或密码错误');
  await expect(alert).toContainText('再失败4次');
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, 'web-login-wrong-password');
});

test('field staff on the web are sent to the mobile app at /m', async ({ page }) => {
  await loginWeb(page, 'sampler');
  await expect(page.getByText('请使用移动端')).toBeVisible();
  await expect(page.getByText(/监测人员（采样、送样、实验室分析）在手机上使用移动端/)).toBeVisible();
  await expect(page.getByRole('link', { name: /打开移动端/ })).toHaveAttribute('href', '/m');
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await shot(page, 'web-field-staff');
  await logout(page);
});
