import type { DeviceClock } from '@eco/contracts';

/** The capture time the server trusts, and whether the phone's clock was moved meanwhile. */
export type TrustedTime = { at: Date; isClockChanged: boolean };

/**
 * The server-clock time of an event reported by the phone. Best: the server time at the last
 * sync plus the monotonic time elapsed since (immune to the phone's clock being changed). Next:
 * the phone's clock corrected by the offset learned at that sync. Last: the phone's clock. A
 * time in the future (beyond the tolerance) is clamped to now and counts as a moved clock.
 */
export function computeTrustedTime(clock: DeviceClock, now: Date, toleranceSeconds: number): TrustedTime {
  const tolerance = toleranceSeconds * 1000;
  const device = Date.parse(clock.deviceTime);
  const anchorServer = clock.anchorServerTime ? Date.parse(clock.anchorServerTime) : null;
  const anchorDevice = clock.anchorDeviceTime ? Date.parse(clock.anchorDeviceTime) : null;
  let at = device;
  let isClockChanged = false;
  if (anchorServer !== null && clock.elapsedMs !== null) {
    at = anchorServer + clock.elapsedMs;
    if (anchorDevice !== null) {
      isClockChanged = Math.abs(device - anchorDevice - clock.elapsedMs) > tolerance;
    }
  } else if (anchorServer !== null && anchorDevice !== null) {
    at = device + (anchorServer - anchorDevice);
  }
  if (at > now.getTime() + tolerance) return { at: now, isClockChanged: true };
  return { at: new Date(at), isClockChanged };
}
