import { setImmediate as tick } from 'node:timers/promises';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { LedgerSummary } from '../../api/schemas/ledger.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { acceptor } from './accept.ts';
import { writePlan } from './applier.ts';
import { opCount, type Plan } from './plan.ts';
import { getPlan } from './plan-store.ts';
import { appliedSummary } from './applied-summary.ts';
import { markAccepted } from './problem-rows.ts';
import { entityOf } from './update-list.ts';
import type { HeldUpdate } from './update-op.ts';

// ledger.apply: runs exactly the previewed plan, plus the held identity changes the
// user accepted, in one transaction. Cancel is honoured before it and inside it (a
// cancel during the write rolls it back), so a cancelled or failed import leaves the
// database as it was.

type ApplyInput = ParsedInput<'ledger.apply'>;

/** The held updates the user accepted now; naming a row that holds none is a mistake worth saying. */
function acceptedHeld(plan: Plan, input: ApplyInput): HeldUpdate[] {
  const accepts = acceptor(input.acceptIdentityChanges);
  const accepted = plan.held.filter((h) => accepts(h.ref));
  if (Array.isArray(input.acceptIdentityChanges)) {
    const held = new Set(plan.held.map((h) => `${h.ref.sheet}\u0000${h.ref.row}`));
    const stray = input.acceptIdentityChanges.find((r) => !held.has(`${r.sheet}\u0000${r.row}`));
    if (stray) throw new AppError('VALIDATION', `工作表“${stray.sheet}”第 ${stray.row} 行没有待确认的识别字段变化，请按预览结果重新选择`);
  }
  return accepted;
}

export function applyLedger(ctx: CoreContext, input: ApplyInput): Promise<LedgerSummary> {
  return ctx.jobs.run(input.jobId, async (job) => {
    const plan = getPlan(ctx, input.planId);
    if (plan.applied) throw new AppError('CONFLICT', '该预览已经导入过了。如需再次导入，请重新选择文件预览');
    if (requireIdentity(ctx).id !== plan.nodeId) throw new AppError('CONFLICT', '本机节点身份已改变，请重新预览');
    if (plan.summary.needsMapping) {
      throw new AppError('VALIDATION', '还有必需的列没有找到对应的表头，请先为这些列选择对应字段，再重新预览');
    }
    const accepted = acceptedHeld(plan, input);
    for (const h of accepted) plan.ops[h.table].updates.push(h.op);
    const total = opCount(plan.ops);
    job.phase('写入数据库', total);
    // give a waiting cancel request its chance before the point of no return
    await tick();
    job.checkpoint();
    try {
      if (total > 0) writePlan(ctx, plan, job);
    } catch (error) {
      // the plan stays as previewed: the user may accept other rows, or none, and try again
      for (const h of accepted) plan.ops[h.table].updates.pop();
      throw error;
    }
    job.advance(total);
    // Keep the summary and the problem rows for the error report; free the operations and the staged rows.
    plan.applied = true;
    plan.staged.drop();
    for (const table of Object.values(plan.ops)) table.updates = [];
    const result = appliedSummary(plan.summary, accepted.map((h) => ({ ref: h.ref, entity: entityOf[h.table] })));
    markAccepted(plan.problemRows, accepted.map((h) => h.ref));
    // what stays held was not written: the updates report still says so
    plan.held = plan.held.filter((h) => !accepted.includes(h));
    return result;
  });
}
