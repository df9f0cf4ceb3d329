import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { computeCreditCodeCheckChar } from '@eco/contracts';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseMultiOption, fillDate, loginWeb, minimalPdf, shot } from './support.ts';

const tag = String(randomInt(1000, 9999));
const projectName = `蓉欣化工${tag}废催化剂危险废物鉴别项目`;
const fuzzyPart = `欣化工${tag}废催`;
const planNo = `HW-FA-${tag}-01`;
const reportNo = `HW-BG-${tag}-01`;
const reportNo2 = `HW-BG-${tag}-02`;

function clientCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91510104';
  while (body.length < 17) body += alphabet.charAt(randomInt(alphabet.length));
  return body + computeCreditCodeCheckChar(body);
}

/** Opens an antd Select by its label and picks the option with this text. */
async function selectByLabel(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Uploads one 附件资料 file of a type through the 点击选择文件 dialog. */
async function uploadAttachment(page: Page, category: string, fileName: string) {
  await page.getByRole('button', { name: '点击选择文件' }).click();
  const dialog = page.getByRole('dialog', { name: '上传附件资料' });
  const chosen = dialog.locator('.ant-form-item').filter({ hasText: '附件类型' });
  // The dialog remembers the last type; retry until this one shows (a click during the dropdown's
  // animation can be lost on a busy machine).
  await expect(async () => {
    await dialog.getByRole('combobox').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: category })
      .first()
      .click({ timeout: 3000 });
    await expect(chosen).toContainText(category, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialog.getByText(/单个文件不超过\d+MB/)).toBeVisible();
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: minimalPdf() });
  await dialog.getByRole('button', { name: /上\s*传/ }).click();
  await expect(dialog.getByText('已上传到')).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: /完\s*成/ }).click();
  await expect(dialog).toBeHidden();
}

/** Uploads a report PDF for one slot of the 监测报告 tab. */
async function uploadReport(page: Page, label: string, number: string) {
  const row = page.getByRole('row', { name: new RegExp(label) });
  await row.getByRole('button', { name: /上\s*传/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '报告编号' });
  await dialog.getByLabel('报告编号').fill(number);
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf() });
  await dialog
    .getByRole('button', { name: /上\s*传|确\s*定/ })
    .last()
    .click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(
    page.getByRole('row', { name: new RegExp(label) }).getByRole('cell', { name: number, exact: true }),
  ).toBeVisible();
}

async function openProjectFromList(page: Page) {
  await page.getByRole('menuitem', { name: '查询统计' }).click();
  await page.getByRole('textbox', { name: /项目名称/ }).fill(fuzzyPart);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row', { name: new RegExp(projectName) });
  await expect(row).toBeVisible();
  return row;
}

test('项目登记 → 查询统计 → 导出 → 监测报告 → 提交 → 退回 → 再提交 → 审核通过', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const agency = await (
    await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  ).newPage();
  await loginWeb(agency, 'registrar');

  // 项目登记: every section filled, with a subcontractor.
  await agency.getByRole('menuitem', { name: '项目登记' }).click();
  await expect(agency.getByRole('button', { name: '点击添加监测信息' })).toBeVisible();
  await agency.getByRole('button', { name: /保\s*存/ }).click();
  await expect(agency.getByText('请输入项目名称').first()).toBeVisible();
  await shot(agency, 'project-01-required');

  await agency.getByLabel('项目名称').fill(projectName);
  await selectByLabel(agency, '监测类型', '危险废物鉴别');
  await expect(agency.locator('.ant-form-item').filter({ hasText: '项目监测性质' })).toContainText(
    '危险废物鉴别',
  );
  await agency.getByLabel('项目区域').click();
  await agency.locator('.ant-cascader-menu-item').filter({ hasText: '成都市' }).first().click();
  await agency.locator('.ant-cascader-menu-item').filter({ hasText: '锦江区' }).first().click();
  await agency.getByLabel('项目地址').fill('成都市锦江区三色路88号');
  await agency.getByLabel('经度').fill('104.0832');
  await agency.getByLabel('纬度').fill('30.6315');
  await fillDate(agency, '计划开始日期', '2026-12-01');
  await fillDate(agency, '计划结束日期', '2026-12-31');
  await agency.getByLabel('项目描述').fill('对废催化剂开展危险废物属性鉴别');

  await agency.getByRole('button', { name: '点击添加监测信息' }).click();
  const item = agency.getByRole('dialog', { name: '添加监测信息' });
  await item.getByLabel('点位/样品名称').fill('1#废催化剂暂存库');
  await item.getByLabel('监测介质').fill('固体废物');
  await item.getByLabel('监测项目（因子）').fill('腐蚀性、浸出毒性（铅、镉、镍）');
  await item.getByLabel('监测频次').fill('1次');
  await item.getByLabel('样品数量').fill('8');
  for (const [post, person] of [
    ['采样人员', '王强'],
    ['送样人员', '赵磊'],
    ['实验室分析人员', '陈静'],
  ] as const) {
    const field = item.locator('.ant-form-item').filter({ hasText: post });
    await chooseMultiOption(agency, field, field.getByRole('combobox'), person);
    await item.getByText('添加监测信息', { exact: true }).click();
  }
  await shot(agency, 'project-02-monitoring-item');
  await item.getByRole('button', { name: /确\s*定/ }).click();
  await expect(item).toBeHidden();

  await selectByLabel(agency, '委托类别', '企业委托');
  await agency.getByLabel('委托企业名称').fill(`成都蓉欣化工${tag}有限公司`);
  await agency.getByLabel('统一社会信用代码').fill(clientCreditCode());
  await agency.getByLabel('联系人').fill('刘经理');
  await agency.getByLabel('联系电话').fill('028-8765432');
  await agency.getByLabel('电子邮箱').fill('wrong-mail');
  await agency.getByLabel('企业地址').fill('成都市锦江区三色路88号');
  await agency.getByRole('radio', { name: '是' }).check();
  await agency.getByLabel('分包单位名称').fill('四川省某检测分包实验室有限公司');
  await agency.getByLabel('合同编号').fill(`HT-${tag}`);
  await agency.getByLabel('合同金额（元）').fill('68000');
  await fillDate(agency, '合同签订日期', '2026-11-20');
  await fillDate(agency, '培训日期', '2026-11-25');
  await agency.getByLabel('培训人员').fill('王强、赵磊、陈静');
  await agency.getByLabel('培训内容').fill('危险废物鉴别采样与样品保存规范');

  // A bad e-mail is named at its field and nothing is saved.
  await agency.getByRole('button', { name: /保\s*存/ }).click();
  await expect(agency.getByText('电子邮箱格式不正确').first()).toBeVisible();
  await agency.getByLabel('电子邮箱').fill('liu@rongxin.example.com');

  await uploadAttachment(agency, '委托合同', '委托合同.pdf');
  await uploadAttachment(agency, '分包单位资质', '分包单位资质.pdf');
  await shot(agency, 'project-03-form-filled');
  await agency.getByRole('button', { name: /保\s*存/ }).click();
  await expect(agency).toHaveURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(agency.getByText('未完成').first()).toBeVisible();
  await shot(agency, 'project-04-saved');

  // 查询统计: fuzzy name search, then 导出 of everything the query matches.
  const row = await openProjectFromList(agency);
  await expect(row.getByText('未完成')).toBeVisible();
  await expect(
    row.getByRole('button', { name: '办理' }).or(row.getByRole('link', { name: '办理' })),
  ).toBeVisible();
  await shot(agency, 'project-05-search');
  const downloading = agency.waitForEvent('download');
  await agency.getByRole('button', { name: /导\s*出/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^项目查询统计-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const values = sheet?.getSheetValues().flat().map(String) ?? [];
  expect(values).toContain('项目编号');
  expect(values).toContain(projectName);
  expect(sheet?.rowCount).toBe(2);

  // 办理: both reports, 提交.
  await row.getByText('办理').click();
  await agency.getByRole('tab', { name: '监测报告' }).click();
  await agency.getByRole('button', { name: /^(loading )?提\s*交$/ }).click();
  await agency
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(agency.getByText(/危废鉴别方案/).last()).toBeVisible();
  await uploadReport(agency, '危废鉴别方案', planNo);
  await uploadReport(agency, '危废鉴别报告', reportNo);
  await shot(agency, 'project-06-reports');
  await agency.getByRole('button', { name: /^(loading )?提\s*交$/ }).click();
  await agency
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(agency.getByText('已完成').first()).toBeVisible();
  await expect(agency.getByRole('button', { name: /删\s*除/ })).toHaveCount(0);
  await shot(agency, 'project-07-submitted');

  // The regulator of 成都 returns it with a reason.
  const regulator = await (
    await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  ).newPage();
  await loginWeb(regulator, 'regulator_cd');
  await regulator.getByRole('menuitem', { name: '项目审核' }).click();
  const queued = regulator.getByRole('row', { name: new RegExp(projectName) });
  await expect(queued).toBeVisible();
  await shot(regulator, 'project-08-review-queue');
  await queued.getByText(projectName).click();
  await regulator.getByRole('button', { name: /退\s*回/ }).click();
  const reason = '危废鉴别报告缺少浸出毒性检测的原始记录，请补充后重新上传';
  await regulator.getByRole('dialog', { name: '退回项目' }).getByLabel('退回原因').fill(reason);
  await shot(regulator, 'project-09-return');
  await regulator
    .getByRole('dialog', { name: '退回项目' })
    .getByRole('button', { name: /确\s*定|退\s*回/ })
    .last()
    .click();
  await expect(regulator.getByText('退回').first()).toBeVisible();

  // The agency sees 退回 and the reason, replaces the report and 再提交.
  const returned = await openProjectFromList(agency);
  await expect(returned.getByText('退回', { exact: true })).toBeVisible();
  await returned.getByText('办理').click();
  await expect(agency.getByText(reason)).toBeVisible();
  await shot(agency, 'project-10-returned');
  await agency.getByRole('tab', { name: '监测报告' }).click();
  const reportRow = agency.getByRole('row', { name: /危废鉴别报告/ });
  await reportRow.getByRole('button', { name: /删\s*除/ }).click();
  await agency
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(reportRow.getByRole('cell', { name: reportNo, exact: true })).toHaveCount(0);
  await uploadReport(agency, '危废鉴别报告', reportNo2);
  await agency.getByRole('button', { name: /再提交/ }).click();
  await agency
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(agency.getByText('已完成').first()).toBeVisible();
  await shot(agency, 'project-11-resubmitted');

  // The regulator approves; the agency then sees 审核通过 and can only 查看.
  await regulator.getByRole('menuitem', { name: '项目审核' }).click();
  await regulator
    .getByRole('row', { name: new RegExp(projectName) })
    .getByText(projectName)
    .click();
  await regulator.getByRole('button', { name: '审核通过' }).click();
  await regulator
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(regulator.getByText('审核通过').first()).toBeVisible();
  await regulator.getByRole('tab', { name: '审核记录' }).click();
  await expect(regulator.getByText(reason)).toBeVisible();
  await shot(regulator, 'project-12-approved');

  const approved = await openProjectFromList(agency);
  await expect(approved.getByText('审核通过')).toBeVisible();
  await expect(approved.getByText('查看')).toBeVisible();
  await expect(approved.getByText('删除')).toHaveCount(0);
  await shot(agency, 'project-13-list-approved');
});
