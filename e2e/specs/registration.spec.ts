import { computeCreditCodeCheckChar } from '@eco/contracts';
import { expect, test } from '@playwright/test';
import { shot } from './support.ts';

function uniqueCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91510107';
  while (body.length < 17) body += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return body + computeCreditCodeCheckChar(body);
}

test('法人注册: a new agency registers with an SMS code and lands in 机构信息, logged in', async ({
  page,
  context,
}) => {
  const suffix = Date.now().toString(36);
  const mobile = `138${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const agencyName = `成都清源环境检测有限公司${suffix}`;

  await page.goto('/login');
  await page.getByRole('link', { name: '法人注册' }).click();
  await expect(page.getByRole('heading', { name: '法人注册' })).toBeVisible();

  await page.getByLabel('机构名称').fill(agencyName);
  await page.getByLabel('统一社会信用代码').fill(uniqueCreditCode());
  await page.getByLabel('所在区县').click();
  await page.getByRole('menuitemcheckbox', { name: '四川省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '成都市' }).click();
  await page.getByRole('menuitemcheckbox', { name: '武侯区' }).click();
  await page.getByLabel('法定代表人').fill('赵立新');
  await page.getByLabel('联系人').fill('钱晓红');
  await page.getByLabel('手机号').fill(mobile);
  await page.getByTestId('sms-send').click();
  await expect(page.getByTestId('sms-send')).toContainText('秒后重新获取');

  // Read the code the way a demo user would: the 演示短信 page.
  const devPage = await context.newPage();
  await devPage.goto('/dev/sms');
  await devPage.getByTestId('dev-sms-mobile').locator('input').fill(mobile);
  await devPage.getByRole('button', { name: '查看' }).click();
  const body = devPage.getByTestId('dev-sms-body').first();
  await expect(body).toContainText('法人注册验证码');
  const code = (await body.textContent())?.match(/验证码为(\d{6})/)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await shot(devPage, 'registration-dev-sms');
  await devPage.close();

  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('用户名').fill(`qy${suffix}`);
  await page.getByLabel('密码', { exact: true }).fill('Qingyuan#2026');
  await page.getByLabel('确认密码').fill('Qingyuan#2026');
  await shot(page, 'registration-agency-form');
  await page.getByRole('button', { name: '注册并登录' }).click();

  await expect(page).toHaveURL(/\/agency$/);
  await expect(page.getByText('退出登录')).toBeVisible();
  await expect(page.getByText(agencyName).first()).toBeVisible();
  await expect(page.getByText('机构法人').first()).toBeVisible();
  await shot(page, 'registration-agency-landed');
});

test('个人注册 without a 登记人员 record shows the notice instead of an empty app', async ({
  page,
  request,
}) => {
  const suffix = Date.now().toString(36);
  const mobile = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  await page.goto('/register/person');
  await page.getByLabel('姓名').fill('孙丽娟');
  await page.getByLabel('身份证号').fill('11010519491231002X');
  await page.getByLabel('手机号').fill(mobile);
  await page.getByTestId('sms-send').click();
  await expect(page.getByTestId('sms-send')).toContainText('秒后重新获取');
  const outbox = await (await request.get(`/api/v1/dev/sms-outbox?mobile=${mobile}`)).json();
  const code = (outbox.items[0].body as string).match(/验证码为(\d{6})/)?.[1] ?? '';
  await page.getByLabel('短信验证码').fill(code);
  await page.getByLabel('用户名').fill(`sun${suffix}`);
  await page.getByLabel('密码', { exact: true }).fill('Sunlijuan#2026');
  await page.getByLabel('确认密码').fill('Sunlijuan#2026');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page.getByTestId('person-notice')).toContainText('未找到与您身份证号一致的监测人员记录');
  await shot(page, 'registration-person-notice');
});
