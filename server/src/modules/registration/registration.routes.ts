import { registerAgencyBodySchema, registerPersonBodySchema, sessionSchema } from '@eco/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../../platform/http/session-cookie.ts';
import { type App, noStore } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { getMe } from '../auth/auth.service.ts';
import { type Registered, registerAgency, registerPerson } from './registration.service.ts';

const tags = ['注册'];

export function registrationRoutes(platform: Platform) {
  const rateLimit = {
    max: platform.config.login.ipLimitPerWindow,
    timeWindow: platform.config.login.ipWindowMinutes * 60_000,
  };
  const replyLoggedIn = async (request: FastifyRequest, reply: FastifyReply, result: Registered) => {
    setSessionCookie(request, reply, platform.config, result.token);
    const user = await getMe(request.ctx, result.userId);
    return noStore(reply).code(201).send({ user, csrfToken: result.csrfToken });
  };

  return async (app: App) => {
    app.post(
      '/api/v1/registration/agency',
      {
        schema: {
          tags,
          summary: '法人注册：新建监测机构（草稿）与机构法人账号，并登录',
          body: registerAgencyBodySchema,
          response: { 201: sessionSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) =>
        replyLoggedIn(request, reply, await registerAgency(request.ctx, request.body)),
    );

    app.post(
      '/api/v1/registration/person',
      {
        schema: {
          tags,
          summary: '个人注册：以身份证号开设个人账号，并登录',
          body: registerPersonBodySchema,
          response: { 201: sessionSchema },
        },
        config: { access: 'public', rateLimit },
      },
      async (request, reply) =>
        replyLoggedIn(request, reply, await registerPerson(request.ctx, request.body)),
    );
  };
}
