import { type ErrorCode, errorStatus, errorTitles, type FieldError, type Problem } from '@eco/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

function problemOf(
  code: ErrorCode,
  detail: string | undefined,
  requestId: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `urn:eco:error:${code.toLowerCase()}`,
    title: errorTitles[code],
    status: errorStatus[code],
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  };
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

/** Maps any thrown error to RFC 9457 problem+json; 5xx are logged and their details hidden. */
export function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof AppError) return problemOf(error.code, error.message, requestId, error.fieldErrors);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field:
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        (v.params?.issue as { path?: string[] })?.path?.join('.') ||
        '',
      message: v.message ?? '格式不正确',
    }));
    return problemOf(
      'VALIDATION',
      errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('；'),
      requestId,
      errors,
    );
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return problemOf(mapped, undefined, requestId);
  if (fastifyError.statusCode === 429) return problemOf('RATE_LIMITED', undefined, requestId);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problemOf('BAD_REQUEST', undefined, requestId);
  }
  return problemOf('INTERNAL', '请稍后重试；如问题持续，请联系管理员并提供请求编号', requestId);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const problem = toProblem(error, request.id);
  if (problem.status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
  else request.log.info({ code: problem.code, requestId: request.id }, problem.title);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
