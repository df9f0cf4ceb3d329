import { type ErrorCode, errorTitles, type FieldError } from '@eco/contracts';

/** The one error type services throw; the HTTP layer maps its code to a status and problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ErrorCode, message?: string, fieldErrors?: FieldError[]) {
    super(message ?? errorTitles[code]);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function validationError(fieldErrors: FieldError[], message?: string): AppError {
  const detail = message ?? fieldErrors.map((e) => e.message).join('；');
  return new AppError('VALIDATION', detail, fieldErrors);
}

export function notFound(what = '记录'): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或无权访问`);
}

export function forbidden(message = '无权进行此操作'): AppError {
  return new AppError('FORBIDDEN', message);
}
