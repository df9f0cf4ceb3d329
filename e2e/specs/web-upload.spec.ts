import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { confirmPopconfirm, loginWeb, minimalPdf, shot } from './support.ts';

/** Lets a dialog's opening animation finish, so the screenshot shows it as a person sees it. */
async function shotSettled(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await shot(page, name);
}

/** A Windows executable's first bytes: what a renamed .exe really is. */
function fakeExe(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return bytes;
}

async function openUploadDialog(page: Page, category: string) {
  await page.getByRole('button', { name: '点击选择文件' }).click();
  const dialog = page.getByRole('dialog', { name: '上传资质证明' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').click();
  await page.locator('.ant-select-item-option').filter({ hasText: category }).first().click();
  await expect(dialog.getByText(/单个文件不超过\d+MB/)).toBeVisible();
  return dialog;
}

test('agency_admin uploads, renames, downloads and deletes 资质证明 files', async ({ page }) => {
  await loginWeb(page, 'agency_admin');
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page.getByText('91510104MA6C8K2D3Q')).toBeVisible();
  const qualification = page.getByTestId('attachment-group-qualification');
  await expect(qualification.getByText('尚未上传（必传材料）')).toBeVisible();
  await shot(page, 'web-agency-profile');

  // A real PDF: the progress bar shows, then the file is listed under its category.
  const dialog = await openUploadDialog(page, '资质证明');
  await dialog.locator('input[type=file]').setInputFiles({
    name: '资质证书扫描件.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  });
  await expect(dialog.getByText('资质证书扫描件.pdf')).toBeVisible();
  await dialog.getByRole('button', { name: '上传', exact: true }).click();
  await expect(dialog.getByTestId('upload-progress')).toBeVisible();
  await expect(dialog.getByText('已上传到「资质证明」：资质证书扫描件.pdf')).toBeVisible();
  await expect(dialog.getByTestId('upload-progress').locator('.ant-progress-status-success')).toBeVisible();
  await shotSettled(page, 'web-upload-done');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(qualification.getByRole('cell', { name: '资质证书扫描件.pdf' })).toBeVisible();

  // 改名
  const row = qualification.getByRole('row', { name: /资质证书扫描件\.pdf/ });
  await row.getByRole('button', { name: '改名' }).click();
  const rename = page.getByRole('dialog', { name: '文件改名' });
  await rename.getByLabel('文件名').fill('资质证书（2026年）.pdf');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rename).toBeHidden();
  const renamedRow = qualification.getByRole('row', { name: /资质证书（2026年）\.pdf/ });
  await expect(renamedRow).toBeVisible();

  // 下载: the browser is offered the Chinese name, and the bytes are the PDF uploaded.
  const downloading = page.waitForEvent('download');
  await renamedRow.getByRole('link', { name: '下载' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('资质证书（2026年）.pdf');
  const saved = await download.path();
  expect(readFileSync(saved).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  await shot(page, 'web-upload-listed');

  // An .exe renamed to .pdf is refused by its content, with the server's reason.
  const refusal = await openUploadDialog(page, '营业执照');
  await refusal.locator('input[type=file]').setInputFiles({
    name: '营业执照.pdf',
    mimeType: 'application/pdf',
    buffer: fakeExe(),
  });
  await refusal.getByRole('button', { name: '上传', exact: true }).click();
  await expect(refusal.getByText(/「营业执照」只支持 PDF、JPG、PNG 文件/)).toBeVisible();
  await shotSettled(page, 'web-upload-refused');
  await refusal.getByRole('button', { name: '取消' }).click();
  await expect(
    page.getByTestId('attachment-group-business_license').getByText('尚未上传（必传材料）'),
  ).toBeVisible();

  // 删除, after confirming.
  await renamedRow.getByRole('button', { name: '删除' }).click();
  await confirmPopconfirm(page, page.getByText('已删除「资质证书（2026年）.pdf」'));
  await expect(page.getByText('已删除「资质证书（2026年）.pdf」')).toBeVisible();
  await expect(renamedRow).toHaveCount(0);
  await expect(qualification.getByText('尚未上传（必传材料）')).toBeVisible();
  await shot(page, 'web-upload-deleted');
});

test('the registrar sees 资质证明 read-only', async ({ page }) => {
  await loginWeb(page, 'registrar');
  await page.getByRole('menuitem', { name: '机构信息' }).click();
  await expect(page.getByText('四川蜀环检测技术有限公司').first()).toBeVisible();
  await expect(page.getByText('资质证明').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '点击选择文件' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '改名' })).toHaveCount(0);
  await shot(page, 'web-agency-registrar');
});
