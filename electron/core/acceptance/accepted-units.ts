import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
import { decisionsOf } from './acceptance-read.ts';
import { effectiveState } from './state.ts';

/**
 * The acceptance state of each given unit's latest file (units without a file are
 * absent): for other pages that show it, e.g. whether a block's lead unit has
 * passed (通过 = 'passed').
 */
export function unitAcceptanceStates(ctx: CoreContext, unitIds: readonly string[]): Map<string, AcceptanceState> {
  const out = new Map<string, AcceptanceState>();
  if (unitIds.length === 0) return out;
  const files = all(
    ctx.database.sqlite,
    sql<{ id: string; unitId: string; state: AcceptanceState; round: number }>`SELECT id, unit_id AS unitId, state, round FROM acceptance_files
       WHERE unit_id IN (SELECT value FROM json_each(${JSON.stringify(unitIds)})) AND deleted_at IS NULL ORDER BY created_at, id`,
  );
  const decisions = decisionsOf(ctx, files.map((f) => f.id));
  // later files win: a unit revoked and started again shows its new file
  for (const f of files) out.set(f.unitId, effectiveState(f.state, f.round, decisions.get(f.id) ?? []));
  return out;
}
