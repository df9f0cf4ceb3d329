import { expect, type Page, test } from '@playwright/test';
import { loginWeb, shot } from './support.ts';

/** Lets a dialog's opening animation finish, so the screenshot shows it as a person sees it. */
async function shotSettled(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await shot(page, name);
}

test('a provincial regulator finds agencies and reads the audit log', async ({ page }) => {
  await loginWeb(page, 'regulator');

  await page.getByRole('menuitem', { name: '监测机构' }).click();
  await expect(page.getByText('监测机构（监管区域：四川省）')).toBeVisible();
  const table = page.locator('.ant-table');
  await expect(table.getByRole('cell', { name: '四川蜀环检测技术有限公司' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '绵阳市科环环境检测有限公司' })).toBeVisible();
  // Other specs may have registered agencies of their own: at least the two demo agencies.
  await expect(page.getByText(/共 \d+ 家/)).toBeVisible();
  await shot(page, 'web-agencies');

  await page.getByPlaceholder('按机构名称搜索').fill('绵阳');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('共 1 家')).toBeVisible();
  await expect(table.getByRole('cell', { name: '四川蜀环检测技术有限公司' })).toHaveCount(0);

  await page.getByRole('button', { name: '重置' }).click();
  // Other specs may have registered agencies of their own: at least the two demo agencies.
  await expect(page.getByText(/共 \d+ 家/)).toBeVisible();
  await table.getByRole('cell', { name: '四川蜀环检测技术有限公司' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('91510104MA6C8K2D3Q')).toBeVisible();
  await expect(drawer.getByText('危险废物鉴别机构')).toBeVisible();
  await expect(drawer.getByText('资质证明').first()).toBeVisible();
  await expect(drawer.getByRole('button', { name: '点击选择文件' })).toHaveCount(0);
  await shot(page, 'web-agency-drawer');
  await page.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByText(/审计链校验通过（共 \d+ 条）/)).toBeVisible();
  // A regulator sees the records of the agencies in its region; which ones depends on what ran before.
  await expect(page.getByRole('columnheader', { name: '操作人' })).toBeVisible();
  await expect(page.locator('.ant-table-wrapper')).toBeVisible();
  await shot(page, 'web-audit-regulator');
});

test('the administrator keeps dictionaries with proper fields, and the audit log shows it', async ({
  page,
}) => {
  await loginWeb(page, 'sysadmin');
  await page.getByRole('menuitem', { name: '数据字典' }).click();
  await expect(page.getByRole('tab', { name: '监测类型' })).toBeVisible();

  // 新增 a 监测类型: the code rule from contracts is checked in the form.
  await page.getByRole('button', { name: '新增' }).click();
  const dialog = page.getByRole('dialog', { name: '新增监测类型' });
  await dialog.getByLabel('编码').fill('Bad Code');
  await dialog.getByLabel('名称').fill('电离辐射');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('编码只能包含小写字母、数字和下划线，最长40位')).toBeVisible();
  await dialog.getByLabel('编码').fill('ionizing_radiation');
  await dialog.getByLabel('排序').fill('200');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'ionizing_radiation' })).toBeVisible();

  // 照片类型 and 附件类型 carry their settings as form fields, not raw JSON.
  await page.getByRole('tab', { name: '照片类型' }).click();
  await expect(page.getByRole('columnheader', { name: '所属阶段' })).toBeVisible();
  await page.getByRole('tabpanel').getByRole('button', { name: '编辑' }).first().click();
  const photo = page.getByRole('dialog', { name: '编辑照片类型' });
  await expect(photo.getByLabel('所属阶段')).toBeVisible();
  await expect(photo.getByLabel('拍摄提示')).toBeVisible();
  await shotSettled(page, 'web-dict-photo-type');
  await photo.getByRole('button', { name: '取消' }).click();

  await page.getByRole('tab', { name: '附件类型' }).click();
  await page
    .getByRole('tabpanel')
    .getByRole('row', { name: /资质证明/ })
    .getByRole('button', { name: '编辑' })
    .click();
  const attachment = page.getByRole('dialog', { name: '编辑附件类型' });
  await expect(attachment.getByLabel('单个文件大小上限（MB）')).toHaveValue('10');
  await expect(attachment.getByRole('checkbox', { name: 'PDF' })).toBeChecked();
  await shotSettled(page, 'web-dict-attachment-type');
  await attachment.getByRole('button', { name: '取消' }).click();

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  // The action list is long (grouped, virtual): type to narrow it.
  await page.getByRole('combobox').first().click();
  await page.getByRole('combobox').first().fill('新增字典项');
  await page.locator('.ant-select-item-option').filter({ hasText: '新增字典项' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
  await expect(row).toContainText('新增字典项');
  await expect(row).toContainText('系统管理员');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByText('变更后')).toBeVisible();
  await expect(page.getByText(/电离辐射/)).toBeVisible();
  await shot(page, 'web-audit-dict');
});
