import { attachmentOwnerTypes, attachmentSchema, renameAttachmentBodySchema } from '@eco/contracts';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, authed } from '../../platform/http/types.ts';
import {
  deleteAttachment,
  listAttachments,
  openAttachment,
  renameAttachment,
  uploadAttachment,
} from './attachments.service.ts';

const tags = ['附件'];
const ownerQuery = z.object({ ownerType: z.enum(attachmentOwnerTypes), ownerId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

export function attachmentRoutes() {
  return async (app: App) => {
    app.get(
      '/api/v1/attachments',
      {
        schema: {
          tags,
          summary: '某一记录的附件',
          querystring: ownerQuery,
          response: { 200: z.object({ items: z.array(attachmentSchema) }) },
        },
        config: { access: 'authenticated' },
      },
      async (request) => ({
        items: await listAttachments(authed(request), request.query.ownerType, request.query.ownerId),
      }),
    );

    app.post(
      '/api/v1/attachments',
      {
        schema: {
          tags,
          summary: '上传附件（multipart/form-data，字段 file；大小、数量、类型按附件类型字典限制）',
          querystring: ownerQuery.extend({ category: z.string().min(1).max(60) }),
          consumes: ['multipart/form-data'],
          response: { 201: attachmentSchema },
        },
        config: { access: 'authenticated' },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file)
          throw new AppError('VALIDATION', '请选择要上传的文件', [
            { field: 'file', message: '请选择要上传的文件' },
          ]);
        const saved = await uploadAttachment(authed(request), {
          ...request.query,
          fileName: file.filename,
          source: file.file,
        });
        return reply.code(201).send(saved);
      },
    );

    app.get(
      '/api/v1/attachments/:id/download',
      {
        schema: {
          tags,
          summary: '下载附件（原文件名）',
          params: idParams,
          querystring: z.object({ inline: z.stringbool().optional() }),
        },
        config: { access: 'authenticated' },
      },
      async (request, reply) => {
        const file = await openAttachment(authed(request), request.params.id);
        const type = request.query.inline ? 'inline' : 'attachment';
        return reply
          .header('Content-Type', file.mimeType)
          .header('Content-Length', file.size)
          .header('Content-Disposition', contentDisposition(file.fileName, { type }))
          .header('Cache-Control', 'private, no-store')
          .send(file.stream);
      },
    );

    app.patch(
      '/api/v1/attachments/:id',
      {
        schema: {
          tags,
          summary: '附件改名',
          params: idParams,
          body: renameAttachmentBodySchema,
          response: { 200: attachmentSchema },
        },
        config: { access: 'authenticated' },
      },
      async (request) => renameAttachment(authed(request), request.params.id, request.body.fileName),
    );

    app.delete(
      '/api/v1/attachments/:id',
      { schema: { tags, summary: '删除附件', params: idParams }, config: { access: 'authenticated' } },
      async (request, reply) => {
        await deleteAttachment(authed(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
