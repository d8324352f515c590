import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../electron/api/contract.ts';
import { api, errorMessage } from '../api/client.ts';

/** What a page shows of one read: the value (kept while a newer read runs), the core's message if refused, and a way to read again. */
export interface Load<T> {
  value: T | null;
  error: string | null;
  /** true until the first answer (value or error) of the current read arrives */
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * The one way a page reads: on mount, again whenever `deps` change (or, without
 * deps, whenever `read` itself changes — pass a useCallback'd reader then), and on
 * reload(). An answer that comes after the page is gone, or after a newer read was
 * started, is dropped, so a slow reply never overwrites a newer one.
 */
export function useLoad<T>(read: () => Promise<T>, deps?: DependencyList): Load<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const readRef = useRef(read);
  readRef.current = read;
  // the number of the newest read; 0 once the page is gone
  const current = useRef(0);
  const next = useRef(1);

  const reload = useCallback(async () => {
    const mine = next.current++;
    current.current = mine;
    setLoading(true);
    try {
      const answer = await readRef.current();
      if (current.current !== mine) return;
      setValue(answer);
      setError(null);
    } catch (e) {
      if (current.current !== mine) return;
      setError(errorMessage(e));
    }
    setLoading(false);
    // without deps the reader is the trigger; with deps the caller names what the read depends on
  }, deps ?? [read]);

  useEffect(() => {
    void reload();
    return () => {
      current.current = 0;
    };
  }, [reload]);
  return { value, error, loading, reload };
}

/** One contract call as a load: read again whenever the input's content changes (the input may be written inline). */
export function useCall<K extends CallName>(name: K, input: CallInput<K>): Load<CallOutput<K>> {
  const key = JSON.stringify(input);
  return useLoad<CallOutput<K>>(() => api.call(name, input), [name, key]);
}

/** A load as one state, for pages that show 正在加载 / the refusal / the document (print pages). */
export type LoadState<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; value: T };

export function loadState<T>({ value, error, loading }: Load<T>): LoadState<NonNullable<T>> {
  if (error !== null && !loading) return { kind: 'failed', message: error };
  if (value !== null && value !== undefined && !loading) return { kind: 'ready', value };
  return { kind: 'loading' };
}
