import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';

export function healthRoutes(platform: Platform) {
  return async (app: App) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['系统'],
          summary: '健康检查（含数据库）',
          response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
        },
        config: { access: 'public' },
      },
      async () => {
        try {
          await platform.db.execute(sql`select 1`);
        } catch {
          throw new AppError('UNAVAILABLE', '数据库不可用');
        }
        return { status: 'ok' as const, database: platform.config.databaseUrl ? 'postgres' : 'pglite' };
      },
    );
  };
}
