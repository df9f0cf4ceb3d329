import { fieldUploadCreateSchema, fieldUploadMaxChunkBytes, fieldUploadStateSchema } from '@eco/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { appendUploadChunk, createUpload, getUploadState } from './field-uploads.service.ts';

const tags = ['现场照片'];
const access = ['field_staff'] as const;
const idParams = z.object({ id: z.uuid() });
/** The chunk plus room for nothing else: the body is the raw bytes. */
const chunkBodyLimit = fieldUploadMaxChunkBytes + 1024;
export const chunkContentType = 'application/offset+octet-stream';

/**
 * Resumable photo uploads (tus-like): POST announces id, size and SHA-256; PATCH appends raw
 * bytes at `Upload-Offset`; GET says how far the server got, after a dropped connection.
 */
export function fieldUploadRoutes() {
  return async (app: App) => {
    app.addContentTypeParser(
      chunkContentType,
      { parseAs: 'buffer', bodyLimit: chunkBodyLimit },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/api/v1/field/uploads',
      {
        schema: {
          tags,
          summary: '开始或继续上传照片（同一编号、大小和摘要再次提交时返回已接收的字节数）',
          body: fieldUploadCreateSchema,
          response: { 200: fieldUploadStateSchema, 201: fieldUploadStateSchema },
        },
        config: { access },
      },
      async (request, reply) => {
        const { state, isNew } = await createUpload(authed(request), request.body);
        return noStore(reply)
          .code(isNew ? 201 : 200)
          .send(state);
      },
    );

    app.get(
      '/api/v1/field/uploads/:id',
      {
        schema: {
          tags,
          summary: '照片上传进度（断点续传时查询已接收的字节数）',
          params: idParams,
          response: { 200: fieldUploadStateSchema },
        },
        config: { access },
      },
      async (request, reply) => noStore(reply).send(await getUploadState(authed(request), request.params.id)),
    );

    app.patch(
      '/api/v1/field/uploads/:id',
      {
        schema: {
          tags,
          summary: `上传照片的一段（Content-Type: ${chunkContentType}，Upload-Offset 为这段的起始位置）`,
          params: idParams,
          headers: z.looseObject({
            'upload-offset': z
              .string({ error: '缺少 Upload-Offset 请求头' })
              .regex(/^\d{1,12}$/, 'Upload-Offset 格式不正确'),
          }),
          response: { 200: fieldUploadStateSchema },
        },
        bodyLimit: chunkBodyLimit,
        config: { access },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError('BAD_REQUEST', `请以 ${chunkContentType} 上传照片内容`);
        }
        const state = await appendUploadChunk(authed(request), {
          id: request.params.id,
          offset: Number(request.headers['upload-offset']),
          chunk: request.body,
        });
        return noStore(reply).send(state);
      },
    );
  };
}
