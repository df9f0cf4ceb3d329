import { allocateAccountBodySchema, allocatedAccountSchema, personnelAccountSchema } from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { allocatePersonnelAccount, getPersonnelAccount } from './personnel-accounts.service.ts';

const tags = ['监测人员'];
const params = z.object({ id: z.uuid('监测人员编号格式不正确') });

export function personnelAccountRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/personnel/:id/account',
      {
        schema: {
          tags,
          summary: '监测账号：是否已分配',
          params,
          response: { 200: personnelAccountSchema },
        },
        config: { access: ['agency_admin', 'agency_registrar'] },
      },
      async (request, reply) =>
        noStore(reply).send(await getPersonnelAccount(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/personnel/:id/account',
      {
        schema: {
          tags,
          summary: '账号分配：为监测人员开设移动端账号（短信验证码确认手机号）',
          params,
          body: allocateAccountBodySchema,
          response: { 201: allocatedAccountSchema },
        },
        config: { access: ['agency_admin'] },
      },
      async (request, reply) =>
        noStore(reply)
          .code(201)
          .send(await allocatePersonnelAccount(authed(request), request.params.id, request.body)),
    );
  };
}
