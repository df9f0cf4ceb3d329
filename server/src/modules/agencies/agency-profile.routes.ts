import {
  agencyProfileSchema,
  agencyProfileViewSchema,
  agencyReturnBodySchema,
  agencyReviewDetailSchema,
  agencyReviewItemSchema,
  agencyReviewQuerySchema,
  pageSchema,
} from '@eco/contracts';
import { z } from 'zod';
import { type App, authed } from '../../platform/http/types.ts';
import { getOwnAgencyProfile, saveAgencyProfile, submitAgencyProfile } from './agency-profile.service.ts';
import { decideAgencyReview, getAgencyReview, listAgencyReviews } from './agency-review.service.ts';

const revisionParams = z.object({ revisionId: z.uuid() });

/** 机构信息 (edit, 保存, 提交审核) for the agency and 机构审核 for the regulator. */
export function agencyProfileRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/agencies/current/profile',
      {
        schema: {
          tags: ['机构信息'],
          summary: '本机构信息：现行版本、待审核修改、审核记录',
          response: { 200: agencyProfileViewSchema },
        },
        config: { access: ['agency_admin', 'agency_registrar'] },
      },
      async (request) => getOwnAgencyProfile(authed(request)),
    );

    app.put(
      '/api/v1/agencies/current/profile',
      {
        schema: {
          tags: ['机构信息'],
          summary: '保存机构信息（已通过审核的机构修改后，现行版本保持不变直至审核通过）',
          body: agencyProfileSchema,
          response: { 200: agencyProfileViewSchema },
        },
        config: { access: ['agency_admin'] },
      },
      async (request) => saveAgencyProfile(authed(request), request.body),
    );

    app.post(
      '/api/v1/agencies/current/profile/submit',
      {
        schema: {
          tags: ['机构信息'],
          summary: '提交机构信息审核',
          response: { 200: agencyProfileViewSchema },
        },
        config: { access: ['agency_admin'] },
      },
      async (request) => submitAgencyProfile(authed(request)),
    );

    app.get(
      '/api/v1/reviews/agencies',
      {
        schema: {
          tags: ['机构审核'],
          summary: '机构信息审核列表（本辖区，最早提交的在前）',
          querystring: agencyReviewQuerySchema,
          response: { 200: pageSchema(agencyReviewItemSchema) },
        },
        config: { access: ['regulator'] },
      },
      async (request) => listAgencyReviews(authed(request), request.query),
    );

    app.get(
      '/api/v1/reviews/agencies/:revisionId',
      {
        schema: {
          tags: ['机构审核'],
          summary: '机构信息审核详情：修改内容对比、附件、审核记录',
          params: revisionParams,
          response: { 200: agencyReviewDetailSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request) => getAgencyReview(authed(request), request.params.revisionId),
    );

    app.post(
      '/api/v1/reviews/agencies/:revisionId/approve',
      {
        schema: {
          tags: ['机构审核'],
          summary: '审核通过：修改内容成为现行机构信息',
          params: revisionParams,
          response: { 200: agencyReviewDetailSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request) =>
        decideAgencyReview(authed(request), request.params.revisionId, { action: 'approve' }),
    );

    app.post(
      '/api/v1/reviews/agencies/:revisionId/return',
      {
        schema: {
          tags: ['机构审核'],
          summary: '退回（须填写退回原因）',
          params: revisionParams,
          body: agencyReturnBodySchema,
          response: { 200: agencyReviewDetailSchema },
        },
        config: { access: ['regulator'] },
      },
      async (request) =>
        decideAgencyReview(authed(request), request.params.revisionId, {
          action: 'return',
          reason: request.body.reason,
        }),
    );
  };
}
