import { type DevicePosition, type FieldPhotoFlag, fieldPhotoFlags } from '@eco/contracts';
import { distanceMeters, type LatLng } from './geo-distance.ts';
import type { PhotoExif } from './photo-pipeline.ts';

/**
 * Why the regulator should look twice at a photo (never a reason to refuse it): taken far from
 * the site (by the phone's position or by the EXIF GPS), EXIF time far from the trusted capture
 * time, a phone clock moved since the last sync, or no position at all. Also the distance of
 * the phone's position from the site, in metres to one decimal.
 */
export function computePhotoFlags(input: {
  site: LatLng;
  position: DevicePosition | null;
  exif: PhotoExif;
  capturedAt: Date;
  isClockChanged: boolean;
  farFromSiteMeters: number;
  exifToleranceMinutes: number;
}): { flags: FieldPhotoFlag[]; distanceM: number | null } {
  const distanceM = input.position ? Math.round(distanceMeters(input.position, input.site) * 10) / 10 : null;
  const { latitude, longitude, time } = input.exif;
  const exifDistance =
    latitude !== null && longitude !== null ? distanceMeters({ latitude, longitude }, input.site) : null;
  const isFar = [distanceM, exifDistance].some((d) => d !== null && d > input.farFromSiteMeters);
  const isTimeOff =
    time !== null &&
    Math.abs(time.getTime() - input.capturedAt.getTime()) > input.exifToleranceMinutes * 60_000;
  const raised: Record<FieldPhotoFlag, boolean> = {
    far_from_site: isFar,
    time_mismatch: isTimeOff,
    clock_changed: input.isClockChanged,
    no_position: input.position === null,
  };
  return { flags: fieldPhotoFlags.filter((f) => raised[f]), distanceM };
}
