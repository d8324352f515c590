import type { CallName } from '../../../electron/api/contract.ts';
import type { FieldLimit, FormLimits } from '../../../electron/api/schemas/people.ts';
import { api } from '../api/client.ts';
import { useLoad } from './useLoad.ts';

// The limits come from the core (forms.limits reads them off the call's own input
// schema), so a form never holds a second copy of a number that could drift.

const cache = new Map<CallName, Promise<FormLimits>>();

function load(call: CallName): Promise<FormLimits> {
  let limits = cache.get(call);
  if (!limits) {
    limits = api.call('forms.limits', { call }).catch(() => {
      cache.delete(call);
      return {};
    });
    cache.set(call, limits);
  }
  return limits;
}

/** The limits of one call's input fields, by path ("content", "reporter.phone"); empty until they arrive. */
export function useFieldLimits(call: CallName): (path: string) => FieldLimit | undefined {
  const { value: limits } = useLoad(() => load(call), [call]);
  return (path) => limits?.[path];
}

/** Just the most characters a text field takes. */
export function useMaxLengths(call: CallName): (path: string) => number | undefined {
  const limit = useFieldLimits(call);
  return (path) => limit(path)?.maxLength;
}
