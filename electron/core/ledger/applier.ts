import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import { appendAudit } from '../audit.ts';
import { insertWithBulkChangeLog } from '../bundle/bulk-change-log.ts';
import type { CoreContext } from '../context.ts';
import type { JobHandle } from '../jobs/job-registry.ts';
import { equipmentColumns, Lookups, managerColumns, unitColumns } from './lookups.ts';
import { dbStamp, type InsertOp, type Plan, type PlanTable, type UpdateOp } from './plan.ts';

// Executes a previewed plan in ONE synchronous transaction with raw prepared
// statements (drizzle rebuilds SQL per call: ~7x slower on 100,000 rows). Every
// update is guarded by the version the row had at preview; inserts are re-checked
// against their natural keys when anything was written since preview. Any
// failure rolls everything back.

const columnsOf: Record<PlanTable, Record<string, string>> = {
  units: unitColumns,
  equipment: equipmentColumns,
  safety_managers: managerColumns,
};

const AUDIT_IDS_PER_ENTRY = 1000;

export const changedSincePreview = () => new AppError('CONFLICT', '数据已变化，请重新预览：预览之后有数据被修改（可能在另一窗口或由另一次导入），本次没有写入任何内容');

class Writer {
  private readonly updates = new Map<string, Database.Statement>();
  private readonly inserts = new Map<PlanTable, { statement: Database.Statement; keys: string[]; params: unknown[] }>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly nodeId: string,
    private readonly now: string,
  ) {}

  insert(table: PlanTable, op: InsertOp): void {
    let prepared = this.inserts.get(table);
    if (!prepared) {
      const keys = Object.keys(columnsOf[table]);
      const columns = ['id', 'origin_node', 'created_at', 'updated_at', 'version', ...keys.map((k) => columnsOf[table][k]!)];
      const statement = this.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      // one parameter array per table, refilled per row: 100,000 inserts allocate nothing
      const params: unknown[] = [null, this.nodeId, this.now, this.now, 1, ...keys.map(() => null)];
      prepared = { statement, keys, params };
      this.inserts.set(table, prepared);
    }
    const { statement, keys, params } = prepared;
    params[0] = op.id;
    for (let k = 0; k < keys.length; k++) params[5 + k] = op.values[keys[k]!] ?? null;
    statement.run(params);
  }

  update(table: PlanTable, op: UpdateOp): void {
    const keys = Object.keys(op.set);
    const signature = `${table}:${keys.join(',')}`;
    let statement = this.updates.get(signature);
    if (!statement) {
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
  for (const op of plan.ops.units.inserts) {
    if (lookups.unit(op.values['districtId'] as string, op.values['uscc'] as string)) throw changedSincePreview();
  }
  for (const op of plan.ops.equipment.inserts) {
    if (lookups.equipment(op.values, op.values['unitId'] as string)) throw changedSincePreview();
  }
  for (const op of plan.ops.safety_managers.inserts) {
    const v = op.values as Record<string, string | null | undefined>;
    if (lookups.manager(v['certificateNo'], v['idNumber'], v['itemCode'])) throw changedSincePreview();
  }
}

function audit(ctx: CoreContext, plan: Plan, table: PlanTable): void {
  const { inserts, updates } = plan.ops[table];
  const call = 'ledger.apply';
  // Inserted rows are their own "after" (version 1); the entry says where they came from.
  for (let i = 0; i < inserts.length; i += AUDIT_IDS_PER_ENTRY) {
    const chunk = inserts.slice(i, i + AUDIT_IDS_PER_ENTRY);
    appendAudit(ctx, { nodeId: plan.nodeId, call, table, rowIds: chunk.map((op) => op.id), after: { inserted: chunk.length, file: plan.source.fileName, planId: plan.id } });
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
  const writer = new Writer(sqlite, plan.nodeId, ctx.now().toISOString());
  let written = 0;
  const step = () => {
    if (++written % CHECK_EVERY !== 0 || !job) return;
    job.advance(written);
    job.checkpoint('transaction');
  };
  try {
    sqlite.transaction(() => {
      if (!untouched) recheckInserts(sqlite, plan);
      // units first: equipment and managers refer to them
      for (const table of tables) {
        const { inserts, updates } = plan.ops[table];
        insertWithBulkChangeLog(sqlite, table, inserts.map((op) => op.id), () => {
          for (const op of inserts) {
            writer.insert(table, op);
            step();
          }
        });
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
