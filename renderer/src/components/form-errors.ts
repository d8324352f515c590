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

/** Every problem of a refused save at once: one message per field of the form, the rest for the top of the form. */
export interface FormErrors {
  fields: Readonly<Record<string, string>>;
  general: readonly string[];
}

export const noFormErrors: FormErrors = { fields: {}, general: [] };

interface Issue {
  field?: string;
  path?: string;
  message: string;
}

/** The core's issues (details.issues, one per field with its path), or the one field an AppError names. */
function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [{ message: errorMessage(error) }];
  const listed = error.details?.['issues'];
  if (Array.isArray(listed) && listed.length > 0) return listed as Issue[];
  return [{ field: error.field, path: error.field, message: error.message }];
}

/**
 * Sorts a refused save's problems onto this form's fields. A problem is placed by its
 * path ("reporter.phone"), then by the form's alias for it, then by its field name;
 * the ones no field of the form shows go to the top, so nothing is ever hidden.
 */
export function toFormErrors(error: unknown, fields: readonly string[], alias: Readonly<Record<string, string>> = {}): FormErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issuesOf(error)) {
    const candidates = [issue.path && alias[issue.path], issue.path, issue.field && alias[issue.field], issue.field].filter((c): c is string => Boolean(c));
    const field = candidates.find((c) => fields.includes(c));
    if (field) byField[field] ??= issue.message;
    else if (!general.includes(issue.message)) general.push(issue.message);
  }
  return { fields: byField, general };
}

/** A refusal's problems under what the page itself found meanwhile: the page's message for a field wins, general messages once each. */
export function withOwnErrors(own: FormErrors, found: FormErrors): FormErrors {
  return { fields: { ...found.fields, ...own.fields }, general: [...own.general, ...found.general.filter((m) => !own.general.includes(m))] };
}

export function errorCount(errors: FormErrors): number {
  return Object.keys(errors.fields).length + errors.general.length;
}
