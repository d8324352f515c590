import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import { equipmentColumns, managerColumns, unitColumns } from './lookups.ts';

// The rows a preview will insert, staged while the file is read in TEMP tables of the
// core's own connection, so that apply is one INSERT … SELECT per table (in chunks, for
// progress and cancel) instead of a statement per row, and the preview keeps no per-row
// objects alive (100,000 planned pieces held as objects cost a second of garbage
// collection and a hundred megabytes).
//
// Temp tables are private to the connection, live in memory (temp_store = MEMORY) and
// are gone when it closes, so a crash or kill leaves nothing behind to sweep and the
// data itself is untouched by a preview. A plan's tables are dropped when it is applied,
// expires or is pushed out by newer previews (plan-store.ts); two plans never share one
// (each has its own sequence number).

export type PlanTable = 'units' | 'equipment' | 'safety_managers';

/** value key (as the planner names it) → column of the target table */
export const columnsOf: Record<PlanTable, Record<string, string>> = {
  units: unitColumns,
  equipment: equipmentColumns,
  safety_managers: managerColumns,
};

/**
 * The columns a new row is staged and inserted with: its table's, and the pinyin sort key of
 * a name. The name_sort triggers compute the key when a row comes without it, by an UPDATE of
 * the row just inserted (and its change-log and risk triggers); staged with it, they only check it.
 */
const stagedColumnsOf: Record<PlanTable, Record<string, string>> = {
  units: { ...unitColumns, nameSort: 'name_sort' },
  equipment: equipmentColumns,
  safety_managers: { ...managerColumns, nameSort: 'name_sort' },
};

/** Rows gathered in memory before they go to the temp table in one statement: few enough to die young (no old-generation garbage). */
const STAGE_BATCH = 256;

/**
 * Rows written into temp tables, per connection. total_changes() counts them like any
 * other write; dbStamp (plan.ts) takes them out, so a preview's own staging, or
 * another preview's, is not mistaken for a change of the data since the preview.
 */
const stagedWrites = new WeakMap<Database.Database, number>();

export function stagedWriteCount(sqlite: Database.Database): number {
  return stagedWrites.get(sqlite) ?? 0;
}

let sequence = 0;

const planGone = () => new AppError('NOT_FOUND', '导入预览已失效（数据库在预览之后重新打开过），请重新选择文件预览');

/** Rows per INSERT … SELECT of apply (see writeInto). */
const WRITE_CHUNK = 20_000;

/** The SQL function apply's INSERT … SELECT calls once per row, for progress and cancel. */
const STEP_FUNCTION = 'qkl_ledger_apply_step';
const stepOf = new WeakMap<Database.Database, { current: (() => void) | null }>();

/** The step STEP_FUNCTION calls on this connection: registered once per connection, its target set per statement. */
function stepHolder(sqlite: Database.Database): { current: (() => void) | null } {
  let holder = stepOf.get(sqlite);
  if (!holder) {
    const created: { current: (() => void) | null } = { current: null };
    sqlite.function(STEP_FUNCTION, { deterministic: false }, () => {
      created.current?.();
      return 1;
    });
    stepOf.set(sqlite, created);
    holder = created;
  }
  return holder;
}

/** One target table's planned inserts, in plan order: the id first, then the value columns. */
export class StagedRows {
  /** the new rows' ids in insert order: the change log and the audit log name them */
  readonly ids: string[] = [];
  private readonly keys: readonly string[];
  /** rows not yet in the temp table, one after the other (id, then the value columns) */
  private buffer: unknown[] = [];
  private buffered = 0;
  private created = false;
  private stage: Database.Statement | null = null;
  private stageBatch: Database.Statement | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    readonly table: PlanTable,
    private readonly name: string,
  ) {
    this.keys = Object.keys(stagedColumnsOf[table]);
  }

  get count(): number {
    return this.ids.length;
  }

  /** Columns of the target table, after id, in the order rows hold them. */
  private columns(): string[] {
    return this.keys.map((k) => stagedColumnsOf[this.table][k]!);
  }

  /** A planned insert; missing value keys are written as NULL. */
  add(id: string, values: Record<string, unknown>): void {
    const { keys, buffer } = this;
    let at = this.buffered * (keys.length + 1);
    buffer[at++] = id;
    for (let k = 0; k < keys.length; k++) buffer[at++] = values[keys[k]!] ?? null;
    this.ids.push(id);
    if (++this.buffered === STAGE_BATCH) this.flush();
  }

  /**
   * Moves the rows held in memory into the temp table. A full batch goes in as one statement
   * of STAGE_BATCH rows (one call into SQLite instead of one per row), bound from one flat
   * array that is filled again for the next batch (no array per row); the last, partial
   * batch row by row, in one transaction. Synchronous: nothing interleaves.
   */
  private flush(): void {
    if (this.buffered === 0) return;
    const width = this.keys.length + 1;
    if (!this.stage) {
      const columns = ['id', ...this.columns()];
      // hot path: scripts/bench/import-ledger.ts
      this.sqlite.exec(`CREATE TEMP TABLE "${this.name}" (${columns.join(', ')})`);
      this.created = true;
      const row = `(${columns.map(() => '?').join(', ')})`;
      // hot path: scripts/bench/import-ledger.ts
      this.stage = this.sqlite.prepare(`INSERT INTO temp."${this.name}" VALUES ${row}`);
      // hot path: scripts/bench/import-ledger.ts
      this.stageBatch = this.sqlite.prepare(`INSERT INTO temp."${this.name}" VALUES ${Array.from({ length: STAGE_BATCH }, () => row).join(', ')}`);
    }
    const { stage, stageBatch, buffer, buffered } = this;
    let written = 0;
    try {
      if (buffered === STAGE_BATCH) written = stageBatch!.run(buffer).changes;
      else {
        this.sqlite.transaction(() => {
          for (let r = 0; r < buffered; r++) written += stage.run(buffer.slice(r * width, (r + 1) * width)).changes;
        })();
      }
    } finally {
      stagedWrites.set(this.sqlite, stagedWriteCount(this.sqlite) + written);
    }
    this.buffered = 0;
  }

  /** The end of the preview: what is still in memory joins the temp table, and the buffer goes. */
  finish(): void {
    this.flush();
    this.buffer = [];
  }

  /** Apply can read the rows only while the connection that staged them is open. */
  private assertUsable(): void {
    if (this.count === 0) return;
    const there = this.sqlite.open && this.sqlite.prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = ?").get(this.name) !== undefined;
    if (!there) throw planGone();
  }

  /** The staged rows as value keys, a chunk at a time (apply re-checks their keys when the data changed since preview). */
  *values(chunk = 1000): Generator<Record<string, unknown> & { id: string }> {
    this.assertUsable();
    if (this.count === 0) return;
    // chunks read with all(): an open iterator would keep the connection from the look-ups the caller runs per row
    const page = this.sqlite.prepare<[number, number], unknown[]>(`SELECT * FROM temp."${this.name}" WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw();
    for (let from = 0; from < this.count; from += chunk) {
      for (const row of page.all(from, chunk)) {
        const values: Record<string, unknown> & { id: string } = { id: row[0] as string };
        for (let k = 0; k < this.keys.length; k++) values[this.keys[k]!] = row[k + 1];
        yield values;
      }
    }
  }

  /**
   * Inserts the rows into their table as new rows of this node, version 1, WRITE_CHUNK rows per
   * statement, calling `step` every `every` rows (progress, cancel: a throw from it aborts the
   * statement). Runs inside apply's transaction.
   */
  writeInto(originNode: string, now: string, every: number, step: (rows: number) => void): void {
    this.assertUsable();
    if (this.count === 0) return;
    const columns = this.columns().join(', ');
    // Few statements, not one per 500 rows: each statement of a transaction copies every index
    // page it is the first to touch into its statement journal, and 100,000 pieces in chunks of
    // 500 took 3.9 s against 2.2 s in one (2026-12-07, scripts/bench/import-ledger.ts). Not one
    // for all rows either: with triggers on the target, SQLite reads a statement's whole SELECT
    // into a scratch table (in memory) before its first row goes in.
    // Progress and cancel are seen from inside a statement, through a temporary trigger on the
    // rows going in (the SELECT's own expressions run while that scratch table is filled).
    const holder = stepHolder(this.sqlite);
    const trigger = `${this.name}_step`;
    // hot path: scripts/bench/import-ledger.ts (a temp trigger: gone with the statement, or with the connection)
    this.sqlite.exec(`CREATE TEMP TRIGGER "${trigger}" AFTER INSERT ON main.${this.table} BEGIN SELECT ${STEP_FUNCTION}(); END`);
    let pending = 0;
    holder.current = () => {
      if (++pending === every) {
        pending = 0;
        step(every);
      }
    };
    try {
      // hot path: scripts/bench/import-ledger.ts
      const insert = this.sqlite.prepare(
        `INSERT INTO main.${this.table} (id, origin_node, created_at, updated_at, version, ${columns}) SELECT id, ?, ?, ?, 1, ${columns} FROM temp."${this.name}" WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
      );
      // the temp table's rowids are 1…count: rows were only ever appended
      for (let from = 0; from < this.count; from += WRITE_CHUNK) insert.run(originNode, now, now, from, Math.min(from + WRITE_CHUNK, this.count));
    } finally {
      holder.current = null;
      // hot path: scripts/bench/import-ledger.ts (the temp trigger above, gone before the next table)
      this.sqlite.exec(`DROP TRIGGER IF EXISTS temp."${trigger}"`);
    }
    if (pending > 0) step(pending);
  }

  /** Forgets the rows; the temp table goes with them. */
  drop(): void {
    this.buffer = [];
    this.buffered = 0;
    this.ids.length = 0;
    if (this.created && this.sqlite.open) this.sqlite.exec(`DROP TABLE IF EXISTS temp."${this.name}"`);
    this.created = false;
    this.stage = null;
    this.stageBatch = null;
  }
}

/** The inserts of one plan, one StagedRows per table. */
export class StagedInserts {
  readonly units: StagedRows;
  readonly equipment: StagedRows;
  readonly safety_managers: StagedRows;

  constructor(sqlite: Database.Database) {
    const prefix = `ledger_plan_${++sequence}`;
    this.units = new StagedRows(sqlite, 'units', `${prefix}_units`);
    this.equipment = new StagedRows(sqlite, 'equipment', `${prefix}_equipment`);
    this.safety_managers = new StagedRows(sqlite, 'safety_managers', `${prefix}_managers`);
  }

  get count(): number {
    return this.units.count + this.equipment.count + this.safety_managers.count;
  }

  finish(): void {
    for (const rows of this.all()) rows.finish();
  }

  drop(): void {
    for (const rows of this.all()) rows.drop();
  }

  all(): StagedRows[] {
    return [this.units, this.equipment, this.safety_managers];
  }
}
