import { ApiError, errorMessage } from '../api/client.ts';

/** Where to show a failed save: next to a field of this form, or at the top when the error names none of them. */
export interface FormError {
  field?: string;
  message: string;
}

export function toFormError(error: unknown, fields: readonly string[]): FormError {
  const message = errorMessage(error);
  if (error instanceof ApiError && error.field && fields.includes(error.field)) return { field: error.field, message };
  return { message };
}
