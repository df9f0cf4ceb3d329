import type { Problem } from '@eco/contracts';

/** An error answer from the API, carrying its problem+json body when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(status: number, problem: Partial<Problem> | null) {
    super(problem?.detail ?? problem?.title ?? `请求失败（${status}）`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? 'UNKNOWN';
    this.fieldErrors = problem?.errors ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the token that cookie-authenticated writes must echo in `X-CSRF-Token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the session owner hear when the server no longer knows the session (expired, logged out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** The message to show a person for any failure, network failures included. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return '网络连接失败，请检查网络后重试';
  return '操作失败，请稍后重试';
}

async function readProblem(response: Response): Promise<Partial<Problem> | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as Partial<Problem>;
  } catch {
    return null;
  }
}

type RequestBody = { json: unknown } | { bytes: Blob; headers: Record<string, string> } | null;

async function request(method: 'GET' | 'POST' | 'PATCH', path: string, body: RequestBody): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | null = null;
  if (body && 'json' in body) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    Object.assign(headers, body.headers);
    payload = body.bytes;
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  if (response.ok) return response;
  const error = new ApiError(response.status, await readProblem(response));
  if (response.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthenticated?.();
  throw error;
}

const jsonBody = (body: unknown): RequestBody => (body === undefined ? null : { json: body });

/** GETs JSON from the API; the body is trusted to have the documented shape. */
export async function getJson<T>(path: string): Promise<T> {
  return (await (await request('GET', path, null)).json()) as T;
}

/** POSTs JSON and reads the JSON answer. */
export async function postJson<T>(path: string, body?: unknown): Promise<T> {
  return (await (await request('POST', path, jsonBody(body))).json()) as T;
}

/** POSTs to an action that answers 204 No Content. */
export async function postAction(path: string, body?: unknown): Promise<void> {
  await request('POST', path, jsonBody(body));
}

/** PATCHes raw bytes (a chunk of a resumable upload) with the given headers and reads the JSON answer. */
export async function patchBytes<T>(path: string, bytes: Blob, headers: Record<string, string>): Promise<T> {
  return (await (await request('PATCH', path, { bytes, headers })).json()) as T;
}

/** Whether a failure means "try again later" (offline, server trouble, too many requests) rather than a refusal. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}
