import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { publicAgencyRoutes } from './public-agencies.routes.ts';
import { publicReportRoutes } from './public-reports.routes.ts';

/** 监测业务公开端: everything under /api/v1/public, callable without logging in. */
export function publicRoutes(platform: Platform) {
  return async (app: App) => {
    await app.register(publicReportRoutes(platform));
    await app.register(publicAgencyRoutes(platform));
  };
}
