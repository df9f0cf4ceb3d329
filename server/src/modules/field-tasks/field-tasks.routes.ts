import {
  fieldProjectDetailSchema,
  fieldProjectListQuerySchema,
  fieldProjectPageSchema,
  fieldSummarySchema,
  fieldTaskActionBodySchema,
  fieldTaskCreateSchema,
  fieldTaskDetailSchema,
  fieldTrackSchema,
  mapConfigSchema,
  projectRegistrarRoles,
  serverClockSchema,
  trackBatchResultSchema,
  trackBatchSchema,
} from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { getFieldProject, getFieldSummary, listFieldProjects } from './field-projects.service.ts';
import {
  createFieldTask,
  getFieldTask,
  listProjectFieldTasks,
  takeFieldTaskAction,
} from './field-tasks.service.ts';
import { getFieldTrack, recordTrackBatch } from './field-track.service.ts';

const tags = ['监测业务'];
const idParams = z.object({ id: z.uuid() });
const fieldStaff = ['field_staff'] as const;
const taskReaders = ['field_staff', ...projectRegistrarRoles, 'regulator'] as const;
const projectReaders = [...projectRegistrarRoles, 'regulator'] as const;

/** The field app's API (在行项目, 监测任务, 监测航迹) and the tasks on the web 办理 / 查看 page. */
export function fieldTaskRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/field/clock',
      {
        schema: { tags, summary: '服务器时间（手机据此校准拍摄时间）', response: { 200: serverClockSchema } },
        config: { access: 'authenticated' },
      },
      async (request, reply) => noStore(reply).send({ serverTime: authed(request).now().toISOString() }),
    );

    app.get(
      '/api/v1/field/map-config',
      {
        schema: { tags, summary: '航迹地图底图配置', response: { 200: mapConfigSchema } },
        config: { access: 'authenticated' },
      },
      async (request) => authed(request).config.map,
    );

    app.get(
      '/api/v1/field/summary',
      {
        schema: { tags, summary: '首页：在行项目数与完成项目数', response: { 200: fieldSummarySchema } },
        config: { access: fieldStaff },
      },
      async (request, reply) => noStore(reply).send(await getFieldSummary(authed(request))),
    );

    app.get(
      '/api/v1/field/projects',
      {
        schema: {
          tags,
          summary: '在行项目 / 完成项目（本人被分派的项目，项目名称模糊查询）',
          querystring: fieldProjectListQuerySchema,
          response: { 200: fieldProjectPageSchema },
        },
        config: { access: fieldStaff },
      },
      async (request, reply) => noStore(reply).send(await listFieldProjects(authed(request), request.query)),
    );

    app.get(
      '/api/v1/field/projects/:id',
      {
        schema: {
          tags,
          summary: '项目详情：监测点位与监测任务',
          params: idParams,
          response: { 200: fieldProjectDetailSchema },
        },
        config: { access: fieldStaff },
      },
      async (request, reply) =>
        noStore(reply).send(await getFieldProject(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/field/tasks',
      {
        schema: {
          tags,
          summary: '添加监测任务（采样人员；同一任务编号重复提交返回已有任务）',
          body: fieldTaskCreateSchema,
          response: { 200: fieldTaskDetailSchema, 201: fieldTaskDetailSchema },
        },
        config: { access: fieldStaff },
      },
      async (request, reply) => {
        const { task, isNew } = await createFieldTask(authed(request), request.body);
        return noStore(reply)
          .code(isNew ? 201 : 200)
          .send(task);
      },
    );

    app.get(
      '/api/v1/field/tasks/:id',
      {
        schema: { tags, summary: '任务详情', params: idParams, response: { 200: fieldTaskDetailSchema } },
        config: { access: taskReaders },
      },
      async (request, reply) => noStore(reply).send(await getFieldTask(authed(request), request.params.id)),
    );

    app.post(
      '/api/v1/field/tasks/:id/actions',
      {
        schema: {
          tags,
          summary: '开始 / 暂停 / 继续 / 暂存 / 结束（同一操作编号只执行一次）',
          params: idParams,
          body: fieldTaskActionBodySchema,
          response: { 200: fieldTaskDetailSchema },
        },
        config: { access: fieldStaff },
      },
      async (request, reply) =>
        noStore(reply).send(await takeFieldTaskAction(authed(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/field/tasks/:id/track',
      {
        schema: {
          tags,
          summary: '上传一批航迹点（同一航迹点只保存一次）',
          params: idParams,
          body: trackBatchSchema,
          response: { 200: trackBatchResultSchema },
        },
        config: { access: fieldStaff },
      },
      async (request) => recordTrackBatch(authed(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/field/tasks/:id/track',
      {
        schema: { tags, summary: '监测航迹', params: idParams, response: { 200: fieldTrackSchema } },
        config: { access: taskReaders },
      },
      async (request, reply) => noStore(reply).send(await getFieldTrack(authed(request), request.params.id)),
    );

    app.get(
      '/api/v1/projects/:id/field-tasks',
      {
        schema: {
          tags,
          summary: '项目的监测任务（办理 / 查看页：环节、照片、航迹）',
          params: idParams,
          response: { 200: z.array(fieldTaskDetailSchema) },
        },
        config: { access: projectReaders },
      },
      async (request, reply) =>
        noStore(reply).send(await listProjectFieldTasks(authed(request), request.params.id)),
    );
  };
}
