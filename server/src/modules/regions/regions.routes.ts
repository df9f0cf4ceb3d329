import { regionNodeSchema } from '@eco/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { getRegionTree } from './regions.service.ts';

export function regionRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/regions/tree',
      {
        schema: {
          tags: ['行政区划'],
          summary: '行政区划树（省—市州—区县，GB/T 2260）',
          response: { 200: z.object({ items: z.array(regionNodeSchema) }) },
        },
        config: { access: 'public' },
      },
      async (request, reply) => {
        reply.header('Cache-Control', 'public, max-age=3600');
        return { items: await getRegionTree(request.ctx.db) };
      },
    );
  };
}
