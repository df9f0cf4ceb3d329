import { auditQuerySchema, auditRecordSchema, auditVerificationSchema, pageSchema } from '@eco/contracts';
import { type App, authed } from '../../platform/http/types.ts';
import { searchAudit, verifyAudit } from './audit.service.ts';

const tags = ['审计日志'];

export function auditRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/audit',
      {
        schema: {
          tags,
          summary: '审计记录查询',
          querystring: auditQuerySchema,
          response: { 200: pageSchema(auditRecordSchema) },
        },
        config: { access: ['regulator', 'sysadmin'] },
      },
      async (request) => searchAudit(authed(request), request.query),
    );

    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          tags,
          summary: '校验审计哈希链',
          response: { 200: auditVerificationSchema },
        },
        config: { access: ['regulator', 'sysadmin'] },
      },
      async (request) => verifyAudit(authed(request)),
    );
  };
}
