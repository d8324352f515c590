import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';

export type RowDialog<T> = { kind: 'none' } | { kind: 'edit'; row: T | null } | { kind: 'delete'; row: T };

interface Editable {
  id: string;
  /** the node that registered the row; rows without one (units) may be changed by any node that shows them */
  originNode?: string;
}

/**
 * Add / edit / delete one row of a registry grid, as on the units page: the
 * selected row, the dialog, Ctrl+N, and edit or delete starting from the row as it
 * is now (its version), not as the grid loaded it. Rows another node registered
 * are shown but cannot be changed here.
 */
export function useRowEditing<T extends Editable>(get: (id: string) => Promise<T>, onError: (message: string) => void) {
  const { node } = useAppContext();
  const [selected, setSelected] = useState<T | null>(null);
  const [dialog, setDialog] = useState<RowDialog<T>>({ kind: 'none' });
  const ours = (row: T) => row.originNode === undefined || row.originNode === node.id;
  const owned = selected !== null && ours(selected);

  const openAdd = useCallback(() => setDialog({ kind: 'edit', row: null }), []);
  const open = useCallback(
    async (row: T, kind: 'edit' | 'delete') => {
      if (row.originNode !== undefined && row.originNode !== node.id) return;
      try {
        const fresh = await get(row.id);
        setDialog(kind === 'edit' ? { kind: 'edit', row: fresh } : { kind: 'delete', row: fresh });
      } catch (error) {
        onError(errorMessage(error));
      }
    },
    [get, node.id, onError],
  );
  const close = useCallback(() => setDialog({ kind: 'none' }), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'n' && dialog.kind === 'none') {
        event.preventDefault();
        openAdd();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog.kind, openAdd]);

  return { selected, setSelected, owned, dialog, openAdd, open, close };
}
