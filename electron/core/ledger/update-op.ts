import type { PlanTable } from './staging.ts';
import type { RowRef } from './types.ts';

// The planned updates as data, shared by the plan (which carries them to apply) and the
// update list (which describes them for the preview): apart from both so neither
// imports the other.

export interface UpdateOp {
  id: string;
  /** the row's version at preview: apply refuses if it moved on */
  version: number;
  set: Record<string, unknown>;
  before: Record<string, unknown>;
}

/** An update that changes an identifying field, held until the user accepts it (ledger.apply's acceptIdentityChanges). */
export interface HeldUpdate {
  table: PlanTable;
  ref: RowRef;
  op: UpdateOp;
}
