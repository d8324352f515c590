import { useCallback, useState } from 'react';

// Which columns a grid shows is the user's choice and survives restarts: one
// localStorage entry per grid, holding the hidden column ids.

const key = (gridId: string) => `qkl-grid-hidden:${gridId}`;

function readHidden(gridId: string, defaults: readonly string[]): Set<string> {
  try {
    const raw = localStorage.getItem(key(gridId));
    if (raw === null) return new Set(defaults);
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : defaults);
  } catch {
    return new Set(defaults);
  }
}

export interface ColumnChoice {
  hidden: ReadonlySet<string>;
  setShown: (colId: string, shown: boolean) => void;
  reset: () => void;
}

export function useColumnChoice(gridId: string, defaultHidden: readonly string[] = []): ColumnChoice {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => readHidden(gridId, defaultHidden));

  const store = useCallback(
    (next: ReadonlySet<string>) => {
      localStorage.setItem(key(gridId), JSON.stringify([...next]));
      setHidden(next);
    },
    [gridId],
  );

  const setShown = useCallback(
    (colId: string, shown: boolean) => {
      const next = new Set(hidden);
      if (shown) next.delete(colId);
      else next.add(colId);
      store(next);
    },
    [hidden, store],
  );

  const reset = useCallback(() => {
    localStorage.removeItem(key(gridId));
    setHidden(new Set(defaultHidden));
  }, [gridId, defaultHidden]);

  return { hidden, setShown, reset };
}
