import { constants, createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { type FieldUploadCreate, type FieldUploadState, fieldPhotoMaxBytes } from '@eco/contracts';
import type { Config } from '../../platform/config.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { detectFileKind } from '../../platform/files/detect.ts';
import type { StagedFile } from '../../platform/files/store.ts';
import { type FieldPhotoRow, findPhotoRow } from './field-photos.queries.ts';
import {
  advanceUploadOffset,
  deleteUpload,
  type FieldUploadRow,
  findUpload,
  insertUpload,
} from './field-uploads.queries.ts';

/** Where unfinished uploads are written, one `<id>.part` file each, outside the file store. */
export function uploadsDir(config: Config): string {
  return path.join(config.dataDir, 'uploads');
}

export function uploadPartPath(config: Config, id: string): string {
  return path.join(uploadsDir(config), `${id}.part`);
}

function stateOf(row: Pick<FieldUploadRow, 'id' | 'size' | 'offset'>): FieldUploadState {
  return { id: row.id, size: row.size, offset: row.offset, isComplete: row.offset === row.size };
}

/** A photo already stored under the upload's id: its upload is complete, whatever happened to the row. */
function storedState(photo: FieldPhotoRow): FieldUploadState {
  return { id: photo.id, size: photo.size, offset: photo.size, isComplete: true };
}

const idTaken = () => new AppError('CONFLICT', '该照片编号已用于另一个文件，请重新拍照');

/**
 * 开始或继续上传: creates the upload (offset 0) or, for the same id, size and SHA-256 sent
 * again by the same person, answers how far it got. A photo already stored is complete.
 */
export async function createUpload(
  ctx: AuthedContext,
  input: FieldUploadCreate,
): Promise<{ state: FieldUploadState; isNew: boolean }> {
  const isSameFile = (row: { userId: string; size: number; sha256: string }) =>
    row.userId === ctx.actor.userId && row.size === input.size && row.sha256 === input.sha256;
  const photo = await findPhotoRow(ctx.db, input.id);
  if (photo) {
    if (!isSameFile(photo)) throw idTaken();
    return { state: storedState(photo), isNew: false };
  }
  const created = await insertUpload(ctx.db, { ...input, userId: ctx.actor.userId, now: ctx.now() });
  if (created) return { state: stateOf(created), isNew: true };
  const existing = await findUpload(ctx.db, input.id);
  if (!existing || !isSameFile(existing)) throw idTaken();
  return { state: stateOf(existing), isNew: false };
}

/** How much of an upload the server holds; only its creator may ask (others get 404). */
export async function getUploadState(ctx: AuthedContext, id: string): Promise<FieldUploadState> {
  const row = await findUpload(ctx.db, id);
  if (row?.userId === ctx.actor.userId) return stateOf(row);
  const photo = await findPhotoRow(ctx.db, id);
  if (photo?.userId === ctx.actor.userId) return storedState(photo);
  throw notFound('上传');
}

const offsetConflict = (held: number) =>
  new AppError('CONFLICT', `上传位置不一致，服务器已接收 ${held} 字节`);

/**
 * Writes `chunk` at `offset` of the upload's temp file, fsyncs it, then moves the offset with a
 * compare-and-set (WHERE offset = the old one). No lock is held: every writer at a position
 * writes the photo's own bytes there (the SHA-256 is checked at the end), so two retries of one
 * chunk cannot spoil the file, and only one of them moves the offset; the other gets 409 with
 * the server's offset, as does any client whose offset is stale.
 */
export async function appendUploadChunk(
  ctx: AuthedContext,
  input: { id: string; offset: number; chunk: Buffer },
): Promise<FieldUploadState> {
  const row = await findUpload(ctx.db, input.id);
  if (!row || row.userId !== ctx.actor.userId) {
    const photo = await findPhotoRow(ctx.db, input.id);
    if (photo?.userId === ctx.actor.userId) return storedState(photo);
    throw notFound('上传');
  }
  if (input.offset !== row.offset) throw offsetConflict(row.offset);
  const to = input.offset + input.chunk.length;
  if (to > row.size) throw new AppError('BAD_REQUEST', `上传内容超出文件大小（${row.size} 字节）`);
  if (input.chunk.length === 0) return stateOf(row);
  const isWritten = await writeChunk(uploadPartPath(ctx.config, row.id), input.offset, input.chunk, row.size);
  if (!isWritten) {
    // The temp file lost bytes it had acknowledged (disk trouble, a manual clean-up): start over.
    await advanceUploadOffset(ctx.db, { id: row.id, from: row.offset, to: 0, now: ctx.now() });
    throw offsetConflict(0);
  }
  if (!(await advanceUploadOffset(ctx.db, { id: row.id, from: row.offset, to, now: ctx.now() }))) {
    const current = await findUpload(ctx.db, row.id);
    throw offsetConflict(current?.offset ?? 0);
  }
  return stateOf({ ...row, offset: to });
}

/**
 * Writes the chunk at `offset` and makes it durable; false when the file holds fewer than
 * `offset` bytes. The last chunk cuts anything past the upload's size (left by a stray write).
 */
async function writeChunk(filePath: string, offset: number, chunk: Buffer, size: number): Promise<boolean> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const handle = await open(filePath, constants.O_WRONLY | constants.O_CREAT, 0o600);
  try {
    if ((await handle.stat()).size < offset) {
      await handle.truncate(0);
      return false;
    }
    let written = 0;
    while (written < chunk.length) {
      const { bytesWritten } = await handle.write(chunk, written, chunk.length - written, offset + written);
      written += bytesWritten;
    }
    if (offset + chunk.length === size) await handle.truncate(size);
    await handle.sync();
    return true;
  } finally {
    await handle.close();
  }
}

/** The photo's bytes are not (all) on the server: the app uploads again. */
export const incompleteUpload = () => new AppError('BAD_REQUEST', '照片未上传完整，请重试');

/** Drops an upload whose bytes can never make a photo (damaged or of a refused type). */
export async function discardUpload(ctx: AuthedContext, id: string): Promise<void> {
  await deleteUpload(ctx.db, id);
  await rm(uploadPartPath(ctx.config, id), { force: true });
}

/** The type of a finished upload by its bytes: JPG or PNG, else 415 and the upload is dropped. */
export async function detectUploadKind(ctx: AuthedContext, upload: FieldUploadRow): Promise<string> {
  const detected = await detectFileKind(uploadPartPath(ctx.config, upload.id)).catch(
    async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await discardUpload(ctx, upload.id);
      throw incompleteUpload();
    },
  );
  if (detected.kind !== 'jpg' && detected.kind !== 'png') {
    await discardUpload(ctx, upload.id);
    throw new AppError('UNSUPPORTED_FILE_TYPE', '仅支持JPG、PNG格式的照片');
  }
  return detected.mime;
}

/**
 * Copies the finished upload into the file store's staging area, checking on the way that its
 * SHA-256 and size are the ones announced; if not, the bytes are dropped and the app uploads again.
 */
export async function stageVerifiedUpload(ctx: AuthedContext, upload: FieldUploadRow): Promise<StagedFile> {
  const source = createReadStream(uploadPartPath(ctx.config, upload.id));
  const staged = await ctx.files
    .stage(source, { maxBytes: fieldPhotoMaxBytes })
    .catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await discardUpload(ctx, upload.id);
      throw incompleteUpload();
    });
  if (staged.sha256 !== upload.sha256 || staged.size !== upload.size) {
    await staged.discard();
    await discardUpload(ctx, upload.id);
    throw incompleteUpload();
  }
  return staged;
}
