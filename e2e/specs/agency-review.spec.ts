import { expect, type Page, test } from '@playwright/test';
import { confirmPopconfirm, loginWeb, minimalPdf, shot } from './support.ts';

const agencyName = '四川蜀环检测技术有限公司';
const required = [
  'qualification',
  'business_license',
  'signatory_authorization',
  'national_platform_screenshot',
];

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** Uploads one file per required 附件类型 through the API, as the logged-in agency_admin. */
async function uploadRequired(page: Page, agencyId: string): Promise<string[]> {
  const token = await csrf(page);
  const ids: string[] = [];
  for (const category of required) {
    const res = await page.request.post(
      `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}&category=${category}`,
      {
        headers: { 'X-CSRF-Token': token },
        multipart: { file: { name: `${category}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf() } },
      },
    );
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

async function switchUser(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await loginWeb(page, username);
}

async function openProfile(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page.getByText('机构信息（现行）')).toBeVisible();
}

async function openReview(page: Page) {
  await page.getByRole('menuitem', { name: '机构审核' }).click();
  const row = page.getByRole('row', { name: new RegExp(agencyName) });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('button', { name: '审核通过' })).toBeVisible();
}

async function editOfficeAddress(page: Page, value: string): Promise<void> {
  await page.getByTestId('edit-profile').click();
  const field = page.getByLabel('办公地址');
  await field.fill(value);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存；修改后的信息需提交监管部门审核')).toBeVisible();
}

test('an approved agency edits 办公地址; the regulator returns, then approves the fix', async ({ page }) => {
  // Four logins and two review rounds: longer than one page's journey.
  test.setTimeout(150_000);
  const firstTry = '四川省成都市锦江区东大街紫东楼段35号';
  const fixed = '四川省成都市锦江区东大街紫东楼段35号8楼';

  await loginWeb(page, 'agency_admin');
  await openProfile(page);
  await expect(page.getByTestId('missing-attachments')).toContainText('资质证明');
  const agency = (await (await page.request.get('/api/v1/agencies/current')).json()) as { id: string };
  const uploaded = await uploadRequired(page, agency.id);
  await page.reload();
  await expect(page.getByTestId('missing-attachments')).toHaveCount(0);

  // 修改 → 保存: the version in force stays; the change waits for 提交审核.
  await editOfficeAddress(page, firstTry);
  await expect(page.getByTestId('change-officeAddress')).toHaveText(firstTry);
  await expect(page.getByText('四川省成都市锦江区三色路38号博瑞创意成都B座12楼').first()).toBeVisible();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText(/机构信息已提交，等待监管部门审核/)).toBeVisible();
  await expect(page.getByTestId('edit-profile')).toHaveCount(0);
  await shot(page, 'agency-review-submitted');

  // The 成都市 regulator finds it in the queue, sees the diff, returns it with a reason.
  await switchUser(page, 'regulator_cd');
  await openReview(page);
  await expect(page.getByTestId('change-officeAddress')).toHaveText(firstTry);
  await expect(page.getByText('信息变更')).toBeVisible();
  await shot(page, 'agency-review-detail');
  await page.getByRole('button', { name: '退回' }).click();
  const dialog = page.getByRole('dialog', { name: '退回机构信息' });
  await expect(dialog.getByLabel('退回原因')).toBeVisible();
  // The modal animates in; retry the click until the empty reason is refused.
  await expect(async () => {
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await expect(dialog.getByText('请输入退回原因')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel('退回原因').fill('办公地址缺少楼层，请补充完整');
  await page.waitForTimeout(300);
  await shot(page, 'agency-review-return-dialog');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('已退回')).toBeVisible();
  await expect(page.getByText('退回原因：办公地址缺少楼层，请补充完整').first()).toBeVisible();

  // The agency sees the reason, fixes the address and submits again.
  await switchUser(page, 'agency_admin');
  await openProfile(page);
  await expect(page.getByTestId('return-reason')).toHaveText('退回原因：办公地址缺少楼层，请补充完整');
  await expect(page.getByTestId('review-record').first()).toContainText('退回');
  await shot(page, 'agency-review-returned');
  await editOfficeAddress(page, fixed);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText(/机构信息已提交，等待监管部门审核/)).toBeVisible();

  // The regulator approves; the new address is in force.
  await switchUser(page, 'regulator_cd');
  await openReview(page);
  await expect(page.getByTestId('change-officeAddress')).toHaveText(fixed);
  await page.getByRole('button', { name: '审核通过' }).click();
  await confirmPopconfirm(page, page.getByText('已审核通过'));
  await expect(page.getByText('已审核通过')).toBeVisible();
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  await expect(page.getByTestId('review-record')).toHaveCount(4);
  await shot(page, 'agency-review-approved');

  await switchUser(page, 'agency_admin');
  await openProfile(page);
  await expect(page.getByText(fixed)).toBeVisible();
  await expect(page.getByTestId('pending-changes')).toHaveCount(0);
  await shot(page, 'agency-review-in-force');

  // Leave the demo agency's 资质证明 as the other specs expect them: none uploaded.
  const token = await csrf(page);
  for (const id of uploaded) {
    expect(
      (
        await page.request.delete(`/api/v1/attachments/${id}`, { headers: { 'X-CSRF-Token': token } })
      ).status(),
    ).toBe(204);
  }
});
