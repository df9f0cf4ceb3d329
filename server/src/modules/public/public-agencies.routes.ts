import { publicAgencyDetailSchema, publicAgencyPageSchema, publicAgencyQuerySchema } from '@eco/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { getPublicAgency, listPublicAgencies } from './public-agencies.service.ts';

const tags = ['监测业务公开端'];

/** 监测机构查询 and 查看: approved agencies, public facts only. */
export function publicAgencyRoutes(platform: Platform) {
  const rateLimit = { max: platform.config.publicPortal.ipLimitPerMinute, timeWindow: 60_000 };
  return async (app: App) => {
    app.get(
      '/api/v1/public/agencies',
      {
        schema: {
          tags,
          summary: '监测机构查询：已审核通过的机构，名称模糊查询',
          querystring: publicAgencyQuerySchema,
          response: { 200: publicAgencyPageSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request) => listPublicAgencies(request.ctx, request.query),
    );

    app.get(
      '/api/v1/public/agencies/:id',
      {
        schema: {
          tags,
          summary: '监测机构详情：资质、人员与项目数量（不含个人信息）',
          params: z.object({ id: z.uuid({ error: '机构标识无效' }) }),
          response: { 200: publicAgencyDetailSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request) => getPublicAgency(request.ctx, request.params.id),
    );
  };
}
