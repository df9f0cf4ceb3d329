import type { Config } from './config.ts';
import type { PiiCipher } from './crypto/pii.ts';
import type { Db } from './db/client.ts';
import type { FileStore } from './files/store.ts';

/** The long-lived infrastructure the app is built on: one per process. */
export type Platform = {
  config: Config;
  db: Db;
  files: FileStore;
  pii: PiiCipher;
  now: () => Date;
};
