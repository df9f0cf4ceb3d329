import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  editOfficeAddress,
  newWebPage,
  openProfile,
  openReview,
  regulatorPassword,
  smsCode,
  uniqueCreditCode,
  uniqueMobile,
} from './journey.support.ts';
import {
  addStaff,
  confirmPopconfirm,
  fillDate,
  idNumber,
  loginWeb,
  minimalPdf,
  type Staff,
  shot,
} from './support.ts';

/**
 * One agency's whole first week: 法人注册 → 机构信息 and 资质证明 → 提交审核 → 退回 → 重新提交 →
 * 审核通过 → 监测人员 → 账号分配 → the 采样人员 logs in on the phone and changes the initial password.
 */
test('一家新机构：注册、完善信息、退回后重新提交、审核通过、登记人员、分配账号、移动端首次登录', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(360_000);
  const suffix = Date.now().toString(36);
  const agencyName = `成都锦程环境检测有限公司${suffix}`;
  const creditCode = uniqueCreditCode();
  const adminMobile = uniqueMobile('136');
  const adminUsername = `jc${suffix}`;
  const adminPassword = 'Jincheng#2026';
  const firstAddress = '四川省成都市武侯区天府大道北段1700号';
  const fixedAddress = '四川省成都市武侯区天府大道北段1700号环球中心E1区12楼';
  const returnReason = '办公地址缺少楼层和房号，请补充完整';

  // 1. 法人注册 through the UI, the code read from the demo outbox.
  await page.goto('/register/agency');
  await expect(page.getByRole('heading', { name: '法人注册' })).toBeVisible();
  await page.getByLabel('机构名称').fill(agencyName);
  await page.getByLabel('统一社会信用代码').fill(creditCode);
  await page.getByLabel('所在区县').click();
  await page.getByRole('menuitemcheckbox', { name: '四川省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '成都市' }).click();
  await page.getByRole('menuitemcheckbox', { name: '武侯区' }).click();
  await page.getByLabel('法定代表人').fill('孙建国');
  await page.getByLabel('联系人').fill('周晓岚');
  await page.getByLabel('手机号').fill(adminMobile);
  await page.getByTestId('sms-send').click();
  await expect(page.getByTestId('sms-send')).toContainText('秒后重新获取');
  await page.getByLabel('短信验证码').fill(await smsCode(request, adminMobile, /法人注册/));
  await page.getByLabel('用户名').fill(adminUsername);
  await page.getByLabel('密码', { exact: true }).fill(adminPassword);
  await page.getByLabel('确认密码').fill(adminPassword);
  await shot(page, 'journey-01-register-form');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page).toHaveURL(/\/agency$/);
  await expect(page.getByText('退出登录')).toBeVisible();
  await expect(page.getByText(agencyName).first()).toBeVisible();
  await expect(page.getByText('机构信息尚未通过监管部门审核').first()).toBeVisible();
  await expect(page.getByTestId('missing-attachments')).toContainText('资质证明');
  await shot(page, 'journey-01-registered');

  // 2. 修改: every required field, then 保存.
  await page.getByTestId('edit-profile').click();
  await expect(page.getByText('修改机构信息')).toBeVisible();
  await expect(page.getByLabel('机构名称')).toHaveValue(agencyName);
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(creditCode);
  await page.getByLabel('法定代表人').fill('孙建国');
  await page.getByLabel('注册地址').fill('四川省成都市武侯区人民南路四段27号');
  await page.getByLabel('办公地址').fill(firstAddress);
  await page.getByLabel('联系人').fill('周晓岚');
  await page.getByLabel('联系电话').fill('028-85551234');
  await page.getByLabel('电子邮箱').fill(`contact-${suffix}@jincheng-env.cn`);
  // Picked from the open list: typing 危险 into this search finds nothing (it filters by code).
  await page.getByLabel('行业类别').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^危险废物鉴别机构$/ })
    .click();
  await page.keyboard.press('Escape');
  await expect(
    page.locator('.ant-select-selection-item').filter({ hasText: '危险废物鉴别机构' }),
  ).toBeVisible();
  await page.getByLabel('CMA 证书编号').fill(`2321${String(randomInt(1e8)).padStart(8, '0')}`);
  await fillDate(page, 'CMA 有效期起', '2025-03-01');
  await fillDate(page, 'CMA 有效期至', '2031-02-28');
  await page.getByLabel('资质认定范围').fill('固体废物、危险废物的采样与浸出毒性、腐蚀性、反应性检测');
  await page.getByLabel('机构简介').fill('从事危险废物鉴别及环境监测的第三方检测机构。');
  await shot(page, 'journey-02-profile-form');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(page.getByText('有已保存但尚未提交审核的修改')).toBeVisible();

  // 资质证明: one small PDF per required category, through the upload dialog.
  const required = [
    '资质证明',
    '营业执照',
    '授权签字证明',
    '全国危险废物鉴别信息公开服务平台注册成功页面截图',
  ];
  for (const label of required) {
    await page.getByRole('button', { name: '点击选择文件' }).click();
    const dialog = page.getByRole('dialog', { name: '上传资质证明' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('combobox').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${label}（必传）`) })
      .first()
      .click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: `${label}.pdf`,
      mimeType: 'application/pdf',
      buffer: minimalPdf(),
    });
    await dialog.getByRole('button', { name: '上传', exact: true }).click();
    await expect(dialog.getByText(`已上传到「${label}」：${label}.pdf`)).toBeVisible();
    if (label === '资质证明') {
      await page.waitForTimeout(300);
      await shot(page, 'journey-02-upload-done');
    }
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('missing-attachments')).toHaveCount(0);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText(/机构信息已提交，等待监管部门审核/)).toBeVisible();
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expect(page.getByTestId('edit-profile')).toHaveCount(0);
  await shot(page, 'journey-02-submitted');

  // 3. The 成都市 regulator returns it with a reason.
  const regulator = await newWebPage(browser, baseURL);
  await loginWeb(regulator, 'regulator_cd', regulatorPassword);
  await openReview(regulator, agencyName);
  await expect(regulator.getByText('首次审核')).toBeVisible();
  await expect(regulator.getByText(firstAddress).first()).toBeVisible();
  await expect(regulator.getByRole('cell', { name: '营业执照.pdf' })).toBeVisible();
  await shot(regulator, 'journey-03-review-detail');
  await regulator.getByRole('button', { name: '退回' }).click();
  const returnDialog = regulator.getByRole('dialog', { name: '退回机构信息' });
  await expect(returnDialog.getByLabel('退回原因')).toBeVisible();
  await returnDialog.getByLabel('退回原因').fill(returnReason);
  await regulator.waitForTimeout(400);
  await shot(regulator, 'journey-03-return-dialog');
  await returnDialog.getByRole('button', { name: '确认退回' }).click();
  await expect(regulator.getByText('已退回')).toBeVisible();
  await expect(regulator.getByText(`退回原因：${returnReason}`).first()).toBeVisible();

  // 4. The agency logs in again with what it registered, sees the reason, fixes the address.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await loginWeb(page, adminUsername, adminPassword);
  await openProfile(page);
  await expect(page.getByTestId('return-reason')).toHaveText(`退回原因：${returnReason}`);
  await expect(page.getByTestId('review-record').first()).toContainText('退回');
  await expect(page.getByText('退回', { exact: true }).first()).toBeVisible();
  await shot(page, 'journey-04-returned');
  await editOfficeAddress(page, fixedAddress);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText(/机构信息已提交，等待监管部门审核/)).toBeVisible();
  await shot(page, 'journey-04-resubmitted');

  // 5. The regulator approves; the agency is 审核通过.
  await openReview(regulator, agencyName);
  await expect(regulator.getByText(fixedAddress).first()).toBeVisible();
  await regulator.getByRole('button', { name: '审核通过' }).click();
  await confirmPopconfirm(regulator, regulator.getByText('已审核通过'));
  await expect(regulator.getByText('已审核通过')).toBeVisible();
  await expect(regulator.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  await shot(regulator, 'journey-05-approved-regulator');

  await page.reload();
  await expect(page.getByText('机构信息（现行）')).toBeVisible();
  await expect(page.getByText('审核通过', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(fixedAddress)).toBeVisible();
  await expect(page.getByText(/机构信息已提交|尚未通过监管部门审核/)).toHaveCount(0);
  await expect(page.getByTestId('review-record')).toHaveCount(4);
  await shot(page, 'journey-05-approved-agency');

  // 6. 监测人员: three staff, one 采样人员.
  const tag = suffix.slice(-4);
  const staff: Staff[] = [
    {
      name: `锦程采样${tag}`,
      gender: '男',
      id: idNumber('19900412'),
      mobile: uniqueMobile('135'),
      title: '工程师',
      post: '采样人员',
    },
    {
      name: `锦程送样${tag}`,
      gender: '女',
      id: idNumber('19920815'),
      mobile: uniqueMobile('135'),
      title: '助理工程师',
      post: '送样人员',
    },
    {
      name: `锦程分析${tag}`,
      gender: '女',
      id: idNumber('19870126'),
      mobile: uniqueMobile('135'),
      title: '高级工程师',
      post: '实验室分析人员',
    },
  ];
  const sampler = staff[0] as Staff;
  await page.getByRole('menuitem', { name: '监测人员' }).click();
  await expect(page.locator('.ant-table-tbody .ant-empty')).toBeVisible();
  await addStaff(page, sampler, 'journey-06-add-staff');
  await addStaff(page, staff[1] as Staff);
  await addStaff(page, staff[2] as Staff);
  await expect(page.getByText('共 3 人')).toBeVisible();

  const table = page.locator('.ant-table-tbody');
  await page.getByRole('textbox', { name: '姓名' }).fill('锦程分析');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(table.getByRole('cell', { name: staff[2]?.name })).toBeVisible();
  await expect(table.getByRole('cell', { name: sampler.name })).toBeHidden();
  await page.getByRole('textbox', { name: '姓名' }).fill('锦程');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('共 3 人')).toBeVisible();
  for (const s of staff) await expect(table.getByRole('cell', { name: s.name })).toBeVisible();
  await shot(page, 'journey-06-staff-list');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /导\s*出/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('监测人员.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.getWorksheet('监测人员')?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map(String));
  });
  expect(rows[0]).toEqual([
    '姓名',
    '性别',
    '身份证号',
    '手机号',
    '职称',
    '岗位职能',
    '学历',
    '审核状态',
    '监测账号',
  ]);
  expect(rows).toHaveLength(4);
  for (const s of staff) {
    expect(rows.find((r) => r[0] === s.name)).toEqual([
      s.name,
      s.gender,
      `5***************${s.id.slice(-2)}`,
      `${s.mobile.slice(0, 3)}****${s.mobile.slice(-4)}`,
      s.title,
      s.post,
      '本科',
      '待审核',
      '无',
    ]);
  }

  // 账号分配 for the 采样人员, confirmed by the code sent to their mobile.
  await table
    .getByRole('row', { name: new RegExp(sampler.name) })
    .getByRole('button', { name: '账号分配' })
    .click();
  const allocate = page.getByRole('dialog', { name: '账号分配' });
  await expect(allocate).toBeVisible();
  await allocate.getByLabel('手机号').fill(sampler.mobile);
  await allocate.getByTestId('sms-send').click();
  await expect(allocate.getByTestId('sms-send')).toContainText('秒后重新获取');
  await allocate.getByLabel('短信验证码').fill(await smsCode(request, sampler.mobile, /./));
  await page.waitForTimeout(300);
  await shot(page, 'journey-06-allocate');
  await allocate.getByRole('button', { name: '分配账号' }).click();
  const allocated = page.getByRole('dialog', { name: '账号分配成功' });
  await expect(allocated.getByTestId('allocated-username')).toHaveText(sampler.mobile);
  const initialPassword = ((await allocated.getByTestId('allocated-password').textContent()) ?? '').trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(8);
  await page.waitForTimeout(300);
  await shot(page, 'journey-06-allocated');
  await allocated.getByRole('button', { name: '我已记下' }).click();
  await expect(allocated).toBeHidden();
  await expect(
    table.getByRole('row', { name: new RegExp(sampler.name) }).getByRole('button', { name: '账号分配' }),
  ).toBeDisabled();

  // 7. The staff are still 待审核: the field app is tried first without a regulator's approval.
  await expect(table.getByRole('row', { name: new RegExp(sampler.name) })).toContainText('待审核');

  // 8. The 采样人员 on a phone in 成都: forced to change the initial password, then 首页.
  const phoneContext = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation: { latitude: 30.657, longitude: 104.066, accuracy: 12 },
    permissions: ['geolocation'],
  });
  const phone = await phoneContext.newPage();
  await phone.goto('/m/login');
  await phone.getByPlaceholder('请输入用户名').fill(sampler.mobile);
  await phone.getByPlaceholder('请输入密码').fill(initialPassword);
  await phone.getByRole('button', { name: /登\s*录/ }).click();
  await expect(phone).toHaveURL(/\/m\/password$/);
  await expect(phone.getByText('修改密码').first()).toBeVisible();
  await expect(phone.getByText('首次登录请先修改初始密码，修改后即可使用。')).toBeVisible();
  // Nothing else is reachable until the password is changed.
  await phone.goto('/m/');
  await expect(phone).toHaveURL(/\/m\/password$/);
  await shot(phone, 'journey-08-mobile-forced-change');
  const newPassword = 'Caiyang#2026x';
  await phone.getByPlaceholder('请输入当前密码').fill(initialPassword);
  await phone.getByPlaceholder('至少8位，含大小写字母、数字、符号中的三类').fill(newPassword);
  await phone.getByPlaceholder('请再次输入新密码').fill(newPassword);
  await phone.getByRole('button', { name: '确认修改' }).click();
  await expect(phone).toHaveURL(/\/m\/?$/);
  await expect(phone.getByText('首页', { exact: true })).toBeVisible();
  await expect(phone.getByText(agencyName)).toBeVisible();
  await expect(phone.getByText(sampler.name)).toBeVisible();
  await expect(phone.getByText('采样人员')).toBeVisible();
  await expect(phone.getByTestId('latitude')).toHaveText('30.657000');
  await shot(phone, 'journey-08-mobile-home');

  // The server no longer asks for a password change.
  const me = (await (await phone.request.get('/api/v1/auth/me')).json()) as {
    user: { username: string; mustChangePassword: boolean };
  };
  expect(me.user).toMatchObject({ username: sampler.mobile, mustChangePassword: false });

  await phoneContext.close();
  await regulator.context().close();
});
