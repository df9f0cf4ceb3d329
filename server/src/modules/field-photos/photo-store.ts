import { Readable } from 'node:stream';
import { fieldPhotoMaxBytes } from '@eco/contracts';
import type { AuthedContext } from '../../platform/context.ts';
import { isStoredFileReferenced } from '../../platform/files/references.ts';
import type { StagedFile } from '../../platform/files/store.ts';
import type { FieldUploadRow } from './field-uploads.queries.ts';
import { detectUploadKind, stageVerifiedUpload, uploadPartPath } from './field-uploads.service.ts';
import { type PhotoExif, readPhotoExif, renderPhotoCopies } from './photo-pipeline.ts';

/** A photo's three files, durably in the store; `added` are the hashes this request put there. */
export type PhotoFiles = {
  original: StagedFile;
  mimeType: string;
  thumbnail: StagedFile;
  watermarked: StagedFile;
  added: string[];
  exif: PhotoExif;
  width: number;
  height: number;
};

async function discardAll(results: PromiseSettledResult<StagedFile | StagedFile[]>[]): Promise<void> {
  const staged = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value].flat() : []));
  await Promise.all(staged.map((f) => f.discard()));
}

/** EXIF and the two derived copies, staged (not yet committed). */
async function stageCopies(ctx: AuthedContext, source: string, lines: readonly string[]) {
  const [exif, copies] = await Promise.all([readPhotoExif(source), renderPhotoCopies(source, lines)]);
  const staged = await Promise.allSettled(
    [copies.thumbnail, copies.watermarked].map((copy) =>
      ctx.files.stage(Readable.from(copy), { maxBytes: fieldPhotoMaxBytes }),
    ),
  );
  const [thumbnail, watermarked] = staged;
  if (thumbnail?.status !== 'fulfilled' || watermarked?.status !== 'fulfilled') {
    await discardAll(staged);
    const failed = staged.find((r) => r.status === 'rejected');
    throw failed?.status === 'rejected' ? failed.reason : new Error('copy not staged');
  }
  return { exif, width: copies.width, height: copies.height, files: [thumbnail.value, watermarked.value] };
}

/**
 * The file work of an ingest, from a finished upload: the type by the bytes (JPG or PNG), then
 * at the same time the original copied into the store's staging area with its SHA-256 checked
 * (I/O) and the EXIF, thumbnail and watermarked copy made from the upload (CPU), then all three
 * committed. On any failure nothing of it stays staged; committed files are the caller's to
 * release (releasePhotoFiles) if no row comes to point at them.
 */
export async function storePhotoFiles(
  ctx: AuthedContext,
  upload: FieldUploadRow,
  lines: readonly string[],
): Promise<PhotoFiles> {
  const mimeType = await detectUploadKind(ctx, upload);
  const source = uploadPartPath(ctx.config, upload.id);
  const [original, copies] = await Promise.allSettled([
    stageVerifiedUpload(ctx, upload),
    stageCopies(ctx, source, lines),
  ]);
  if (original.status === 'rejected') {
    await discardAll(
      copies.status === 'fulfilled' ? [{ status: 'fulfilled', value: copies.value.files }] : [],
    );
    throw original.reason;
  }
  if (copies.status === 'rejected') {
    await original.value.discard();
    throw copies.reason;
  }
  const [thumbnail, watermarked] = copies.value.files;
  if (!thumbnail || !watermarked) throw new Error('copies missing');
  const all = [original.value, thumbnail, watermarked];
  const added = await Promise.all(
    all.map(async (file) => {
      const isPresent = await ctx.files.exists(file.sha256);
      await file.commit();
      return isPresent ? [] : [file.sha256];
    }),
  );
  const { exif, width, height } = copies.value;
  return {
    original: original.value,
    mimeType,
    thumbnail,
    watermarked,
    added: added.flat(),
    exif,
    width,
    height,
  };
}

/** Removes files this request added to the store that no row refers to. */
export async function releasePhotoFiles(ctx: AuthedContext, hashes: readonly string[]): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    if (!(await isStoredFileReferenced(ctx.db, sha256))) await ctx.files.remove(sha256);
  }
}
