import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFormErrors } from './useFormErrors.ts';

/**
 * A form's save: `run(save)` marks the form busy (a second click does nothing),
 * clears the old messages, and after a refusal sorts every problem onto the
 * form's fields (see useFormErrors), keeping what the page itself set during the
 * save (setField before it threw or returned). Resolves true when the save went through.
 */
export function useSubmit(fields: readonly string[], alias: Readonly<Record<string, string>> = {}) {
  const errors = useFormErrors(fields, alias);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { clear, fail } = errors;

  const run = useCallback(
    async (save: () => Promise<unknown>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      clear();
      try {
        await save();
        return true;
      } catch (e) {
        if (mounted.current) fail(e, true);
        return false;
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [clear, fail],
  );
  return useMemo(() => ({ ...errors, busy, run }), [errors, busy, run]);
}

export type Submit = ReturnType<typeof useSubmit>;
