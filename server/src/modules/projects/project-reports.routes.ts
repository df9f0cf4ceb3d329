import { projectRegistrarRoles, projectReportSchema, reportUploadQuerySchema } from '@eco/contracts';
import { z } from 'zod';
import { validationError } from '../../platform/errors.ts';
import { type App, authed } from '../../platform/http/types.ts';
import { deleteProjectReport, uploadProjectReport } from './project-reports.service.ts';

const tags = ['项目登记'];
const idParams = z.object({ id: z.uuid() });

/** 监测报告 of a project: upload with its number, delete while the project is open. */
export function projectReportRoutes() {
  return async (app: App) => {
    app.post(
      '/api/v1/projects/:id/reports',
      {
        schema: {
          tags,
          summary: '上传监测报告（multipart/form-data，字段 file；仅 PDF；报告编号全平台唯一）',
          params: idParams,
          querystring: reportUploadQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 201: projectReportSchema },
        },
        config: { access: projectRegistrarRoles },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file) throw validationError([{ field: 'file', message: '请选择要上传的报告文件' }]);
        const saved = await uploadProjectReport(authed(request), {
          projectId: request.params.id,
          ...request.query,
          fileName: file.filename,
          source: file.file,
        });
        return reply.code(201).send(saved);
      },
    );

    app.delete(
      '/api/v1/projects/:id/reports/:reportId',
      {
        schema: {
          tags,
          summary: '删除监测报告（未完成或退回的项目；报告编号随之释放）',
          params: idParams.extend({ reportId: z.uuid() }),
        },
        config: { access: projectRegistrarRoles },
      },
      async (request, reply) => {
        await deleteProjectReport(authed(request), request.params.id, request.params.reportId);
        return reply.code(204).send();
      },
    );
  };
}
