import { changePasswordBodySchema, loginBodySchema, sessionSchema } from '@eco/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { changePassword, getMe, login, logout } from './auth.service.ts';

const tags = ['认证'];

export function authRoutes(platform: Platform) {
  const { cookieName, absoluteHours } = platform.config.session;
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/',
      maxAge: absoluteHours * 3600,
    });

  return async (app: App) => {
    app.post(
      '/api/v1/auth/login',
      {
        schema: { tags, summary: '用户名密码登录', body: loginBodySchema, response: { 200: sessionSchema } },
        config: {
          access: 'public',
          rateLimit: {
            max: platform.config.login.ipLimitPerWindow,
            timeWindow: platform.config.login.ipWindowMinutes * 60_000,
          },
        },
      },
      async (request, reply) => {
        const result = await login(request.ctx, request.body);
        setSessionCookie(request, reply, result.token);
        const user = await getMe(request.ctx, result.userId);
        return noStore(reply).send({ user, csrfToken: result.csrfToken });
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        schema: { tags, summary: '退出登录' },
        config: { access: 'authenticated', allowPendingPasswordChange: true },
      },
      async (request, reply) => {
        if (request.session) await logout(authed(request), request.session.sessionId);
        reply.clearCookie(cookieName, { path: '/' });
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        schema: { tags, summary: '当前登录用户', response: { 200: sessionSchema } },
        config: { access: 'authenticated', allowPendingPasswordChange: true },
      },
      async (request, reply) => {
        const ctx = authed(request);
        if (!request.session) throw new AppError('UNAUTHENTICATED');
        const user = await getMe(ctx, ctx.actor.userId);
        return noStore(reply).send({ user, csrfToken: request.session.csrfToken });
      },
    );

    app.post(
      '/api/v1/auth/password',
      {
        schema: { tags, summary: '修改密码（其他会话随之失效）', body: changePasswordBodySchema },
        config: { access: 'authenticated', allowPendingPasswordChange: true },
      },
      async (request, reply) => {
        if (!request.session) throw new AppError('UNAUTHENTICATED');
        await changePassword(authed(request), { ...request.body, sessionId: request.session.sessionId });
        return reply.code(204).send();
      },
    );
  };
}
