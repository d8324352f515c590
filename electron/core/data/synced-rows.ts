import { and, eq, getTableName, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../api/errors.ts';
import { appendAudit } from '../audit.ts';
import { newId } from '../ids.ts';
import { tableLabel, tablePolicies } from '../sync/authority.ts';
import { isSyncedTable, type SyncedTable } from '../sync/tables.ts';
import { inTransaction, type Write } from './write.ts';

// The sync rules every write of a synced table keeps, in one place: a new row gets
// its id, this node as origin, timestamps and version 1; a change bumps the version
// and the timestamp; a row another node originated is never changed here (each row
// belongs to the node that made it, and bundles would refuse or overwrite the
// change); and the audit entry is written in the same transaction as the row.

/** A drizzle table carrying the sync columns (db/schema/sync-columns.ts). */
export type SyncedDrizzleTable = SQLiteTable & {
  id: SQLiteColumn;
  originNode: SQLiteColumn;
  createdAt: SQLiteColumn;
  updatedAt: SQLiteColumn;
  version: SQLiteColumn;
  deletedAt: SQLiteColumn;
};

type SyncKey = 'id' | 'originNode' | 'createdAt' | 'updatedAt' | 'version' | 'deletedAt';
interface SyncFields {
  id: string;
  originNode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

/** A row as read: the sync columns are always there. */
export type Row<T extends SyncedDrizzleTable> = T['$inferSelect'] & SyncFields;
/** What a service gives for a new row: everything but the sync columns. */
export type NewRow<T extends SyncedDrizzleTable> = Omit<T['$inferInsert'], SyncKey>;
/** What a service may change in a row. */
export type RowChange<T extends SyncedDrizzleTable> = Partial<NewRow<T>>;

/** The user's words for a row of the table that cannot be changed, as each grid has always said them. */
export interface RowTexts {
  /** the row is gone or tombstoned */
  notFound: string;
  /** the row was originated by another node */
  foreign: string;
  /** the row changed since the user read it (version mismatch) */
  conflict?: string;
}

export interface AuditOverride {
  before?: unknown;
  after?: unknown;
}

const roleNames = { district: '分局', training: '培训中心', bureau: '市局' } as const;

export class SyncedRows<T extends SyncedDrizzleTable> {
  readonly name: SyncedTable;

  constructor(
    readonly table: T,
    readonly texts: RowTexts,
  ) {
    const name = getTableName(table);
    if (!isSyncedTable(name)) throw new Error(`${name} is not a synced table (electron/core/sync/tables.ts)`);
    this.name = name;
  }

  /** The row by id, live or tombstoned. */
  find(w: Pick<Write, 'ctx'>, id: string): Row<T> | undefined {
    const { db } = w.ctx.database;
    return this.typed(db.select().from(this.erased).where(eq(this.table.id, id)).get());
  }

  /** A live row this node may change, at the version the user saw (when given). */
  owned(w: Write, id: string, version?: number): Row<T> {
    const row = this.find(w, id);
    if (!row || row.deletedAt) throw new AppError('NOT_FOUND', this.texts.notFound);
    this.assertOwn(w, row);
    if (version !== undefined && row.version !== version) {
      throw new AppError('CONFLICT', this.texts.conflict ?? this.texts.notFound, { currentVersion: row.version });
    }
    return row;
  }

  /** Inserts a row originated by this node, audited; returns the row as written. */
  insert(w: Write, values: NewRow<T>, options: { id?: string; audit?: AuditOverride } = {}): Row<T> {
    const policy = tablePolicies[this.name];
    if (!policy.origins.includes(w.node.role)) {
      throw new AppError('FORBIDDEN', `${roleNames[w.node.role]}不能登记${tableLabel(this.name)}（由${policy.origins.map((r) => roleNames[r]).join('、')}登记）`);
    }
    const sync: SyncFields = { id: options.id ?? newId(), originNode: w.node.id, createdAt: w.now, updatedAt: w.now, version: 1, deletedAt: null };
    // sync columns first, as every audit entry has listed them, and never overridden by values
    const row = { ...sync, ...values, ...sync };
    return inTransaction(w, () => {
      const written = this.typed(w.ctx.database.db.insert(this.erased).values(row).returning().get());
      if (!written) throw new Error(`${this.name}: insert returned no row`);
      appendAudit(w.ctx, { nodeId: w.node.id, call: w.call, table: this.name, rowIds: [sync.id], after: options.audit?.after ?? row });
      return written;
    });
  }

  /** Changes a row of this node: version + 1, updated_at now, audited with the row before and the change. */
  update(w: Write, before: Row<T>, change: RowChange<T>, audit: AuditOverride = {}): Row<T> {
    this.assertOwn(w, before);
    const set = { ...change, updatedAt: w.now, version: before.version + 1 };
    return inTransaction(w, () => {
      const written = this.typed(
        w.ctx.database.db
          .update(this.erased)
          .set(set)
          .where(and(eq(this.table.id, before.id), eq(this.table.version, before.version)))
          .returning()
          .get(),
      );
      // the version read in this transaction moved: another writer got in between
      if (!written) throw new AppError('CONFLICT', this.texts.conflict ?? this.texts.notFound);
      appendAudit(w.ctx, { nodeId: w.node.id, call: w.call, table: this.name, rowIds: [before.id], before: audit.before ?? before, after: audit.after ?? set });
      return written;
    });
  }

  /**
   * Changes only the fields of `next` that differ from the row (undefined leaves a field
   * alone); nothing changed writes nothing and returns null. The audit entry holds the
   * changed fields' old values and the version they had.
   */
  updateChanged(w: Write, before: Row<T>, next: RowChange<T>): Row<T> | null {
    const old: Record<string, unknown> = before;
    const set: Record<string, unknown> = {};
    const was: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || (old[key] ?? null) === value) continue;
      set[key] = value;
      was[key] = old[key] ?? null;
    }
    if (Object.keys(set).length === 0) return null;
    return this.update(w, before, set as RowChange<T>, { before: { ...was, version: before.version } });
  }

  /** Tombstones a row of this node (deletions travel in bundles), audited. */
  remove(w: Write, before: Row<T>, audit: AuditOverride = {}): { id: string; deletedAt: string } {
    const tombstone = { deletedAt: w.now, updatedAt: w.now, version: before.version + 1 };
    this.update(w, before, tombstone as RowChange<T>, { before: audit.before ?? before, after: audit.after ?? tombstone });
    return { id: before.id, deletedAt: w.now };
  }

  /**
   * Tombstones every live row of this node that `where` selects, one audit entry
   * naming them all; returns their ids.
   */
  removeWhere(w: Write, where: SQL | undefined, audit: AuditOverride = {}): string[] {
    return this.tombstoneAll(w, and(where, eq(this.table.originNode, w.node.id)), audit);
  }

  /**
   * The children of a row this node owns and is removing (`where` names that parent),
   * tombstoned with it whoever made them: a child must not outlive its parent.
   */
  removeChildrenOf(w: Write, where: SQL, audit: AuditOverride = {}): string[] {
    return this.tombstoneAll(w, where, audit);
  }

  private tombstoneAll(w: Write, where: SQL | undefined, audit: AuditOverride): string[] {
    const { db } = w.ctx.database;
    const t = this.table;
    const live = and(where, isNull(t.deletedAt));
    return inTransaction(w, () => {
      const ids = db.select({ id: t.id }).from(this.erased).where(live).all().map((r) => String(r.id));
      if (ids.length === 0) return ids;
      const tombstone = { deletedAt: w.now, updatedAt: w.now };
      db.update(this.erased)
        .set({ ...tombstone, version: sql`${t.version} + 1` })
        .where(live)
        .run();
      appendAudit(w.ctx, { nodeId: w.node.id, call: w.call, table: this.name, rowIds: ids, before: audit.before, after: audit.after ?? tombstone });
      return ids;
    });
  }

  /**
   * drizzle cannot resolve its builders' types over a table that is still a type
   * parameter, so the builders here see the table as a plain SQLiteTable and the one
   * seam below gives the row its table's type back; callers never cast.
   */
  private get erased(): SQLiteTable {
    return this.table;
  }

  private typed(row: unknown): Row<T> | undefined {
    return row as Row<T> | undefined;
  }

  private assertOwn(w: Write, row: SyncFields) {
    if (row.originNode !== w.node.id) throw new AppError('FORBIDDEN', this.texts.foreign);
  }
}

export function syncedRows<T extends SyncedDrizzleTable>(table: T, texts: RowTexts): SyncedRows<T> {
  return new SyncedRows(table, texts);
}
