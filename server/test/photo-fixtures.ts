import { createHash, randomUUID } from 'node:crypto';
import piexif from 'piexifjs';
import sharp from 'sharp';
import type { App } from '../src/platform/http/types.ts';

/** A signed-in session (harness Session has these), without pulling the vitest harness into benchmarks. */
type Session = { cookie: string; csrfToken: string };
const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

export type JpegOptions = {
  width: number;
  height: number;
  /** Written as EXIF GPS tags (WGS-84). */
  gps?: { lat: number; lng: number };
  /** Written as EXIF DateTimeOriginal, in China time (the tag has no zone, as phones write it). */
  exifTime?: Date;
  /** EXIF Orientation (1–8); 6 means the camera was turned 90° clockwise. */
  orientation?: number;
  /** JPEG quality; photos from phones are about 90. */
  quality?: number;
  /** Seed of the picture's colours, so that each fixture has its own bytes (and SHA-256). */
  seed?: number;
};

/** 'YYYY:MM:DD HH:mm:ss' of `at` in China time (UTC+8), the way a phone in China writes it. */
export function exifDateTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10).replaceAll('-', ':')} ${local.slice(11, 19)}`;
}

/**
 * A real JPEG: a noisy gradient (it compresses like a photo, not like a flat colour), encoded by
 * sharp, with DateTimeOriginal and GPS tags written by piexifjs when asked.
 */
export async function makeJpeg(options: JpegOptions): Promise<Buffer> {
  const { width, height } = options;
  const seed = options.seed ?? Math.floor(Math.random() * 1_000_000);
  const hue = seed % 360;
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="hsl(${hue},55%,62%)"/>
        <stop offset="1" stop-color="hsl(${(hue + 140) % 360},45%,28%)"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
    </svg>`,
  );
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 22 },
    },
  })
    .blur(0.8)
    .png({ compressionLevel: 0 })
    .toBuffer();
  const jpeg = await sharp(gradient)
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: options.quality ?? 90 })
    .toBuffer();
  return writeExif(jpeg, options);
}

function writeExif(jpeg: Buffer, options: JpegOptions): Buffer {
  const { gps, exifTime, orientation } = options;
  if (!gps && !exifTime && !orientation) return jpeg;
  const zeroth: Record<number, unknown> = {
    [piexif.ImageIFD.Make]: 'EcoTest',
    [piexif.ImageIFD.Model]: 'Fixture',
  };
  if (orientation) zeroth[piexif.ImageIFD.Orientation] = orientation;
  const exif: Record<number, unknown> = {};
  if (exifTime) exif[piexif.ExifIFD.DateTimeOriginal] = exifDateTime(exifTime);
  const gpsTags: Record<number, unknown> = {};
  if (gps) {
    gpsTags[piexif.GPSIFD.GPSVersionID] = [2, 3, 0, 0];
    gpsTags[piexif.GPSIFD.GPSLatitudeRef] = gps.lat >= 0 ? 'N' : 'S';
    gpsTags[piexif.GPSIFD.GPSLatitude] = piexif.GPSHelper.degToDmsRational(Math.abs(gps.lat));
    gpsTags[piexif.GPSIFD.GPSLongitudeRef] = gps.lng >= 0 ? 'E' : 'W';
    gpsTags[piexif.GPSIFD.GPSLongitude] = piexif.GPSHelper.degToDmsRational(Math.abs(gps.lng));
  }
  const dump = piexif.dump({ '0th': zeroth, Exif: exif, GPS: gpsTags });
  return Buffer.from(piexif.insert(dump, jpeg.toString('binary')), 'binary');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** PATCH one chunk of an upload, as the field app sends it. */
export function patchChunk(app: App, session: Session, id: string, offset: number, chunk: Buffer) {
  return app.inject({
    method: 'PATCH',
    url: `/api/v1/field/uploads/${id}`,
    headers: {
      ...as(session),
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
    },
    payload: chunk,
  });
}

/** Uploads `bytes` under `id` in `chunks` roughly equal parts; throws if the server refuses one. */
export async function uploadPhotoBytes(
  app: App,
  session: Session,
  bytes: Buffer,
  options: { id?: string; chunks?: number } = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/field/uploads',
    headers: as(session),
    payload: { id, size: bytes.length, sha256: sha256Hex(bytes) },
  });
  if (created.statusCode !== 201) throw new Error(`upload create ${created.statusCode} ${created.body}`);
  const step = Math.ceil(bytes.length / (options.chunks ?? 1));
  for (let offset = 0; offset < bytes.length; offset += step) {
    const res = await patchChunk(app, session, id, offset, bytes.subarray(offset, offset + step));
    if (res.statusCode !== 200) throw new Error(`upload chunk ${res.statusCode} ${res.body}`);
  }
  return id;
}
