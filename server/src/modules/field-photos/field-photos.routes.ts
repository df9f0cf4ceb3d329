import { fieldPhotoCreateSchema, fieldPhotoSchema } from '@eco/contracts';
import { z } from 'zod';
import { type App, authed, noStore } from '../../platform/http/types.ts';
import { openFieldPhotoFile, type PhotoVariant } from './field-photo-files.service.ts';
import { createFieldPhoto } from './field-photos.service.ts';

const tags = ['现场照片'];
const idParams = z.object({ id: z.uuid() });
/** Who may ask for a photo's copies at all; loadTaskForViewer then decides per task. */
const readers = ['field_staff', 'agency_admin', 'agency_registrar', 'regulator'] as const;

const fileRoutes: { variant: PhotoVariant; summary: string }[] = [
  { variant: 'thumbnail', summary: '照片缩略图（不含EXIF）' },
  { variant: 'watermarked', summary: '带水印的照片（项目、点位、拍摄人、时间、坐标；不含EXIF）' },
  { variant: 'original', summary: '原图（含EXIF与定位，仅向本机构和监管部门提供）' },
];

export function fieldPhotoRoutes() {
  return async (app: App) => {
    app.post(
      '/api/v1/field/photos',
      {
        schema: {
          tags,
          summary: '拍照填报：登记已上传的照片（同一照片编号重复提交只保存一次）',
          body: fieldPhotoCreateSchema,
          response: { 200: fieldPhotoSchema, 201: fieldPhotoSchema },
        },
        config: { access: ['field_staff'] },
      },
      async (request, reply) => {
        const { photo, isNew } = await createFieldPhoto(authed(request), request.body);
        return noStore(reply)
          .code(isNew ? 201 : 200)
          .send(photo);
      },
    );

    for (const { variant, summary } of fileRoutes) {
      app.get(
        `/api/v1/field/photos/:id/${variant}`,
        { schema: { tags, summary, params: idParams }, config: { access: readers } },
        async (request, reply) => {
          const file = await openFieldPhotoFile(authed(request), request.params.id, variant);
          reply
            .header('Content-Type', file.mimeType)
            .header('Content-Disposition', 'inline')
            // Immutable content (the address of the bytes is their hash), private to the viewer.
            .header('Cache-Control', 'private, max-age=86400')
            .header('ETag', `"${file.sha256}"`);
          if (file.size !== null) reply.header('Content-Length', file.size);
          return reply.send(file.stream);
        },
      );
    }
  };
}
