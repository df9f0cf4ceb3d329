import { rm } from 'node:fs/promises';
import {
  type FieldPhoto,
  type FieldPhotoCreate,
  type FieldTaskStatus,
  type PhotoTypeRule,
  photoRefusal,
  stagePosts,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import {
  assertProjectTakesFieldWork,
  loadPhotoTypeRules,
  loadTaskForFieldStaff,
} from '../field-tasks/field-access.ts';
import { computeTrustedTime } from '../field-tasks/field-clock.ts';
import { toFieldPhoto } from '../field-tasks/field-task-detail.ts';
import { listTakenPhotoTypes } from '../field-tasks/field-tasks.queries.ts';
import {
  type FieldPhotoRow,
  type FieldPhotoView,
  findPersonnelName,
  findPhotoRow,
  findPhotoView,
  findPointName,
  insertPhotoRow,
} from './field-photos.queries.ts';
import { deleteUpload, findUpload } from './field-uploads.queries.ts';
import { discardUpload, incompleteUpload, uploadPartPath } from './field-uploads.service.ts';
import { computePhotoFlags } from './photo-flags.ts';
import { UnreadablePhotoError } from './photo-pipeline.ts';
import { type PhotoFiles, releasePhotoFiles, storePhotoFiles } from './photo-store.ts';
import { watermarkLines } from './photo-watermark.ts';

/** The API shape of a stored photo (the one mapping the task detail uses too). */
function toPhotoView({ photo, photoTypeLabel, takenByName }: FieldPhotoView): FieldPhoto {
  return toFieldPhoto(
    photo,
    takenByName ?? '',
    new Map([[photo.photoType, photoTypeLabel ?? photo.photoType]]),
  );
}

/** photoRefusal's answer as an error: an unknown type is a bad field, a missing post is 403. */
function assertPhotoAllowed(input: {
  types: readonly PhotoTypeRule[];
  takenCodes: readonly string[];
  typeCode: string;
  status: FieldTaskStatus;
  posts: readonly string[];
}): PhotoTypeRule {
  const refusal = photoRefusal(input);
  const type = input.types.find((t) => t.code === input.typeCode);
  if (!type) throw validationError([{ field: 'photoType', message: refusal ?? '照片类型不存在或已停用' }]);
  if (refusal === null) return type;
  const isPostMissing = input.status === 'running' && !input.posts.includes(stagePosts[type.stage]);
  throw new AppError(isPostMissing ? 'FORBIDDEN' : 'INVALID_STATE', refusal);
}

/** The same id sent again: the stored photo, if it is the same person's photo of the same task. */
function replayed(ctx: AuthedContext, view: FieldPhotoView, input: FieldPhotoCreate): FieldPhoto {
  if (view.photo.taskId !== input.taskId || view.photo.userId !== ctx.actor.userId) {
    throw new AppError('CONFLICT', '该照片编号已用于另一张照片，请重新拍照');
  }
  return toPhotoView(view);
}

/**
 * A twin request may have just stored the photo (and removed its upload): answer with it.
 * Otherwise the error stands; a photo sharp cannot decode also drops its upload.
 */
async function answerTwinOr(
  ctx: AuthedContext,
  input: FieldPhotoCreate,
  error: unknown,
): Promise<{ photo: FieldPhoto; isNew: false }> {
  const twin = await findPhotoView(ctx.db, input.id);
  if (twin) return { photo: replayed(ctx, twin, input), isNew: false };
  if (error instanceof UnreadablePhotoError) {
    await discardUpload(ctx, input.id);
    throw new AppError('BAD_REQUEST', '照片文件已损坏，无法读取，请重新拍照');
  }
  throw error;
}

/**
 * 拍照填报: stores an uploaded photo of a task. Idempotent on the phone's id. The stage rules
 * are checked before the image work (a refused photo costs nothing) and again under the task's
 * lock; the three files are in the store before the row that points at them, and a refusal or
 * failure leaves neither a row nor a file of its own behind. A refusal about the task keeps the
 * upload, so that the photo can be sent again without its bytes; one about the bytes drops it.
 */
export async function createFieldPhoto(
  ctx: AuthedContext,
  input: FieldPhotoCreate,
): Promise<{ photo: FieldPhoto; isNew: boolean }> {
  const stored = await findPhotoView(ctx.db, input.id);
  if (stored) return { photo: replayed(ctx, stored, input), isNew: false };

  const access = await loadTaskForFieldStaff(ctx.db, ctx.actor, input.taskId);
  const personnelId = ctx.actor.personnelId;
  if (!personnelId) throw new AppError('FORBIDDEN', '只有监测人员可以在现场填报');
  assertProjectTakesFieldWork(access.project);
  const [types, takenCodes, upload, personName, pointName] = await Promise.all([
    loadPhotoTypeRules(ctx.db),
    listTakenPhotoTypes(ctx.db, input.taskId),
    findUpload(ctx.db, input.id),
    findPersonnelName(ctx.db, personnelId),
    findPointName(ctx.db, access.task.itemId),
  ]);
  const rule = { types, typeCode: input.photoType };
  const type = assertPhotoAllowed({ ...rule, takenCodes, status: access.task.status, posts: access.posts });
  if (!upload || upload.userId !== ctx.actor.userId || upload.offset !== upload.size) {
    return answerTwinOr(ctx, input, incompleteUpload());
  }
  const trusted = computeTrustedTime(input.clock, ctx.now(), ctx.config.field.clockToleranceSeconds);
  const lines = watermarkLines({
    projectName: access.project.name,
    pointName,
    photoTypeLabel: type.label,
    personName: personName ?? ctx.actor.displayName,
    capturedAt: trusted.at,
    position: input.position,
  });
  let files: PhotoFiles;
  try {
    files = await storePhotoFiles(ctx, upload, lines);
  } catch (error) {
    return answerTwinOr(ctx, input, error);
  }
  const { flags, distanceM } = computePhotoFlags({
    site: access.project,
    position: input.position,
    exif: files.exif,
    capturedAt: trusted.at,
    isClockChanged: trusted.isClockChanged,
    farFromSiteMeters: ctx.config.field.farFromSiteMeters,
    exifToleranceMinutes: ctx.config.field.exifToleranceMinutes,
  });

  let result: { row: FieldPhotoRow; isNew: boolean };
  try {
    result = await ctx.db.transaction(async (tx) => {
      const locked = await loadTaskForFieldStaff(tx, ctx.actor, input.taskId, { forUpdate: true });
      assertProjectTakesFieldWork(locked.project);
      const twin = await findPhotoRow(tx, input.id);
      if (twin) return { row: twin, isNew: false };
      assertPhotoAllowed({
        ...rule,
        takenCodes: await listTakenPhotoTypes(tx, input.taskId),
        status: locked.task.status,
        posts: locked.posts,
      });
      const row = await insertPhotoRow(tx, {
        id: input.id,
        taskId: input.taskId,
        projectId: locked.project.id,
        agencyId: locked.project.agencyId,
        photoType: type.code,
        stage: type.stage,
        remark: input.remark || null,
        personnelId,
        userId: ctx.actor.userId,
        sha256: files.original.sha256,
        size: files.original.size,
        mimeType: files.mimeType,
        width: files.width,
        height: files.height,
        thumbnailSha256: files.thumbnail.sha256,
        watermarkedSha256: files.watermarked.sha256,
        deviceTime: new Date(input.clock.deviceTime),
        capturedAt: trusted.at,
        latitude: input.position?.latitude ?? null,
        longitude: input.position?.longitude ?? null,
        accuracy: input.position?.accuracy ?? null,
        positionError: input.position ? null : (input.positionError ?? null),
        distanceM,
        exifTime: files.exif.time,
        exifLatitude: files.exif.latitude,
        exifLongitude: files.exif.longitude,
        flags,
        createdAt: ctx.now(),
      });
      await appendAudit(tx, ctx, {
        action: 'field_photo.create',
        targetType: 'field_photo',
        targetId: row.id,
        agencyId: row.agencyId,
        after: { taskId: row.taskId, photoType: row.photoType, stage: row.stage, sha256: row.sha256, flags },
      });
      await deleteUpload(tx, input.id);
      return { row, isNew: true };
    });
  } catch (error) {
    await releasePhotoFiles(ctx, files.added);
    throw error;
  }
  await rm(uploadPartPath(ctx.config, input.id), { force: true });
  if (!result.isNew) {
    // The same photo was stored by a twin request meanwhile: answer with that one.
    await releasePhotoFiles(ctx, files.added);
    return answerTwinOr(ctx, input, new AppError('CONFLICT'));
  }
  const view = { photo: result.row, photoTypeLabel: type.label, takenByName: personName };
  return { photo: toPhotoView(view), isNew: result.isNew };
}
