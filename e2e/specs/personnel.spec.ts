import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addStaff, idNumber, loginWeb, type Staff, shot } from './support.ts';

const staff: Staff[] = [
  {
    name: '测试员张伟',
    gender: '男',
    id: idNumber('19910203', '510104'),
    mobile: '13990001001',
    title: '工程师',
    post: '采样人员',
  },
  {
    name: '测试员刘芳',
    gender: '女',
    id: idNumber('19930507', '510104'),
    mobile: '13990001002',
    title: '助理工程师',
    post: '送样人员',
  },
  {
    name: '测试员周杰',
    gender: '男',
    id: idNumber('19850911', '510104'),
    mobile: '13990001003',
    title: '高级工程师',
    post: '实验室分析人员',
  },
];

test('agency_admin adds, queries, exports, views and deletes 监测人员', async ({ page }) => {
  test.setTimeout(120_000);
  await loginWeb(page, 'agency_admin');
  await page.getByRole('menuitem', { name: '监测人员' }).click();
  await expect(page.getByRole('cell', { name: '李晓梅' })).toBeVisible();

  // A required field left empty is named on the form.
  await page.getByRole('button', { name: /添\s*加/ }).click();
  const empty = page.getByRole('dialog', { name: '添加人员信息' });
  await empty.getByRole('button', { name: /保\s*存/ }).click();
  await expect(empty.getByText('请输入姓名')).toBeVisible();
  await expect(empty.getByText('请输入身份证号')).toBeVisible();
  await shot(page, 'web-personnel-required');
  await empty.getByRole('button', { name: /取\s*消/ }).click();

  await addStaff(page, staff[0] as Staff, 'web-personnel-add');
  await addStaff(page, staff[1] as Staff);
  await addStaff(page, staff[2] as Staff);

  // 查询 by a fragment of the name.
  await page.getByRole('textbox', { name: '姓名' }).fill('测试员');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('共 3 人')).toBeVisible();
  const table = page.locator('.ant-table-tbody');
  for (const s of staff) await expect(table.getByRole('cell', { name: s.name })).toBeVisible();
  await expect(table.getByRole('cell', { name: '李晓梅' })).toBeHidden();
  await expect(table.getByText(staff[0]?.id ?? 'x')).toBeHidden();
  await expect(table.getByRole('cell', { name: '139****1001' })).toBeVisible();
  await shot(page, 'web-personnel-list');

  // 导出 the current query, and read the workbook back.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: /导\s*出/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('监测人员.xlsx');
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
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
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(staff.map((s) => s.name).sort());
  const zhou = rows.find((r) => r[0] === '测试员周杰');
  expect(zhou).toEqual([
    '测试员周杰',
    '男',
    `5***************${staff[2]?.id.slice(-2)}`,
    '139****1003',
    '高级工程师',
    '实验室分析人员',
    '本科',
    '待审核',
    '无',
  ]);

  // 查看: every field, read-only.
  await table
    .getByRole('row', { name: /测试员刘芳/ })
    .getByRole('button', { name: '查看' })
    .click();
  const view = page.getByRole('dialog', { name: '人员信息详情' });
  await expect(view.getByText('助理工程师')).toBeVisible();
  await expect(view.getByText('送样人员')).toBeVisible();
  await expect(view.getByText('139****1002')).toBeVisible();
  await expect(view.getByText('提交审核')).toBeVisible();
  await expect(view.getByRole('button', { name: '点击选择文件' })).toHaveCount(0);
  await page.waitForTimeout(300);
  await shot(page, 'web-personnel-view');
  await view.locator('.ant-modal-close').click();
  await expect(view).toBeHidden();

  // 删除 with 确定.
  await table
    .getByRole('row', { name: /测试员周杰/ })
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已删除「测试员周杰」')).toBeVisible();
  await expect(page.getByText('共 2 人')).toBeVisible();
  await expect(table.getByRole('cell', { name: '测试员周杰' })).toBeHidden();
  await shot(page, 'web-personnel-deleted');
});

test('regulator sees the new staff in 人员审核', async ({ page }) => {
  await loginWeb(page, 'regulator');
  await page.getByRole('menuitem', { name: '人员审核' }).click();
  await expect(page.getByRole('cell', { name: '测试员张伟' })).toBeVisible();
  await shot(page, 'web-personnel-review');
  await page
    .getByRole('row', { name: /测试员刘芳/ })
    .getByRole('button', { name: '退回' })
    .click();
  const dialog = page.getByRole('dialog', { name: '退回「测试员刘芳」' });
  await dialog.getByLabel('退回原因').fill('请上传上岗证');
  await dialog.getByRole('button', { name: /退\s*回/ }).click();
  await expect(page.getByText('已退回「测试员刘芳」')).toBeVisible();
  await page
    .getByRole('row', { name: /测试员张伟/ })
    .getByRole('button', { name: '审核通过' })
    .click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('「测试员张伟」审核通过')).toBeVisible();
  await expect(page.getByRole('cell', { name: '测试员张伟' })).toBeHidden();
});
