import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api.ts';

/**
 * Puts a problem's per-field errors on the form fields they name and returns the text to show
 * above the form (the problem's detail), or null when every message landed on a field.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const onFields = error.fieldErrors.filter((e) => known.has(e.field));
  if (onFields.length > 0) {
    form.setFields(onFields.map((e) => ({ name: e.field.split('.'), errors: [e.message] })));
  }
  const isAllPlaced = onFields.length > 0 && onFields.length === error.fieldErrors.length;
  return isAllPlaced ? null : error.message;
}
