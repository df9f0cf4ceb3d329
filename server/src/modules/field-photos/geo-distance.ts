/** A point on the WGS-84 ellipsoid, in degrees. */
export type LatLng = { latitude: number; longitude: number };

const earthRadiusM = 6_371_008.8;
const toRadians = (deg: number) => (deg * Math.PI) / 180;

/**
 * The great-circle distance in metres (haversine on the mean Earth radius): within 0.5% of the
 * ellipsoidal distance, plenty for a "more than 1 km from the site" flag.
 */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h)));
}
