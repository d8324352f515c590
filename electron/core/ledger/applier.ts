import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import { appendAudit } from '../audit.ts';
import { insertWithBulkChangeLog } from '../bundles/bulk-change-log.ts';
import type { CoreContext } from '../context.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { insertPiecesInBulk } from './bulk-derived.ts';
import { Lookups } from './lookups.ts';
import { dbStamp, type Plan } from './plan.ts';
import { columnsOf, type PlanTable } from './staging.ts';
import type { EquipmentValues } from './types.ts';
import type { UpdateOp } from './update-op.ts';

// Executes a previewed plan in ONE synchronous transaction with raw SQL (drizzle
// rebuilds SQL per call: ~7x slower on 100,000 rows). New rows come from the temp
// tables the preview staged them in (staging.ts), by INSERT … SELECT; every update
// is guarded by the version the row had at preview; inserts are re-checked against
// their natural keys when anything was written since preview. Any failure rolls
// everything back.

const AUDIT_IDS_PER_ENTRY = 1000;

export const changedSincePreview = () => new AppError('CONFLICT', '数据已变化，请重新预览：预览之后有数据被修改（可能在另一窗口或由另一次导入），本次没有写入任何内容');

class Writer {
  private readonly updates = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: string,
  ) {}

  update(table: PlanTable, op: UpdateOp): void {
    const keys = Object.keys(op.set);
    const signature = `${table}:${keys.join(',')}`;
    let statement = this.updates.get(signature);
    if (!statement) {
      // hot path: scripts/bench/import-ledger.ts — a re-imported ledger updates every changed piece
      // here, one cached statement per set of columns (the bench times new rows; updates share the path)
      const sets = keys.map((k) => `${columnsOf[table][k]} = ?`).join(', ');
      statement = this.sqlite.prepare(
        `UPDATE ${table} SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      );
      this.updates.set(signature, statement);
    }
    const result = statement.run(...keys.map((k) => op.set[k]), this.now, op.id, op.version);
    // the row moved on (edited, deleted) since preview: the whole import stops
    if (result.changes !== 1) throw changedSincePreview();
  }
}

/** Inserts planned against a database that has changed since: each key must still be free. */
function recheckInserts(sqlite: Database.Database, plan: Plan): void {
  const lookups = new Lookups(sqlite);
  for (const v of plan.ops.units.inserts.values()) {
    if (lookups.unit(v['districtId'] as string, v['uscc'] as string)) throw changedSincePreview();
  }
  for (const v of plan.ops.equipment.inserts.values()) {
    if (lookups.equipment(v as EquipmentValues, v['unitId'] as string)) throw changedSincePreview();
  }
  for (const v of plan.ops.safety_managers.inserts.values()) {
    const m = v as Record<string, string | null | undefined>;
    if (lookups.manager(m['certificateNo'], m['idNumber'], m['itemCode'])) throw changedSincePreview();
  }
}

function audit(ctx: CoreContext, plan: Plan, table: PlanTable): void {
  const { inserts, updates } = plan.ops[table];
  const call = 'ledger.apply';
  // Inserted rows are their own "after" (version 1); the entry says where they came from.
  for (let i = 0; i < inserts.count; i += AUDIT_IDS_PER_ENTRY) {
    const rowIds = inserts.ids.slice(i, i + AUDIT_IDS_PER_ENTRY);
    appendAudit(ctx, { nodeId: plan.nodeId, call, table, rowIds, after: { inserted: rowIds.length, file: plan.source.fileName, planId: plan.id } });
  }
  // One entry per changed row, with the old and new value of each changed field.
  for (const op of updates) {
    appendAudit(ctx, {
      nodeId: plan.nodeId,
      call,
      table,
      rowIds: [op.id],
      before: { ...op.before, version: op.version },
      after: { ...op.set, version: op.version + 1 },
    });
  }
}

const tables: PlanTable[] = ['units', 'equipment', 'safety_managers'];

/** Rows between two looks at the cancel flag and two progress reports: both cost one shared-memory access. */
const CHECK_EVERY = 500;

/**
 * Writes the plan or nothing. Synchronous on purpose: no other call can interleave
 * with a transaction. Progress and cancel still work while it runs: the job lives in
 * shared memory the host reads (electron/core-host), and a cancel seen here throws
 * inside the transaction, which rolls it back.
 */
export function writePlan(ctx: CoreContext, plan: Plan, job?: JobHandle): void {
  const { sqlite } = ctx.database;
  const stamp = dbStamp(sqlite);
  const untouched = stamp.dataVersion === plan.stamp.dataVersion && stamp.totalChanges === plan.stamp.totalChanges;
  const now = ctx.now().toISOString();
  const writer = new Writer(sqlite, now);
  let written = 0;
  const step = (rows = 1) => {
    const before = written;
    written += rows;
    if (!job || Math.floor(written / CHECK_EVERY) === Math.floor(before / CHECK_EVERY)) return;
    job.advance(written);
    job.checkpoint('transaction');
  };
  try {
    sqlite.transaction(() => {
      if (!untouched) recheckInserts(sqlite, plan);
      // units first: equipment and managers refer to them
      for (const table of tables) {
        const { inserts, updates } = plan.ops[table];
        const insert = () => insertWithBulkChangeLog(sqlite, table, inserts.ids, () => inserts.writeInto(plan.nodeId, now, CHECK_EVERY, step));
        // the pieces' search index, counts and risk marks in one statement each, not a trigger per piece
        if (table === 'equipment') insertPiecesInBulk(sqlite, 'ledger.apply', inserts.ids, insert);
        else insert();
        for (const op of updates) {
          writer.update(table, op);
          step();
        }
      }
      for (const table of tables) audit(ctx, plan, table);
      // the last chance before the commit
      job?.checkpoint('transaction');
    })();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw changedSincePreview();
    throw error;
  }
}
