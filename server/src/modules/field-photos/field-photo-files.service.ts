import type { Readable } from 'node:stream';
import type { AuthedContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canReadOriginalPhoto, loadTaskForViewer } from '../field-tasks/field-access.ts';
import { findPhotoRow } from './field-photos.queries.ts';

/** The copies of a photo: the original as taken (EXIF and GPS intact) and the two derived ones. */
export const photoVariants = ['thumbnail', 'watermarked', 'original'] as const;
export type PhotoVariant = (typeof photoVariants)[number];

/** What to send: the bytes, their type, and the hash (they never change: the ETag). */
export type PhotoFile = { stream: Readable; mimeType: string; sha256: string; size: number | null };

/**
 * One copy of a photo, for whoever may see its task (assigned staff, the agency's 法人 /
 * 登记人员, the region's regulators; others get 404). Originals carry the position in their
 * EXIF and go only to the agency and the regulator.
 */
export async function openFieldPhotoFile(
  ctx: AuthedContext,
  id: string,
  variant: PhotoVariant,
): Promise<PhotoFile> {
  const photo = await findPhotoRow(ctx.db, id);
  if (!photo) throw notFound('照片');
  const access = await loadTaskForViewer(ctx.db, ctx.actor, photo.taskId);
  switch (variant) {
    case 'thumbnail':
      return {
        stream: ctx.files.open(photo.thumbnailSha256),
        mimeType: 'image/jpeg',
        sha256: photo.thumbnailSha256,
        size: null,
      };
    case 'watermarked':
      return {
        stream: ctx.files.open(photo.watermarkedSha256),
        mimeType: 'image/jpeg',
        sha256: photo.watermarkedSha256,
        size: null,
      };
    case 'original':
      if (!canReadOriginalPhoto(ctx.actor, access.project)) throw forbidden('原图仅向本机构和监管部门提供');
      return {
        stream: ctx.files.open(photo.sha256),
        mimeType: photo.mimeType,
        sha256: photo.sha256,
        size: photo.size,
      };
  }
}
