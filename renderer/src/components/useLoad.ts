import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';

/** Reads once on mount (and again on reload()): the value, or the core's message when the read was refused. */
export function useLoad<T>(read: () => Promise<T>): { value: T | null; error: string | null; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await read());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [read]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
