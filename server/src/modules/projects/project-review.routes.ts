import {
  pageQuerySchema,
  projectDetailSchema,
  projectFilterSchema,
  projectPageSchema,
  projectRegistrarRoles,
  projectReturnBodySchema,
} from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import {
  approveProject,
  countProjectReviews,
  listProjectReviews,
  resubmitProject,
  returnProject,
  submitProject,
} from './project-review.service.ts';

const tags = ['项目审核'];
const idParams = z.object({ id: z.uuid() });
const regulator = ['regulator'] as const;
const reviewQuerySchema = pageQuerySchema.extend(
  projectFilterSchema.pick({ name: true, regionCode: true, agencyId: true }).shape,
);

/** 提交 / 再提交 by the agency, 审核通过 / 退回 by the regulator, and the review queue. */
export function projectReviewRoutes() {
  return async (app: App) => {
    app.post(
      '/api/v1/projects/:id/submit',
      {
        schema: {
          tags,
          summary: '提交（需上传监测类型要求的全部报告）',
          params: idParams,
          response: { 200: projectDetailSchema },
        },
        config: { access: projectRegistrarRoles },
      },
      async (request, reply) => noStore(reply).send(await submitProject(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/projects/:id/resubmit',
      {
        schema: { tags, summary: '退回后再提交', params: idParams, response: { 200: projectDetailSchema } },
        config: { access: projectRegistrarRoles },
      },
      async (request, reply) =>
        noStore(reply).send(await resubmitProject(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/projects/:id/approve',
      {
        schema: { tags, summary: '审核通过', params: idParams, response: { 200: projectDetailSchema } },
        config: { access: regulator },
      },
      async (request, reply) => noStore(reply).send(await approveProject(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/projects/:id/return',
      {
        schema: {
          tags,
          summary: '退回（须填写退回原因）',
          params: idParams,
          body: projectReturnBodySchema,
          response: { 200: projectDetailSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) =>
        noStore(reply).send(await returnProject(authed(request), request.params.id, request.body.reason)),
    );

    app.get(
      '/api/v1/project-reviews',
      {
        schema: {
          tags,
          summary: '待审核项目（本辖区，提交时间最早的在前）',
          querystring: reviewQuerySchema,
          response: { 200: projectPageSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) => noStore(reply).send(await listProjectReviews(authed(request), request.query)),
    );

    app.get(
      '/api/v1/project-reviews/count',
      {
        schema: { tags, summary: '待审核项目数', response: { 200: z.object({ count: z.number().int() }) } },
        config: { access: regulator },
      },
      async (request) => ({ count: await countProjectReviews(authed(request)) }),
    );
  };
}
