import {
  pageQuerySchema,
  personnelFilterSchema,
  personnelInputSchema,
  personnelListQuerySchema,
  personnelPageSchema,
  personnelReturnBodySchema,
  personnelReviewPageSchema,
  personnelSchema,
  personnelUpdateSchema,
  reviewRecordSchema,
} from '@eco/contracts';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { registerPersonnelAttachments } from './personnel.attachments.ts';
import { exportPersonnelXlsx } from './personnel.export.ts';
import {
  createPersonnel,
  deletePersonnel,
  getAgencyTitles,
  getPersonnel,
  getPersonnelHistory,
  searchPersonnel,
  updatePersonnel,
} from './personnel.service.ts';
import { approvePersonnel, listPersonnelReviews, returnPersonnel } from './personnel-review.service.ts';

const tags = ['监测人员'];
const idParams = z.object({ id: z.uuid() });
const admin = ['agency_admin'] as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function personnelRoutes() {
  registerPersonnelAttachments();
  return async (app: App) => {
    app.get(
      '/api/v1/personnel',
      {
        schema: {
          tags,
          summary: '本机构监测人员（姓名模糊查询，按性别、职称筛选，服务端分页排序）',
          querystring: personnelListQuerySchema,
          response: { 200: personnelPageSchema },
        },
        config: { access: admin },
      },
      async (request, reply) => noStore(reply).send(await searchPersonnel(authed(request), request.query)),
    );

    app.get(
      '/api/v1/personnel/titles',
      {
        schema: {
          tags,
          summary: '本机构已使用的职称',
          response: { 200: z.object({ items: z.array(z.string()) }) },
        },
        config: { access: admin },
      },
      async (request) => ({ items: await getAgencyTitles(authed(request)) }),
    );

    app.get(
      '/api/v1/personnel/export',
      {
        schema: { tags, summary: '导出当前查询的全部人员（.xlsx）', querystring: personnelFilterSchema },
        config: { access: admin },
      },
      async (request, reply) => {
        const stream = await exportPersonnelXlsx(authed(request), request.query);
        return noStore(reply)
          .header('Content-Type', xlsxType)
          .header('Content-Disposition', contentDisposition('监测人员.xlsx'))
          .send(stream);
      },
    );

    app.post(
      '/api/v1/personnel',
      {
        schema: {
          tags,
          summary: '添加人员（保存即提交审核）',
          body: personnelInputSchema,
          response: { 201: personnelSchema },
        },
        config: { access: admin },
      },
      async (request, reply) =>
        noStore(reply)
          .code(201)
          .send(await createPersonnel(authed(request), request.body)),
    );

    app.get(
      '/api/v1/personnel/:id',
      {
        schema: { tags, summary: '查看人员信息', params: idParams, response: { 200: personnelSchema } },
        config: { access: ['agency_admin', 'regulator'] },
      },
      async (request, reply) => noStore(reply).send(await getPersonnel(authed(request), request.params.id)),
    );

    app.put(
      '/api/v1/personnel/:id',
      {
        schema: {
          tags,
          summary: '编辑人员信息（身份证号、手机号留空则不修改；已审核通过的变更待审核后生效）',
          params: idParams,
          body: personnelUpdateSchema,
          response: { 200: personnelSchema },
        },
        config: { access: admin },
      },
      async (request, reply) =>
        noStore(reply).send(await updatePersonnel(authed(request), request.params.id, request.body)),
    );

    app.delete(
      '/api/v1/personnel/:id',
      { schema: { tags, summary: '删除人员', params: idParams }, config: { access: admin } },
      async (request, reply) => {
        await deletePersonnel(authed(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/personnel/:id/history',
      {
        schema: {
          tags,
          summary: '审核记录',
          params: idParams,
          response: { 200: z.object({ items: z.array(reviewRecordSchema) }) },
        },
        config: { access: ['agency_admin', 'regulator'] },
      },
      async (request) => ({ items: await getPersonnelHistory(authed(request), request.params.id) }),
    );

    app.get(
      '/api/v1/reviews/personnel',
      {
        schema: {
          tags: ['人员审核'],
          summary: '待审核的监测人员（本辖区，先提交的在前）',
          querystring: pageQuerySchema,
          response: { 200: personnelReviewPageSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request, reply) =>
        noStore(reply).send(await listPersonnelReviews(authed(request), request.query)),
    );

    app.post(
      '/api/v1/reviews/personnel/:id/approve',
      {
        schema: {
          tags: ['人员审核'],
          summary: '审核通过',
          params: idParams,
          response: { 200: personnelSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request) => approvePersonnel(authed(request), request.params.id),
    );

    app.post(
      '/api/v1/reviews/personnel/:id/return',
      {
        schema: {
          tags: ['人员审核'],
          summary: '退回（须填写原因）',
          params: idParams,
          body: personnelReturnBodySchema,
          response: { 200: personnelSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request) => returnPersonnel(authed(request), request.params.id, request.body.reason),
    );
  };
}
