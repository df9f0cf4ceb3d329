import { notificationListQuerySchema, notificationPageSchema, unreadCountSchema } from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import {
  countMyUnread,
  listMyNotifications,
  readAllNotifications,
  readNotification,
} from './notifications.service.ts';

const tags = ['消息通知'];
const idParams = z.object({ id: z.uuid() });

/** 消息通知: every signed-in user (field staff included) reads and marks only their own messages. */
export function notificationRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: '我的消息（最新的在前，附未读数）',
          querystring: notificationListQuerySchema,
          response: { 200: notificationPageSchema },
        },
        config: { access: 'authenticated' },
      },
      async (request, reply) =>
        noStore(reply).send(await listMyNotifications(authed(request), request.query)),
    );

    app.get(
      '/api/v1/notifications/unread-count',
      {
        schema: { tags, summary: '未读消息数', response: { 200: unreadCountSchema } },
        config: { access: 'authenticated' },
      },
      async (request, reply) => noStore(reply).send({ unread: await countMyUnread(authed(request)) }),
    );

    app.post(
      '/api/v1/notifications/:id/read',
      {
        schema: { tags, summary: '标为已读', params: idParams },
        config: { access: 'authenticated' },
      },
      async (request, reply) => {
        await readNotification(authed(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/v1/notifications/read-all',
      {
        schema: { tags, summary: '全部标为已读' },
        config: { access: 'authenticated' },
      },
      async (request, reply) => {
        await readAllNotifications(authed(request));
        return reply.code(204).send();
      },
    );
  };
}
