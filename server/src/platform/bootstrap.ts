import path from 'node:path';
import type { Config } from './config.ts';
import { createAesPiiCipher, loadPiiKey } from './crypto/pii.ts';
import { type Database, openDatabase } from './db/client.ts';
import { createLocalFileStore } from './files/store.ts';
import type { Platform } from './platform.ts';

/** Opens the database (migrated), the file store and the PII key: everything a process needs. */
export async function createPlatform(
  config: Config,
  database?: Database,
): Promise<Platform & { database: Database }> {
  const db = database ?? (await openDatabase(config));
  await db.migrate();
  return {
    config,
    db: db.db,
    database: db,
    files: createLocalFileStore(path.join(config.dataDir, 'files')),
    pii: createAesPiiCipher(loadPiiKey(config)),
    now: () => new Date(),
  };
}
