import { setTimeout as sleep } from 'node:timers/promises';
import {
  captchaSchema,
  previewCodeBodySchema,
  previewGrantBodySchema,
  previewGrantSchema,
  publicReportSchema,
  reportLookupQuerySchema,
  sha256Field,
} from '@eco/contracts';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { type App, noStore } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { createCaptcha } from './public-guard.service.ts';
import {
  findPublicReportsBySha256,
  lookupPublicReport,
  sendPreviewCode,
  verifyPublicReport,
} from './public-reports.service.ts';
import { grantReportPreview, openReportPreview } from './report-preview.service.ts';

const tags = ['监测业务公开端'];

/**
 * Look-ups by report number answer no sooner than the configured minimum after the request
 * arrived, found or not, error or not: response time must not tell which numbers exist.
 */
function lookupRoutes(platform: Platform, rateLimit: { max: number; timeWindow: number }) {
  const minMs = platform.config.publicPortal.minResponseMs;
  return async (app: App) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      const wait = minMs - reply.elapsedTime;
      if (wait > 0) await sleep(wait);
      return payload;
    });

    app.get(
      '/api/v1/public/reports',
      {
        schema: {
          tags,
          summary: '监测报告查询：按报告编号（多次未找到后须填图形验证码）',
          querystring: reportLookupQuerySchema,
          response: { 200: publicReportSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) => noStore(reply).send(await lookupPublicReport(request.ctx, request.query)),
    );

    app.post(
      '/api/v1/public/reports/preview-code',
      {
        schema: {
          tags,
          summary: '预览：向手机号发送短信验证码（仅可公开的报告）',
          body: previewCodeBodySchema,
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) => {
        await sendPreviewCode(request.ctx, request.body);
        return noStore(reply).code(204).send();
      },
    );
  };
}

/** 监测业务公开端: report look-up, 预览 with an SMS code and a watermark, 真伪核验. */
export function publicReportRoutes(platform: Platform) {
  const rateLimit = { max: platform.config.publicPortal.ipLimitPerMinute, timeWindow: 60_000 };
  return async (app: App) => {
    await app.register(lookupRoutes(platform, rateLimit));

    app.get(
      '/api/v1/public/captcha',
      {
        schema: {
          tags,
          summary: '图形验证码（4位，5分钟内有效，仅可使用一次）',
          response: { 200: captchaSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) => noStore(reply).send(await createCaptcha(request.ctx)),
    );

    app.post(
      '/api/v1/public/reports/preview',
      {
        schema: {
          tags,
          summary: '预览：校验短信验证码，记录查看并返回10分钟有效的预览凭证与水印',
          body: previewGrantBodySchema,
          response: { 200: previewGrantSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) => noStore(reply).send(await grantReportPreview(request.ctx, request.body)),
    );

    app.get(
      '/api/v1/public/reports/file',
      {
        schema: {
          tags,
          summary: '预览：报告 PDF（每页加水印：脱敏手机号与时间）',
          querystring: z.object({ token: z.string().max(2000).optional() }),
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) => {
        const file = await openReportPreview(request.ctx, request.query.token);
        return noStore(reply)
          .header('Content-Type', 'application/pdf')
          .header('Content-Disposition', contentDisposition(file.fileName, { type: 'inline' }))
          .header('X-Content-Type-Options', 'nosniff')
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );

    app.get(
      '/api/v1/public/verify/:reportId',
      {
        schema: {
          tags,
          summary: '真伪核验：报告二维码链接',
          params: z.object({ reportId: z.uuid({ error: '报告标识无效，请核对二维码或链接' }) }),
          response: { 200: publicReportSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request) => verifyPublicReport(request.ctx, request.params.reportId),
    );

    app.get(
      '/api/v1/public/verify',
      {
        schema: {
          tags,
          summary: '真伪核验：按文件 SHA-256 查找登记的报告',
          querystring: z.object({ sha256: sha256Field }),
          response: { 200: z.object({ items: z.array(publicReportSchema) }) },
        },
        config: { access: 'public', rateLimit },
      },
      async (request) => findPublicReportsBySha256(request.ctx, request.query.sha256),
    );
  };
}
