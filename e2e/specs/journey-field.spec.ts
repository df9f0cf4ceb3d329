import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { demoPassword, loginWeb, shot } from './support.ts';

// A demo project of 四川蜀环检测技术有限公司, 未完成, with 王强 / 赵磊 / 陈静 on its points.
const projectName = '成都某制药有限公司废活性炭危险废物鉴别项目';
const site = { latitude: 30.5238, longitude: 103.9427 };

test.describe.configure({ timeout: 240_000 });

/** A phone at the site with location granted, logged into the field app. */
async function openPhone(
  browser: Browser,
  baseURL: string | undefined,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { ...site, accuracy: 8 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await page.goto('/m');
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('机构名称')).toBeVisible();
  return { context, page };
}

/** A photo-like JPEG (noise, so it compresses like a picture), different per seed. */
function photoJpeg(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: { r: 60 + seed * 20, g: 120, b: 90 },
      noise: { type: 'gaussian', mean: 110 + seed, sigma: 30 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function openTask(page: Page): Promise<void> {
  await page.getByText('在行项目', { exact: true }).last().click();
  await page.getByText(projectName).click();
  await expect(page.getByText('监测任务', { exact: true })).toBeVisible();
  await page
    .locator('.adm-list-item')
    .filter({ hasText: '1号采样点' })
    .filter({ hasText: /已暂存|进行中/ })
    .click();
  await expect(page.getByRole('button', { name: '拍照' })).toBeVisible();
}

/** 拍照 (the camera's file chooser) → 填报: 照片类型 → 确定 → 保存, back on the task. */
async function takePhoto(page: Page, typeLabel: string, seed: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '拍照' }).click();
  await (await chooser).setFiles({
    name: `photo-${seed}.jpg`,
    mimeType: 'image/jpeg',
    buffer: await photoJpeg(seed),
  });
  await expect(page.getByText('任务填报')).toBeVisible();
  await page.getByText('照片类型', { exact: true }).click();
  const picker = page.locator('.type-picker');
  await picker
    .locator('.adm-check-list-item')
    .filter({ hasText: new RegExp(`^${typeLabel}（`) })
    .click();
  await picker.getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.adm-list-item').filter({ hasText: '照片类型' })).toContainText(typeLabel);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '拍照' })).toBeVisible();
}

async function expectAllSynced(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: '同步队列，全部已同步' })).toBeVisible({ timeout: 30_000 });
}

/** 结束 opens the sheet: 暂存 always; 结束 only for the lab analyst. */
async function finish(page: Page, choice: '暂存' | '结束', isEndOffered: boolean): Promise<void> {
  await page.locator('.task-actions').getByRole('button', { name: '结束' }).click();
  const sheet = page.locator('.adm-action-sheet');
  await expect(sheet.getByText('暂存', { exact: true })).toBeVisible();
  await expect(sheet.locator('.adm-action-sheet-button-item').filter({ hasText: /^结束$/ })).toHaveCount(
    isEndOffered ? 1 : 0,
  );
  await sheet
    .locator('.adm-action-sheet-button-item')
    .filter({ hasText: new RegExp(`^${choice}`) })
    .click();
}

test('采样、送样、实验室分析三个岗位在手机上完成监测任务（含离线拍照与同步），机构在办理页看到照片与航迹', async ({
  browser,
  baseURL,
}) => {
  // 采样人员: 添加监测任务 → 开始 → both required sampling photos, moving about the site.
  const sampler = await openPhone(browser, baseURL, 'sampler');
  let page = sampler.page;
  await page.getByText('在行项目', { exact: true }).last().click();
  await page.getByText(projectName).click();
  await page.getByRole('button', { name: '添加监测任务' }).click();
  const popup = page.locator('.add-task-popup');
  await popup.locator('.adm-selector-item').filter({ hasText: '1号采样点' }).click();
  await popup.getByPlaceholder('请输入备注（选填）').fill('端到端测试任务');
  await popup.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '开始' })).toBeVisible();
  await shot(page, 'field-task-created');
  await page.getByRole('button', { name: '开始' }).click();
  await expect(page.getByText('进行中').first()).toBeVisible();

  await takePhoto(page, '采样作业照片', 1);
  await sampler.context.setGeolocation({
    latitude: site.latitude + 0.0004,
    longitude: site.longitude,
    accuracy: 6,
  });
  await takePhoto(page, '采样点现场照片', 2);
  await expectAllSynced(page);
  await shot(page, 'field-sampling-photos');

  // Offline: the photo waits on the phone, survives a reload, and syncs once when back online.
  // The service worker installs in the background; a page it did not serve yet is taken over
  // after it activates (or on the next load).
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active != null))
    .toBe(true);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('button', { name: '拍照' })).toBeVisible();
  await sampler.context.setOffline(true);
  await sampler.context.setGeolocation({
    latitude: site.latitude + 0.0008,
    longitude: site.longitude,
    accuracy: 7,
  });
  await takePhoto(page, '样品封存照片', 3);
  // The photo (and any track points recorded meanwhile) wait on the phone.
  const waiting = page.getByRole('button', { name: /^同步队列，待同步 \d+ 项$/ });
  await expect(waiting).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '拍照' })).toBeVisible();
  await expect(page.getByText('离线').first()).toBeVisible();
  await waiting.click();
  await expect(page.getByRole('heading', { name: '同步队列' })).toBeVisible();
  await expect(page.getByText(/^待同步 \d+ 项$/)).toBeVisible();
  await expect(page.getByTestId('queue-item').filter({ hasText: '照片：样品封存照片' })).toHaveCount(1);
  await shot(page, 'field-offline-queue');
  await sampler.context.setOffline(false);
  await expect(page.getByText('全部已同步')).toBeVisible({ timeout: 30_000 });
  await page.goBack();

  // The sampler cannot end the task: only 暂存 is offered.
  await expect(page.getByRole('button', { name: '拍照' })).toBeVisible();
  await finish(page, '暂存', false);
  await expect(page.getByText('已暂存').first()).toBeVisible();
  await expectAllSynced(page);
  await sampler.context.close();

  // 送样人员: 继续 → 送样照片 → 暂存.
  const courier = await openPhone(browser, baseURL, 'courier');
  page = courier.page;
  await openTask(page);
  await page.getByRole('button', { name: '继续' }).click();
  await courier.context.setGeolocation({
    latitude: site.latitude + 0.001,
    longitude: site.longitude + 0.001,
    accuracy: 9,
  });
  await takePhoto(page, '送样照片', 4);
  await finish(page, '暂存', false);
  await expectAllSynced(page);
  await courier.context.close();

  // 实验室分析人员: 继续 → 实验室分析照片 → 结束.
  const analyst = await openPhone(browser, baseURL, 'analyst');
  page = analyst.page;
  await openTask(page);
  await page.getByRole('button', { name: '继续' }).click();
  await takePhoto(page, '实验室分析照片', 5);
  await expectAllSynced(page);
  await finish(page, '结束', true);
  await expect(page.getByText('已结束').first()).toBeVisible();
  await expectAllSynced(page);
  await shot(page, 'field-task-ended');
  await page.getByText('监测航迹').click();
  await expect(page.locator('.leaflet-container')).toBeVisible();
  await shot(page, 'field-track-mobile');
  await analyst.context.close();

  // The agency's 办理 page: one task, five photos (the offline one exactly once), the track map.
  const web = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const webPage = await web.newPage();
  await loginWeb(webPage, 'agency_admin');
  await webPage.getByRole('menuitem', { name: '查询统计' }).click();
  await webPage.getByRole('textbox', { name: /项目名称/ }).fill('废活性炭');
  await webPage.getByRole('button', { name: /查\s*询/ }).click();
  const row = webPage.getByRole('row', { name: new RegExp(projectName) });
  await row
    .getByRole('button', { name: '办理' })
    .or(row.getByRole('link', { name: '办理' }))
    .click();
  await webPage.getByRole('tab', { name: '监测信息' }).click();
  const task = webPage.getByTestId('field-task').filter({ hasText: '已结束' });
  await expect(task).toHaveCount(1);
  await expect(task.getByTestId('field-photo')).toHaveCount(5);
  await expect(task.getByTestId('field-photo').filter({ hasText: '样品封存照片' })).toHaveCount(1);
  await shot(webPage, 'field-agency-tasks');
  await task.getByRole('button', { name: '监测航迹' }).click();
  await expect(webPage.getByTestId('track-map')).toBeVisible();
  await expect(webPage.locator('.leaflet-interactive').first()).toBeVisible();
  await shot(webPage, 'field-agency-track');
  await web.close();
});
