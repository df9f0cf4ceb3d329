import { getJson, isTransientError } from '../../app/api.ts';
import { readMeta, writeMeta } from './db.ts';

/** A GET answer, and whether it is the copy kept on the phone because the server was unreachable. */
export type WithOfflineCopy<T> = { data: T; isOffline: boolean };

/**
 * GETs JSON and keeps a copy (after `strip` removes what the phone must not keep), so that the
 * page still opens offline; the copy is used only when the server cannot be reached.
 */
export async function getJsonWithOfflineCopy<T>(
  path: string,
  strip: (value: T) => T = (value) => value,
): Promise<WithOfflineCopy<T>> {
  try {
    const data = await getJson<T>(path);
    await writeMeta(`cache:${path}`, strip(data)).catch(() => undefined);
    return { data, isOffline: false };
  } catch (error) {
    if (!isTransientError(error)) throw error;
    const copy = await readMeta(`cache:${path}`).catch(() => undefined);
    if (copy === undefined) throw error;
    // The copy was written by this function for the same path, so it has the same shape.
    return { data: copy as T, isOffline: true };
  }
}
