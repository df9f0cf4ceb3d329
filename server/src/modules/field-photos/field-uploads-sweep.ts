import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Log } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { deleteStaleUploads, findExistingUploadIds } from './field-uploads.queries.ts';
import { uploadPartPath, uploadsDir } from './field-uploads.service.ts';

const partName = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.part$/;

/**
 * Deletes the uploads nobody touched since `olderThan` (a photo abandoned on a phone) with their
 * temp files, and temp files older than that without a row (left by a crash between the two).
 * Returns how many uploads and stray files were removed.
 */
export async function sweepAbandonedUploads(
  db: Db,
  config: Config,
  olderThan: Date,
): Promise<{ uploads: number; strayFiles: number }> {
  const ids = await deleteStaleUploads(db, olderThan);
  for (const id of ids) await rm(uploadPartPath(config, id), { force: true });

  const dir = uploadsDir(config);
  const names = await readdir(dir).catch(() => [] as string[]);
  const candidates: string[] = [];
  for (const name of names) {
    const id = partName.exec(name)?.[1];
    if (!id) continue;
    const modified = await stat(path.join(dir, name)).then(
      (s) => s.mtime,
      () => null,
    );
    if (modified && modified < olderThan) candidates.push(id);
  }
  const live = await findExistingUploadIds(db, candidates);
  const stray = candidates.filter((id) => !live.has(id));
  for (const id of stray) await rm(uploadPartPath(config, id), { force: true });
  return { uploads: ids.length, strayFiles: stray.length };
}

/** Sweeps abandoned uploads now and every hour; the timer does not keep the process alive. */
export function scheduleUploadSweep(db: Db, config: Config, now: () => Date, log: Log): void {
  const ttlMs = config.field.uploadTtlHours * 3600 * 1000;
  const sweep = () =>
    sweepAbandonedUploads(db, config, new Date(now().getTime() - ttlMs)).then(
      (swept) => {
        if (swept.uploads + swept.strayFiles > 0) log.info(swept, 'abandoned field photo uploads removed');
      },
      (error: unknown) => log.error({ err: error }, 'field upload sweep failed'),
    );
  void sweep();
  setInterval(sweep, 60 * 60 * 1000).unref();
}
