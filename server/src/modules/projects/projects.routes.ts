import {
  assignableStaffSchema,
  projectDetailSchema,
  projectFilterSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectPageSchema,
  projectRegistrarRoles,
} from '@eco/contracts';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { getProjectDetail } from './project-detail.ts';
import { createProject } from './project-registration.service.ts';
import { registerProjectAttachments } from './projects.attachments.ts';
import { projectExportFileName, streamProjectsXlsx } from './projects.export.ts';
import { deleteProject, getAssignableStaff, listProjects } from './projects.service.ts';

const tags = ['项目'];
const idParams = z.object({ id: z.uuid() });
const registrars = projectRegistrarRoles;
const readers = [...projectRegistrarRoles, 'regulator'] as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function projectRoutes() {
  registerProjectAttachments();
  return async (app: App) => {
    app.get(
      '/api/v1/projects',
      {
        schema: {
          tags,
          summary: '查询统计（项目名称模糊查询，按编号、状态、区域筛选；机构看本机构，监管部门看本辖区）',
          querystring: projectListQuerySchema,
          response: { 200: projectPageSchema },
        },
        config: { access: readers },
      },
      async (request, reply) => noStore(reply).send(await listProjects(authed(request), request.query)),
    );

    app.get(
      '/api/v1/projects/export',
      {
        schema: { tags, summary: '导出当前查询的全部项目（.xlsx）', querystring: projectFilterSchema },
        config: { access: readers },
      },
      async (request, reply) => {
        const ctx = authed(request);
        const stream = streamProjectsXlsx(ctx, request.query);
        return noStore(reply)
          .header('Content-Type', xlsxType)
          .header('Content-Disposition', contentDisposition(projectExportFileName(ctx.now())))
          .send(stream);
      },
    );

    app.get(
      '/api/v1/projects/assignable-staff',
      {
        schema: {
          tags,
          summary: '可分派到监测信息的本机构人员（已审核通过，具备采样、送样或实验室分析岗位）',
          response: { 200: z.object({ items: z.array(assignableStaffSchema) }) },
        },
        config: { access: registrars },
      },
      async (request, reply) => noStore(reply).send({ items: await getAssignableStaff(authed(request)) }),
    );

    app.post(
      '/api/v1/projects',
      {
        schema: {
          tags,
          summary: '项目登记（保存）；附件资料先以 project_draft 上传到表单标识；重复保存返回已登记的项目',
          body: projectInputSchema,
          response: { 200: projectDetailSchema, 201: projectDetailSchema },
        },
        config: { access: registrars },
      },
      async (request, reply) => {
        const { project, isNew } = await createProject(authed(request), request.body);
        return noStore(reply)
          .code(isNew ? 201 : 200)
          .send(project);
      },
    );

    app.get(
      '/api/v1/projects/:id',
      {
        schema: {
          tags,
          summary: '办理 / 查看项目',
          params: idParams,
          response: { 200: projectDetailSchema },
        },
        config: { access: readers },
      },
      async (request, reply) =>
        noStore(reply).send(await getProjectDetail(authed(request), request.params.id)),
    );

    app.delete(
      '/api/v1/projects/:id',
      {
        schema: { tags, summary: '删除项目（仅未完成或退回的项目）', params: idParams },
        config: { access: registrars },
      },
      async (request, reply) => {
        await deleteProject(authed(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
