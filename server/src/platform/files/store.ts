import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file written to temporary storage, hashed, not yet part of the store. */
export type StagedFile = {
  tempPath: string;
  sha256: string;
  size: number;
  /** Moves the bytes into the store under their hash (durably); idempotent for equal content. */
  commit: () => Promise<void>;
  discard: () => Promise<void>;
};

/** Content-addressed file storage; a local-disk store now, an S3-compatible one can implement it later. */
export type FileStore = {
  stage: (source: Readable, options: { maxBytes: number }) => Promise<StagedFile>;
  open: (sha256: string) => Readable;
  exists: (sha256: string) => Promise<boolean>;
  remove: (sha256: string) => Promise<void>;
};

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
  }
}

function assertSha(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Stores each file at root/ab/cd/<sha256>: temp file, fsync, rename, fsync of the folder. */
export function createLocalFileStore(root: string): FileStore {
  const tempDir = path.join(root, 'tmp');
  const blobPath = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    async stage(source, { maxBytes }) {
      await mkdir(tempDir, { recursive: true });
      const tempPath = path.join(tempDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }));
        await fsyncPath(tempPath);
      } catch (error) {
        await rm(tempPath, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      return {
        tempPath,
        sha256,
        size,
        async commit() {
          const target = blobPath(sha256);
          await mkdir(path.dirname(target), { recursive: true });
          const present = await stat(target).then(
            () => true,
            () => false,
          );
          if (present) {
            await rm(tempPath, { force: true });
            return;
          }
          await rename(tempPath, target);
          await fsyncPath(path.dirname(target));
        },
        discard: () => rm(tempPath, { force: true }),
      };
    },
    open(sha256) {
      assertSha(sha256);
      return createReadStream(blobPath(sha256));
    },
    async exists(sha256) {
      assertSha(sha256);
      return stat(blobPath(sha256)).then(
        () => true,
        () => false,
      );
    },
    async remove(sha256) {
      assertSha(sha256);
      await rm(blobPath(sha256), { force: true });
    },
  };
}
