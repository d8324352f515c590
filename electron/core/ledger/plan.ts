import type Database from 'better-sqlite3';
import type { LedgerSummary } from '../../api/schemas/ledger.ts';
import type { ProblemRows } from './problem-rows.ts';
import { stagedWriteCount, type StagedInserts, type StagedRows } from './staging.ts';
import type { HeldUpdate, UpdateOp } from './update-op.ts';

// What preview decided and apply executes, nothing more: apply never re-reads the file.

export interface TableOps {
  /** staged while the preview read the file (staging.ts) */
  inserts: StagedRows;
  updates: UpdateOp[];
}

export interface PlanOps {
  units: TableOps;
  equipment: TableOps;
  safety_managers: TableOps;
}

/** The sheets as the error report needs them, to write problem rows back with their headers. */
export interface ReportSheet {
  index: number;
  name: string;
  headers: string[];
}

/** Whether anything at all was written to the database since: checked in O(1) before the row-by-row check. */
export interface DbStamp {
  dataVersion: number;
  totalChanges: number;
}

export interface Plan {
  id: string;
  createdAt: number;
  nodeId: string;
  source: { path: string; fileName: string; size: number; mtimeMs: number };
  summary: LedgerSummary;
  reportSheets: ReportSheet[];
  /** the rows the problem-row file gives back, with their reasons and what the import does with them */
  problemRows: ProblemRows;
  ops: PlanOps;
  /** the staged inserts of ops, as one thing to finish and drop */
  staged: StagedInserts;
  /** updates that change an identifying field and wait for the user's acceptance (ledger.apply's acceptIdentityChanges) */
  held: HeldUpdate[];
  stamp: DbStamp;
  /** applied plans keep what the error report needs, not their operations, and cannot run twice */
  applied: boolean;
}

/** Writes of this connection other than staging (a preview's temp tables are not a change of the data). */
export function dbStamp(sqlite: Database.Database): DbStamp {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const n = sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
  return { dataVersion, totalChanges: n - stagedWriteCount(sqlite) };
}

export const opsOf = (staged: StagedInserts): PlanOps => ({
  units: { inserts: staged.units, updates: [] },
  equipment: { inserts: staged.equipment, updates: [] },
  safety_managers: { inserts: staged.safety_managers, updates: [] },
});

export function opCount(ops: PlanOps): number {
  return Object.values(ops).reduce((n, t: TableOps) => n + t.inserts.count + t.updates.length, 0);
}

/** Field-by-field difference; a value the file does not give (undefined) leaves the column alone. */
export function diff(existing: Record<string, unknown>, next: Record<string, unknown>): { set: Record<string, unknown>; before: Record<string, unknown> } | null {
  let set: Record<string, unknown> | null = null;
  const before: Record<string, unknown> = {};
  for (const key in next) {
    const value = next[key];
    if (value === undefined) continue;
    const old = existing[key] ?? null;
    if (old === value) continue;
    set ??= {};
    set[key] = value;
    before[key] = old;
  }
  return set ? { set, before } : null;
}

/**
 * Extra attributes merged into what the row already holds: the file's columns
 * overwrite (an empty cell removes the attribute), other attributes stay. Keys
 * keep their positions so an unchanged row gives the same JSON text.
 */
export function mergeExtra(existing: string | null | undefined, extra: Record<string, string> | null, keys: readonly string[]): string | null {
  if (!existing && !extra) return null;
  const merged: Record<string, string> = existing ? (JSON.parse(existing) as Record<string, string>) : {};
  for (const key of keys) {
    const value = extra?.[key];
    // nothing to remove from a new row (and a delete would turn the object into a slow dictionary)
    if (value === undefined) {
      if (existing) delete merged[key];
    } else merged[key] = value;
  }
  if (extra) for (const key in extra) merged[key] = extra[key]!;
  return Object.keys(merged).length > 0 ? JSON.stringify(merged) : null;
}
