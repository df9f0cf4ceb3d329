import type { FieldUploadState } from '@eco/contracts';
import { ApiError, getJson, patchBytes, postJson } from '../../app/api.ts';

/** The chunk size the server expects (fieldUploadChunkBytes in contracts; a runtime import would pull in zod). */
const chunkBytes = 512 * 1024;

/** The SHA-256 of a photo's bytes, as lowercase hex. */
export async function hashBlob(blob: Blob): Promise<string> {
  if (!crypto.subtle) throw new Error('当前页面不是安全连接（HTTPS），无法计算照片摘要');
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Uploads the photo's bytes in chunks, resuming from wherever the server got to (after a dropped
 * connection, a reload, or a chunk sent twice: a 409 means the offsets disagree, so ask again).
 */
export async function uploadPhotoBytes(
  photoId: string,
  blob: Blob,
  sha256: string,
  onProgress: (percent: number) => Promise<void>,
): Promise<void> {
  let state = await postJson<FieldUploadState>('/api/v1/field/uploads', {
    id: photoId,
    size: blob.size,
    sha256,
  });
  let conflicts = 0;
  while (!state.isComplete && state.offset < blob.size) {
    await onProgress(Math.floor((state.offset / blob.size) * 100));
    const chunk = blob.slice(state.offset, state.offset + chunkBytes);
    try {
      state = await patchBytes<FieldUploadState>(`/api/v1/field/uploads/${photoId}`, chunk, {
        'Upload-Offset': String(state.offset),
        'Content-Type': 'application/offset+octet-stream',
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409) || ++conflicts > 3) throw error;
      state = await getJson<FieldUploadState>(`/api/v1/field/uploads/${photoId}`);
    }
  }
  await onProgress(100);
}
