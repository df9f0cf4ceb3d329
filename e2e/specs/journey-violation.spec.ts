import { type Browser, expect, type Page, test } from '@playwright/test';
import { chooseOption, confirmPopconfirm, demoPassword, loginWeb, minimalPdf, shot } from './support.ts';

// The demo agency's project with 王强 (sampler) on its points: its violation reaches his phone too.
const projectName = '成都某汽车零部件有限公司电镀污泥危险废物鉴别项目';
const agencyName = '四川蜀环检测技术有限公司';
const problem = '电镀污泥采样未按方案布点，现场照片缺少采样点全景（端到端）';

test.describe.configure({ timeout: 420_000 });

async function openWeb(browser: Browser, baseURL: string | undefined, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await loginWeb(page, username);
  return page;
}

/** A date `days` from today in Beijing, YYYY-MM-DD. */
function beijingDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Uploads one PDF through the attachment dialog the button opens. */
async function uploadPdf(page: Page, button: string, fileName: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.locator('.ant-modal:visible').filter({ has: page.locator('input[type=file]') });
  await dialog.locator('input[type=file]').setInputFiles({
    name: fileName,
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  });
  await dialog.getByRole('button', { name: /^上\s*传$/ }).click();
  await expect(dialog.getByText('已上传到')).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: /完\s*成/ }).click();
  await expect(dialog).toBeHidden();
}

/** 违规待整改, freshly loaded (the regulator may have decided meanwhile). */
async function openRectifications(page: Page): Promise<void> {
  await page.goto('/rectifications');
  await expect(page.getByRole('menuitem', { name: '违规待整改' })).toBeVisible();
}

async function submitRound(page: Page, round: number, description: string, evidence: string): Promise<void> {
  await openRectifications(page);
  await page
    .getByRole('row', { name: new RegExp(problem.slice(0, 12)) })
    .getByRole('button', { name: '整改' })
    .click();
  await expect(page.getByText(`整改（第${round}轮）`)).toBeVisible();
  await page.getByLabel('整改情况说明').fill(description);
  await uploadPdf(page, '上传佐证材料', evidence);
  await expect(page.getByTestId('pending-evidence')).toContainText(evidence);
  await page.getByRole('button', { name: '提交整改' }).click();
  await confirmPopconfirm(page, page.getByText('整改已提交，等待监管部门审核'));
  await expect(page).toHaveURL(/\/rectifications$/);
}

async function openSubmitted(page: Page): Promise<void> {
  await page.goto('/violations?state=submitted');
  await page
    .getByRole('row', { name: new RegExp(problem.slice(0, 12)) })
    .getByRole('button', { name: '查看' })
    .click();
  await expect(page.getByTestId('violation-state').first()).toBeVisible();
}

test('监管部门开具违规 → 机构整改 → 驳回 → 再次整改 → 整改通过 → 历史整改记录两轮；消息通知到网页和手机', async ({
  browser,
  baseURL,
}) => {
  // The regulator's overview: real charts.
  const regulator = await openWeb(browser, baseURL, 'regulator');
  await expect(regulator.getByTestId('overview')).toBeVisible({ timeout: 20_000 });
  await expect(regulator.getByTestId('chart-project-status').locator('canvas')).toBeVisible();
  await expect(regulator.getByTestId('chart-project-region').locator('canvas')).toBeVisible();
  await shot(regulator, 'violation-00-overview');

  // 开具违规 with a 整改期限, against the agency and one of its projects.
  await regulator.getByRole('menuitem', { name: '违规管理' }).click();
  await regulator.getByRole('button', { name: '开具违规' }).click();
  const dialog = regulator.getByRole('dialog', { name: '开具违规' });
  await chooseOption(regulator, dialog.getByLabel('监测机构'), agencyName);
  await dialog.getByLabel('关联项目').click();
  await regulator
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: projectName })
    .click();
  await dialog.getByLabel('违规问题').fill(problem);
  await dialog.getByLabel('违反的规定').fill('《危险废物鉴别技术规范》（HJ 298-2019）第5条');
  await dialog.getByLabel('整改期限').fill(beijingDate(15));
  await dialog.getByLabel('整改期限').press('Enter');
  await shot(regulator, 'violation-01-issue');
  await dialog.getByRole('button', { name: /^开\s*具$/ }).click();
  await expect(regulator).toHaveURL(/\/violations\/[0-9a-f-]{36}$/);
  await uploadPdf(regulator, '点击选择文件', '违规证据-现场检查记录.pdf');

  // The agency is told (web bell) and finds it in 违规待整改.
  const agency = await openWeb(browser, baseURL, 'agency_admin');
  await agency.getByTestId('notification-bell').click();
  await expect(agency.locator('.ant-popover:visible').getByText('违规通知').first()).toBeVisible();
  await shot(agency, 'violation-02-agency-bell');
  await agency.keyboard.press('Escape');
  await submitRound(agency, 1, '已重新按方案布设采样点并补拍全景照片。', '整改佐证-第一轮.pdf');
  await expect(agency.getByRole('row', { name: new RegExp(problem.slice(0, 12)) })).toContainText('已提交');
  await shot(agency, 'violation-03-submitted');

  // The regulator rejects with a reason.
  const reason = '补拍照片未显示采样点编号，请补充带编号的全景照片';
  await openSubmitted(regulator);
  await regulator.getByRole('button', { name: '驳回整改' }).click();
  const reject = regulator.getByRole('dialog', { name: '驳回整改' });
  await reject.getByLabel('驳回原因').fill(reason);
  await reject.getByRole('button', { name: '确认驳回' }).click();
  await expect(regulator.getByTestId('rectification-round-1')).toContainText('已驳回');
  await expect(regulator.getByTestId('reject-reason')).toContainText(reason);

  // The agency reads the reason and resubmits; the regulator accepts.
  await openRectifications(agency);
  await agency
    .getByRole('row', { name: new RegExp(problem.slice(0, 12)) })
    .getByRole('button', { name: '整改' })
    .click();
  await expect(agency.getByTestId('last-reject-reason')).toContainText(reason);
  await submitRound(agency, 2, '已补拍带采样点编号的全景照片并更新采样记录。', '整改佐证-第二轮.pdf');
  await openSubmitted(regulator);
  await regulator.getByRole('button', { name: '整改通过' }).click();
  await confirmPopconfirm(regulator, regulator.getByTestId('violation-state').getByText('已整改').first());
  await shot(regulator, 'violation-04-accepted');

  // 历史整改记录: both rounds, read only.
  await agency.getByRole('menuitem', { name: '历史整改记录' }).click();
  await agency
    .getByRole('row', { name: new RegExp(problem.slice(0, 12)) })
    .getByRole('button', { name: '查看' })
    .click();
  await expect(agency.getByTestId('rectification-round-1')).toContainText(reason);
  await expect(agency.getByTestId('rectification-round-2')).toBeVisible();
  await expect(agency.getByTestId('rectification-form')).toHaveCount(0);
  await shot(agency, 'violation-05-history');

  // The sampler on the project sees the 违规通知 on the phone's 首页.
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const mobile = await phone.newPage();
  await mobile.goto('/m');
  await mobile.getByPlaceholder('请输入用户名').fill('sampler');
  await mobile.getByPlaceholder('请输入密码').fill(demoPassword);
  await mobile.getByRole('button', { name: /登\s*录/ }).click();
  await expect(mobile.getByTestId('notification-item').filter({ hasText: '违规通知' }).first()).toBeVisible();
  await shot(mobile, 'violation-06-mobile-home');
  await phone.close();
});
