import type { ServiceContext } from '../src/platform/context.ts';
import type { TestEnv } from './harness.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** A service context without a request, for calling platform services directly. */
export function createPlatformContext(env: TestEnv, ip = '10.3.0.1'): ServiceContext {
  return {
    db: env.platform.db,
    actor: null,
    files: env.platform.files,
    pii: env.platform.pii,
    log: silent,
    now: env.platform.now,
    meta: { ip, userAgent: 'vitest', requestId: null },
    config: env.platform.config,
  };
}
