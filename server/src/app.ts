import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { agencyProfileRoutes } from './modules/agencies/agency-profile.routes.ts';
import { attachmentRoutes } from './modules/attachments/attachments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { dictRoutes } from './modules/dicts/dicts.routes.ts';
import { fieldPhotoRoutes } from './modules/field-photos/field-photos.routes.ts';
import { fieldUploadRoutes } from './modules/field-photos/field-uploads.routes.ts';
import { fieldTaskRoutes } from './modules/field-tasks/field-tasks.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { overviewRoutes } from './modules/overview/overview.routes.ts';
import { personnelRoutes } from './modules/personnel/personnel.routes.ts';
import { personnelAccountRoutes } from './modules/personnel-accounts/personnel-accounts.routes.ts';
import { projectReportRoutes } from './modules/projects/project-reports.routes.ts';
import { projectReviewRoutes } from './modules/projects/project-review.routes.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { publicRoutes } from './modules/public/public.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { registrationRoutes } from './modules/registration/registration.routes.ts';
import { ssoRoutes } from './modules/sso/sso.routes.ts';
import { violationRoutes } from './modules/violations/violations.routes.ts';
import type { Access } from './platform/auth/access.ts';
import type { MapSettings } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { authHooks } from './platform/http/auth-hooks.ts';
import { registerFrontends } from './platform/http/frontends.ts';
import { sendProblem } from './platform/http/problem.ts';
import type { App } from './platform/http/types.ts';
import type { Platform } from './platform/platform.ts';
import { smsRoutes } from './platform/sms/sms.routes.ts';

export type RouteEntry = { method: string; url: string; access: Access | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access rule: the route-table test walks it. */
    routeTable: RouteEntry[];
  }
}

/** Builds the Fastify app: infrastructure plugins first, then the feature modules, then the front ends. */
export async function buildApp(platform: Platform, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: platform.config.logLevel },
    trustProxy: platform.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider() as unknown as App;

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access: route.config?.access });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, error));
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...tileOrigins(platform.config.map)],
        'worker-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `操作过于频繁，请${Math.ceil(context.ttl / 1000)}秒后再试`),
  });
  await app.register(multipart, {
    limits: { fileSize: platform.config.uploads.maxFileMb * 1024 * 1024, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '生态环境监测业务管理平台 API',
        version: '1.0.0',
        description: 'JSON API；错误为 application/problem+json',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: platform.config.session.cookieName },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authHooks, platform);

  await app.register(healthRoutes(platform));
  await app.register(authRoutes(platform));
  await app.register(dictRoutes());
  await app.register(regionRoutes());
  await app.register(agencyRoutes());
  await app.register(agencyProfileRoutes());
  await app.register(attachmentRoutes());
  await app.register(personnelRoutes());
  await app.register(auditRoutes());
  await app.register(smsRoutes(platform));
  await app.register(registrationRoutes(platform));
  await app.register(personnelAccountRoutes());
  await app.register(projectRoutes());
  await app.register(projectReportRoutes());
  await app.register(projectReviewRoutes());
  await app.register(fieldUploadRoutes());
  await app.register(fieldPhotoRoutes());
  await app.register(fieldTaskRoutes());
  await app.register(violationRoutes());
  await app.register(overviewRoutes());
  await app.register(notificationRoutes());
  await app.register(ssoRoutes(platform));
  await app.register(publicRoutes(platform));

  await registerFrontends(app, platform.config);
  return app;
}

/** The origins map tiles come from (for the CSP): `https://t{s}.x.cn/...` allows `https://*.x.cn`. */
function tileOrigins(map: MapSettings): string[] {
  if (!map.urlTemplate) return [];
  const origin = /^(https?:\/\/[^/]+)/.exec(map.urlTemplate)?.[1];
  if (!origin) return [];
  return [origin.replace(/[^/.]*\{s\}[^.]*\./, '*.')];
}
