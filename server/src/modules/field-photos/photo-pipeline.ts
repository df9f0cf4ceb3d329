import exifr from 'exifr';
import sharp from 'sharp';
import { renderWatermarkBand } from './photo-watermark.ts';

/** The longest side of the thumbnail (list views) and of the watermarked copy (the 办理 page). */
export const thumbnailMaxSide = 480;
export const watermarkedMaxSide = 1920;
const thumbnailQuality = 70;
const watermarkedQuality = 82;

/** What the photo's own EXIF says; any part may be missing (pickers and apps strip it). */
export type PhotoExif = { time: Date | null; latitude: number | null; longitude: number | null };

/** The photo's upright size and its two derived copies (JPEG, without any metadata). */
export type PhotoCopies = { width: number; height: number; thumbnail: Buffer; watermarked: Buffer };

/** The image could not be decoded (damaged, or not really what its header says). */
export class UnreadablePhotoError extends Error {
  constructor(cause: unknown) {
    super('photo could not be decoded', { cause });
  }
}

const exifTags = ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTime'];

/**
 * EXIF 'YYYY:MM:DD HH:mm:ss' has no zone: it is read in China time (UTC+8) unless the photo
 * carries an OffsetTime tag ('+08:00'), which wins. Anything else is no time.
 */
export function parseExifTime(value: unknown, offset?: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const zone =
    typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(at.getTime()) || y === '0000' ? null : at;
}

function validCoordinate(value: unknown, limit: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/**
 * DateTimeOriginal (else CreateDate) and the GPS position from the photo's EXIF. exifr reads
 * only the file's first chunk. Broken or absent EXIF is no EXIF: it never refuses a photo.
 */
export async function readPhotoExif(input: string | Buffer): Promise<PhotoExif> {
  const none: PhotoExif = { time: null, latitude: null, longitude: null };
  const tags: unknown = await exifr
    .parse(input, {
      tiff: false,
      exif: { pick: exifTags },
      gps: true,
      reviveValues: false,
      translateValues: false,
    })
    .catch(() => null);
  if (!tags || typeof tags !== 'object') return none;
  const found = tags as Record<string, unknown>;
  const time =
    parseExifTime(found.DateTimeOriginal, found.OffsetTimeOriginal) ??
    parseExifTime(found.CreateDate, found.OffsetTime);
  const latitude = validCoordinate(found.latitude, 90);
  const longitude = validCoordinate(found.longitude, 180);
  // Some phones write 0/0 when they had no fix.
  const hasPosition = latitude !== null && longitude !== null && (latitude !== 0 || longitude !== 0);
  return {
    time,
    latitude: hasPosition ? latitude : null,
    longitude: hasPosition ? longitude : null,
  };
}

/**
 * Decodes the photo once (upright, shrunk on load to the watermarked size), then makes from
 * those pixels the watermarked copy (the band of `lines` burned in at the bottom) and the
 * thumbnail. sharp writes no metadata unless asked, so neither copy carries EXIF or GPS.
 */
export async function renderPhotoCopies(
  input: string | Buffer,
  lines: readonly string[],
): Promise<PhotoCopies> {
  try {
    const meta = await sharp(input).metadata();
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const { data, info } = await sharp(input, { failOn: 'error' })
      .rotate()
      .resize(watermarkedMaxSide, watermarkedMaxSide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    const band = renderWatermarkBand(lines, info.width, info.height);
    const [watermarked, thumbnail] = await Promise.all([
      sharp(data, raw)
        .composite([{ input: band.svg, top: info.height - band.height, left: 0 }])
        .jpeg({ quality: watermarkedQuality })
        .toBuffer(),
      sharp(data, raw)
        .resize(thumbnailMaxSide, thumbnailMaxSide, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: thumbnailQuality })
        .toBuffer(),
    ]);
    return { width: upright.width, height: upright.height, thumbnail, watermarked };
  } catch (error) {
    throw new UnreadablePhotoError(error);
  }
}
