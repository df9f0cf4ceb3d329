import { computeIdNumberCheckChar } from '@eco/contracts';
import type { Session, TestEnv } from '../../../test/harness.ts';
import { as } from '../../../test/harness.ts';

/** A valid 身份证号, distinct for each n. */
export function idNumberFor(n: number, birth = '19900101'): string {
  const first17 = `510104${birth}${String(n).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckChar(first17);
}

export function staffInput(n: number, overrides: Record<string, unknown> = {}) {
  return {
    name: `测试人员${n}`,
    gender: '男',
    idNumber: idNumberFor(n),
    mobile: `1388000${String(n).padStart(4, '0')}`,
    title: '工程师',
    posts: ['sampler'],
    education: 'bachelor',
    ...overrides,
  };
}

/** Small request helpers bound to one test environment. */
export function personnelApi(env: TestEnv) {
  return {
    create: (s: Session, body: unknown) =>
      env.app.inject({ method: 'POST', url: '/api/v1/personnel', headers: as(s), payload: body as object }),
    update: (s: Session, id: string, body: unknown) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/v1/personnel/${id}`,
        headers: as(s),
        payload: body as object,
      }),
    get: (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) }),
    remove: (s: Session, id: string) =>
      env.app.inject({ method: 'DELETE', url: `/api/v1/personnel/${id}`, headers: as(s) }),
    post: (s: Session, url: string, body?: unknown) =>
      env.app.inject({
        method: 'POST',
        url,
        headers: as(s),
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
