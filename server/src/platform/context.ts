import type { Role } from '@eco/contracts';
import type { Config } from './config.ts';
import type { PiiCipher } from './crypto/pii.ts';
import type { Db } from './db/client.ts';
import type { FileStore } from './files/store.ts';

/** Who is acting: built from the session for every request. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  personnelId: string | null;
  regionCode: string | null;
};

export type Log = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

/** What every service function receives first: plain infrastructure, no HTTP. */
export type ServiceContext = {
  db: Db;
  actor: Actor | null;
  files: FileStore;
  pii: PiiCipher;
  log: Log;
  now: () => Date;
  meta: RequestMeta;
  config: Config;
};

export type AuthedContext = ServiceContext & { actor: Actor };
