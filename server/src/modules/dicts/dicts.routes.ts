import { dictItemInputSchema, dictItemSchema, dictTypes } from '@eco/contracts';
import { z } from 'zod';
import { type App, authed } from '../../platform/http/types.ts';
import { createDictItem, getDictItems, updateDictItem } from './dicts.service.ts';

const tags = ['数据字典'];
const typeParams = z.object({ type: z.enum(dictTypes) });

export function dictRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/dicts',
      {
        schema: {
          tags,
          summary: '全部字典项（含停用项）',
          response: { 200: z.object({ items: z.array(dictItemSchema) }) },
        },
        config: { access: 'authenticated' },
      },
      async (request) => ({ items: await getDictItems(request.ctx) }),
    );

    app.get(
      '/api/v1/dicts/:type',
      {
        schema: {
          tags,
          summary: '某一字典的字典项',
          params: typeParams,
          response: { 200: z.object({ items: z.array(dictItemSchema) }) },
        },
        config: { access: 'public' },
      },
      async (request) => ({
        items: (await getDictItems(request.ctx, request.params.type)).filter((i) => i.isEnabled),
      }),
    );

    app.post(
      '/api/v1/dicts/:type/items',
      {
        schema: {
          tags,
          summary: '新增字典项',
          params: typeParams,
          body: dictItemInputSchema,
          response: { 201: dictItemSchema },
        },
        config: { access: ['sysadmin'] },
      },
      async (request, reply) =>
        reply.code(201).send(await createDictItem(authed(request), request.params.type, request.body)),
    );

    app.put(
      '/api/v1/dicts/:type/items/:id',
      {
        schema: {
          tags,
          summary: '修改字典项（编码不可改）',
          params: typeParams.extend({ id: z.uuid() }),
          body: dictItemInputSchema.omit({ code: true }),
          response: { 200: dictItemSchema },
        },
        config: { access: ['sysadmin'] },
      },
      async (request) =>
        updateDictItem(authed(request), request.params.type, request.params.id, request.body),
    );
  };
}
