import { useCallback, useMemo, useState } from 'react';
import { noFormErrors, toFormErrors, withOwnErrors, type FormErrors } from './form-errors.ts';

/**
 * A form's errors, all at once: `fail(e)` after a refused save sorts every problem
 * the core found onto the form's fields; typing in a field clears its own message.
 */
export function useFormErrors(fields: readonly string[], alias: Readonly<Record<string, string>> = {}) {
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  // the lists are constants of the form: keyed by content so callers may write them inline
  const fieldKey = fields.join('|');
  const aliasKey = JSON.stringify(alias);
  // `keep`: the messages the page itself set meanwhile (its own checks) stay, over the core's for the same field
  const fail = useCallback(
    (error: unknown, keep = false) => {
      const found = toFormErrors(error, fieldKey.split('|'), JSON.parse(aliasKey) as Record<string, string>);
      setErrors((e) => (keep ? withOwnErrors(e, found) : found));
    },
    [fieldKey, aliasKey],
  );
  const clear = useCallback(() => setErrors(noFormErrors), []);
  const clearField = useCallback(
    (field: string) =>
      setErrors((e) => {
        if (!(field in e.fields)) return e;
        const rest = { ...e.fields };
        delete rest[field];
        return { ...e, fields: rest };
      }),
    [],
  );
  const setField = useCallback((field: string, message: string) => setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: message } })), []);
  return useMemo(() => ({ errors, of: (field: string) => errors.fields[field], fail, clear, clearField, setField }), [errors, fail, clear, clearField, setField]);
}
