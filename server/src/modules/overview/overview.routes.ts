import { flaggedPhotoPageSchema, flaggedPhotoQuerySchema, overviewSchema } from '@eco/contracts';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { getOverview, listFlaggedPhotoPage } from './overview.service.ts';

const regulator = ['regulator'] as const;

/** 监管总览 and 现场核查: the regulator's region at a glance, and the field photos to look into. */
export function overviewRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/overview',
      {
        schema: {
          tags: ['监管总览'],
          summary: '监管总览（本辖区的机构、人员、项目、违规、现场照片与审核队列统计）',
          response: { 200: overviewSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) => noStore(reply).send(await getOverview(authed(request))),
    );

    app.get(
      '/api/v1/field-photos/flagged',
      {
        schema: {
          tags: ['现场照片'],
          summary: '需核查的现场照片（本辖区，拍摄时间最新的在前）',
          querystring: flaggedPhotoQuerySchema,
          response: { 200: flaggedPhotoPageSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) =>
        noStore(reply).send(await listFlaggedPhotoPage(authed(request), request.query)),
    );
  };
}
