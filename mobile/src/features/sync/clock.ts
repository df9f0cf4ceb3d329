import type { DeviceClock } from '@eco/contracts';
import { getJson } from '../../app/api.ts';
import { type ClockAnchor, readMeta, writeMeta } from './db.ts';

/** The anchor taken in this page session: with it the monotonic clock gives the time elapsed since. */
let liveAnchor: (ClockAnchor & { perf: number }) | null = null;
/** The last anchor of any session, from IndexedDB (after a reload the elapsed time is lost). */
let storedAnchor: ClockAnchor | null = null;

/** Reads the last anchor kept on the phone; call once at start-up, before any event is recorded. */
export async function loadClockAnchor(): Promise<void> {
  storedAnchor = (await readMeta('clock')) ?? null;
}

/**
 * Asks the server's time and keeps it with the phone's clock and the monotonic clock, so that
 * events recorded later (even offline) can be placed on the server's clock. Half the round trip
 * is added: the server read its clock about then.
 */
export async function syncClock(): Promise<void> {
  const sentAt = performance.now();
  const { serverTime } = await getJson<{ serverTime: string }>('/api/v1/field/clock');
  const perf = performance.now();
  const serverMs = Date.parse(serverTime);
  if (Number.isNaN(serverMs)) return;
  const anchor: ClockAnchor = {
    anchorServerTime: new Date(serverMs + (perf - sentAt) / 2).toISOString(),
    anchorDeviceTime: new Date().toISOString(),
  };
  liveAnchor = { ...anchor, perf };
  storedAnchor = anchor;
  await writeMeta('clock', anchor);
}

/** The clock report for an event happening now: call it at the event, not when sending. */
export function readClock(): DeviceClock {
  const deviceTime = new Date().toISOString();
  if (liveAnchor) {
    return {
      deviceTime,
      anchorServerTime: liveAnchor.anchorServerTime,
      anchorDeviceTime: liveAnchor.anchorDeviceTime,
      elapsedMs: Math.max(0, Math.round(performance.now() - liveAnchor.perf)),
    };
  }
  return {
    deviceTime,
    anchorServerTime: storedAnchor?.anchorServerTime ?? null,
    anchorDeviceTime: storedAnchor?.anchorDeviceTime ?? null,
    elapsedMs: null,
  };
}
