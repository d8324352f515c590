import type { SyncedTable } from '../sync/tables.ts';
import { tablePolicies, tablesOriginatedBy } from '../sync/authority.ts';

export { columnsOf, isSyncedTable, syncedTables, type SyncedTable } from '../sync/tables.ts';

/**
 * What the bureau sends down to an office: the tables only the bureau originates
 * (reference data and its decisions). The supervisor pool goes to every office: a
 * supervisor may serve a block of another district, and it holds no ID numbers.
 */
export const bureauBroadcastTables: readonly SyncedTable[] = tablesOriginatedBy('bureau');

/**
 * Bureau tables whose rows concern one office only: a row goes to the office named
 * in this column (an acceptance decision to the office that owns the file), never
 * to the others, which hold neither the file it points at nor any need for it.
 * Derived from the tables' `receiver` scope, which the office enforces on import.
 */
export const bureauTargetColumns: Partial<Record<SyncedTable, string>> = Object.fromEntries(
  bureauBroadcastTables.flatMap((table) => tablePolicies[table].scopes.filter((s) => s.kind === 'receiver').map((s) => [table, s.column])),
);
