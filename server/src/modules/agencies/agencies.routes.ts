import { agencyListQuerySchema, agencyPageSchema, agencySummarySchema } from '@eco/contracts';
import { z } from 'zod';
import { type App, authed } from '../../platform/http/types.ts';
import { getAgency, getOwnAgency, searchAgencies } from './agencies.service.ts';

const tags = ['监测机构'];

export function agencyRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/agencies/current',
      {
        schema: { tags, summary: '本人所在机构', response: { 200: agencySummarySchema } },
        config: { access: ['agency_admin', 'agency_registrar', 'field_staff'] },
      },
      async (request) => getOwnAgency(authed(request)),
    );

    app.get(
      '/api/v1/agencies',
      {
        schema: {
          tags,
          summary: '监测机构列表（按监管区域）',
          querystring: agencyListQuerySchema,
          response: { 200: agencyPageSchema },
        },
        config: { access: ['regulator', 'sysadmin'] },
      },
      async (request) => searchAgencies(authed(request), request.query),
    );

    app.get(
      '/api/v1/agencies/:id',
      {
        schema: {
          tags,
          summary: '监测机构详情',
          params: z.object({ id: z.uuid() }),
          response: { 200: agencySummarySchema },
        },
        config: { access: 'authenticated' },
      },
      async (request) => getAgency(authed(request), request.params.id),
    );
  };
}
