import {
  rectificationInputSchema,
  rectifierRoles,
  violationDetailSchema,
  violationInputSchema,
  violationListQuerySchema,
  violationPageSchema,
  violationRejectSchema,
} from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { getViolationDetail } from './violation-detail.ts';
import { acceptRectification, rectifyViolation, rejectRectification } from './violation-rectify.service.ts';
import { registerViolationAttachments } from './violations.attachments.ts';
import { issueViolation, listViolations } from './violations.service.ts';

const tags = ['违规与整改'];
const idParams = z.object({ id: z.uuid() });
const regulator = ['regulator'] as const;
const readers = [...rectifierRoles, 'regulator'] as const;

/** 开具违规, 违规待整改 / 历史整改记录, 整改 by the agency, 整改通过 / 驳回整改 by the regulator. */
export function violationRoutes() {
  registerViolationAttachments();
  return async (app: App) => {
    app.post(
      '/api/v1/violations',
      {
        schema: {
          tags,
          summary: '开具违规（违规证据随后以 violation 附件上传到返回的标识）',
          body: violationInputSchema,
          response: { 201: violationDetailSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) =>
        noStore(reply)
          .code(201)
          .send(await issueViolation(authed(request), request.body)),
    );

    app.get(
      '/api/v1/violations',
      {
        schema: {
          tags,
          summary: '违规待整改 / 历史整改记录（机构看本机构，监管部门看本辖区，可按机构筛选）',
          querystring: violationListQuerySchema,
          response: { 200: violationPageSchema },
        },
        config: { access: readers },
      },
      async (request, reply) => noStore(reply).send(await listViolations(authed(request), request.query)),
    );

    app.get(
      '/api/v1/violations/:id',
      {
        schema: {
          tags,
          summary: '查看违规及各轮整改',
          params: idParams,
          response: { 200: violationDetailSchema },
        },
        config: { access: readers },
      },
      async (request, reply) =>
        noStore(reply).send(await getViolationDetail(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/violations/:id/rectify',
      {
        schema: {
          tags,
          summary: '整改（整改佐证材料先以 rectification 附件上传到违规标识）',
          params: idParams,
          body: rectificationInputSchema,
          response: { 200: violationDetailSchema },
        },
        config: { access: rectifierRoles },
      },
      async (request, reply) =>
        noStore(reply).send(await rectifyViolation(authed(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/violations/:id/accept',
      {
        schema: { tags, summary: '整改通过', params: idParams, response: { 200: violationDetailSchema } },
        config: { access: regulator },
      },
      async (request, reply) =>
        noStore(reply).send(await acceptRectification(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/violations/:id/reject',
      {
        schema: {
          tags,
          summary: '驳回整改（须填写驳回原因）',
          params: idParams,
          body: violationRejectSchema,
          response: { 200: violationDetailSchema },
        },
        config: { access: regulator },
      },
      async (request, reply) =>
        noStore(reply).send(
          await rejectRectification(authed(request), request.params.id, request.body.reason),
        ),
    );
  };
}
