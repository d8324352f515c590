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

/**
 * What the audit entry says where the layer's default would not: `before` / `after`
 * replace the row (null: the entry has none), `rowIds` are further ids it names after
 * the written rows' own (the hazard a reward refers to, the event of a hazard's step).
 */
/** One call's words for a row it cannot change, over the table's: fixed, or named from the row found. */
export type CallTexts<T extends SyncedDrizzleTable> = Partial<RowTexts> | ((row: Row<T>) => Partial<RowTexts>);

/**
 * What a change needs of the row it changes: which row, whose, and the version it was
 * read at. A service that read the row for its page (with names and counts joined) and
 * refused it in its own words hands that row in, and the row is not read again.
 */
export type RowRef = Pick<SyncFields, 'id' | 'originNode' | 'version'>;

export interface AuditOverride {
  before?: unknown;
  after?: unknown;
  rowIds?: readonly string[];
}

/** The override's value, the default when it gives none, nothing for null. */
function chosen(override: unknown, fallback: unknown): unknown {
  if (override === undefined) return fallback;
  return override ?? undefined;
}

/** Rows per INSERT statement of insertMany: well under SQLite's bound-variable limit for any table here. */
const INSERT_CHUNK = 100;

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
  owned(w: Write, id: string, version?: number, words?: CallTexts<T>): Row<T> {
    const row = this.find(w, id);
    const texts = { ...this.texts, ...(typeof words === 'function' ? {} : words) };
    if (!row || row.deletedAt) throw new AppError('NOT_FOUND', texts.notFound);
    // words naming the record at hand (自查记录 or 互查记录) may depend on the row itself
    const said = typeof words === 'function' ? { ...texts, ...words(row) } : texts;
    if (row.originNode !== w.node.id) throw new AppError('FORBIDDEN', said.foreign);
    if (version !== undefined && row.version !== version) {
      throw new AppError('CONFLICT', said.conflict ?? said.notFound, { currentVersion: row.version });
    }
    return row;
  }

  /** Inserts a row originated by this node, audited; returns the row as written. */
  insert(w: Write, values: NewRow<T>, options: { id?: string; audit?: AuditOverride } = {}): Row<T> {
    const [written] = this.write(w, [{ values, id: options.id }], (rows) => chosen(options.audit?.after, rows[0]), options.audit);
    if (!written) throw new Error(`${this.name}: insert returned no row`);
    return written;
  }

  /**
   * Inserts many rows originated by this node under ONE audit entry naming every new
   * row (an import, a roster addition, an issue of certificates is one act in the log);
   * the entry's `after` is the rows unless the caller says what it records instead.
   * The entry is written even for no rows: the caller decides whether the act happened.
   */
  insertMany(w: Write, rows: ReadonlyArray<NewRow<T>>, options: { audit?: AuditOverride } = {}): Array<Row<T>> {
    return this.write(w, rows.map((values) => ({ values })), (written) => chosen(options.audit?.after, written), options.audit);
  }

  private write(w: Write, rows: ReadonlyArray<{ values: NewRow<T>; id?: string | undefined }>, after: (rows: object[]) => unknown, audit: AuditOverride = {}): Array<Row<T>> {
    this.assertOrigin(w);
    const full = rows.map(({ values, id }) => {
      const sync: SyncFields = { id: id ?? newId(), originNode: w.node.id, createdAt: w.now, updatedAt: w.now, version: 1, deletedAt: null };
      // sync columns first, as every audit entry has listed them, and never overridden by values
      return { ...sync, ...values, ...sync };
    });
    return inTransaction(w, () => {
      const written: Array<Row<T>> = [];
      for (let i = 0; i < full.length; i += INSERT_CHUNK) {
        const chunk = full.slice(i, i + INSERT_CHUNK);
        written.push(...this.typedAll(w.ctx.database.db.insert(this.erased).values(chunk).returning().all()));
      }
      if (written.length !== full.length) throw new Error(`${this.name}: insert returned ${written.length} of ${full.length} rows`);
      const ids = full.map((r) => r.id);
      this.audit(w, [...ids, ...(audit.rowIds ?? [])], { after: after(full) });
      return written;
    });
  }

  /** Changes a row of this node: version + 1, updated_at now, audited with the row before and the change. */
  update(w: Write, before: RowRef, change: RowChange<T>, audit: AuditOverride = {}): Row<T> {
    return inTransaction(w, () => {
      const [written] = this.updateEach(w, [before], () => change);
      if (!written) throw new Error(`${this.name}: update returned no row`);
      this.audit(w, [before.id, ...(audit.rowIds ?? [])], { before: chosen(audit.before, before), after: chosen(audit.after, { ...change, updatedAt: w.now, version: before.version + 1 }) });
      return written;
    });
  }

  /**
   * Changes many rows of this node, each at the version it was read, under ONE audit
   * entry naming them all (an escalation run is one act in the log). `change` may be
   * one change for every row or the change of each row; the entry defaults to the
   * rows before and the change.
   */
  updateMany(w: Write, befores: ReadonlyArray<Row<T>>, change: RowChange<T> | ((row: Row<T>) => RowChange<T>), audit: AuditOverride = {}): Array<Row<T>> {
    const changeOf = typeof change === 'function' ? change : () => change;
    return inTransaction(w, () => {
      const written = this.updateEach(w, befores, changeOf);
      const fallback = typeof change === 'function' ? befores.map(changeOf) : change;
      this.audit(w, [...befores.map((b) => b.id), ...(audit.rowIds ?? [])], { before: chosen(audit.before, befores), after: chosen(audit.after, fallback) });
      return written;
    });
  }

  private updateEach<R extends RowRef>(w: Write, befores: readonly R[], changeOf: (row: R) => RowChange<T>): Array<Row<T>> {
    befores.forEach((b) => this.assertOwn(w, b));
    return inTransaction(w, () =>
      befores.map((before) => {
        const set = { ...changeOf(before), updatedAt: w.now, version: before.version + 1 };
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
        return written;
      }),
    );
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
  remove(w: Write, before: RowRef, audit: AuditOverride = {}): { id: string; deletedAt: string } {
    const tombstone = { deletedAt: w.now, updatedAt: w.now, version: before.version + 1 };
    this.update(w, before, tombstone as RowChange<T>, { ...audit, after: audit.after === undefined ? tombstone : audit.after });
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
      this.audit(w, [...ids, ...(audit.rowIds ?? [])], { before: chosen(audit.before, undefined), after: chosen(audit.after, tombstone) });
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

  private typedAll(rows: unknown[]): Array<Row<T>> {
    return rows as Array<Row<T>>;
  }

  private audit(w: Write, rowIds: string[], entry: { before?: unknown; after?: unknown }) {
    appendAudit(w.ctx, { nodeId: w.node.id, call: w.call, table: this.name, rowIds, before: entry.before, after: entry.after });
  }

  private assertOrigin(w: Write) {
    const policy = tablePolicies[this.name];
    if (!policy.origins.includes(w.node.role)) {
      throw new AppError('FORBIDDEN', `${roleNames[w.node.role]}不能登记${tableLabel(this.name)}（由${policy.origins.map((r) => roleNames[r]).join('、')}登记）`);
    }
  }

  private assertOwn(w: Write, row: RowRef) {
    if (row.originNode !== w.node.id) throw new AppError('FORBIDDEN', this.texts.foreign);
  }
}

export function syncedRows<T extends SyncedDrizzleTable>(table: T, texts: RowTexts): SyncedRows<T> {
  return new SyncedRows(table, texts);
}
