import { timingSafeEqual } from 'node:crypto';
import { personWithoutStaffRecordNotice, type Role, roles } from '@eco/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isRoleAllowed } from '../auth/access.ts';
import { type LoadedSession, loadSession } from '../auth/sessions.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
    session: LoadedSession | null;
  }
}

/** API routes must declare `config.access`; the OpenAPI browser and static files need none. */
export function isGuardedUrl(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function toActor(user: LoadedSession['user']): Actor {
  const role = (roles as readonly string[]).includes(user.role) ? (user.role as Role) : 'field_staff';
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    agencyId: user.agencyId,
    personnelId: user.personnelId,
    regionCode: user.regionCode,
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function buildContext(platform: Platform, request: FastifyRequest, actor: Actor | null): ServiceContext {
  return {
    db: platform.db,
    actor,
    files: platform.files,
    pii: platform.pii,
    log: request.log,
    now: platform.now,
    config: platform.config,
    meta: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
  };
}

/**
 * Per request: the session from the cookie, the service context, then the route's access rule,
 * the forced password change, and the CSRF token on cookie-authenticated writes.
 */
export const authHooks = fp(async (app: FastifyInstance, platform: Platform) => {
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[platform.config.session.cookieName];
    const session = token
      ? await loadSession(platform.db, token, platform.now(), platform.config.session)
      : null;
    request.session = session;
    request.ctx = buildContext(platform, request, session ? toActor(session.user) : null);

    const config = request.routeOptions.config;
    // Front-end files and the API docs are public; 404s are answered by the not-found handler.
    const url = request.routeOptions.url;
    if (!url || !isGuardedUrl(url)) return;
    const access = config.access;
    if (!access) throw new AppError('FORBIDDEN', '该接口未声明访问权限');
    const role = request.ctx.actor?.role ?? null;
    // A personal account without a 登记人员 staff record may only see who it is, log out, change its password.
    if (role === 'person' && !config.allowPendingPasswordChange && access !== 'public') {
      throw new AppError('FORBIDDEN', personWithoutStaffRecordNotice);
    }
    if (!isRoleAllowed(access, role)) {
      throw role === null ? new AppError('UNAUTHENTICATED') : new AppError('FORBIDDEN');
    }
    if (session?.user.mustChangePassword && !config.allowPendingPasswordChange && access !== 'public') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须修改初始密码');
    }
    if (session && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new AppError('CSRF');
    }
  });
});
