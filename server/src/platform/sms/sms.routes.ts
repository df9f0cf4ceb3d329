import {
  devSmsMessageSchema,
  mobileField,
  requestSmsCodeBodySchema,
  smsCodeSentSchema,
} from '@eco/contracts';
import { z } from 'zod';
import { type App, noStore } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { listDevOutbox } from './dev-outbox.ts';
import { requestSmsCode } from './sms-codes.ts';

const tags = ['短信验证码'];

export function smsRoutes(platform: Platform) {
  return async (app: App) => {
    app.post(
      '/api/v1/sms/codes',
      {
        schema: {
          tags,
          summary: '获取短信验证码（每号每分钟1次、每天10次，每IP每小时有限）',
          body: requestSmsCodeBodySchema,
          response: { 200: smsCodeSentSchema },
        },
        config: {
          access: 'public',
          rateLimit: { max: Math.max(platform.config.sms.ipLimitPerHour * 3, 30), timeWindow: 3600_000 },
        },
      },
      async (request, reply) => noStore(reply).send(await requestSmsCode(request.ctx, request.body)),
    );

    if (platform.config.isProduction) return;
    app.get(
      '/api/v1/dev/sms-outbox',
      {
        schema: {
          tags,
          summary: '演示短信（仅非生产环境）：某手机号最近收到的短信',
          querystring: z.object({ mobile: mobileField }),
          response: { 200: z.object({ items: z.array(devSmsMessageSchema) }) },
        },
        config: { access: 'public' },
      },
      async (request, reply) =>
        noStore(reply).send({ items: await listDevOutbox(request.ctx, request.query.mobile) }),
    );
  };
}
