import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { beginSsoLogin, completeSsoLogin } from './sso.service.ts';

const tags = ['统一身份认证'];

export function ssoRoutes(platform: Platform) {
  const { cookieName, absoluteHours } = platform.config.session;
  return async (app: App) => {
    app.get(
      '/api/v1/sso/config',
      {
        schema: {
          tags,
          summary: '是否启用四川政务服务网统一身份认证',
          response: { 200: z.object({ enabled: z.boolean() }) },
        },
        config: { access: 'public' },
      },
      async () => ({ enabled: platform.config.sso !== null }),
    );

    app.get(
      '/api/v1/sso/login',
      {
        schema: {
          tags,
          summary: '跳转到统一身份认证（授权码 + PKCE）',
          querystring: z.object({
            identity: z.enum(['legal', 'natural']),
            target: z.enum(['web', 'mobile']).default('web'),
          }),
        },
        config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      },
      async (request, reply) => reply.redirect(await beginSsoLogin(request.ctx, request.query)),
    );

    app.get(
      '/api/v1/sso/callback',
      {
        schema: { tags, summary: '统一身份认证回调' },
        config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const outcome = await completeSsoLogin(request.ctx, { query });
        const home = outcome.target === 'mobile' ? '/m/' : '/';
        if (!outcome.ok)
          return reply.redirect(`${home}login?sso_error=${encodeURIComponent(outcome.message)}`);
        reply.setCookie(cookieName, outcome.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: '/',
          maxAge: absoluteHours * 3600,
        });
        return reply.redirect(home);
      },
    );
  };
}
