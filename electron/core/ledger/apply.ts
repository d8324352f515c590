import { setImmediate as tick } from 'node:timers/promises';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { LedgerSummary } from '../../api/schemas/ledger.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { writePlan } from './applier.ts';
import { emptyOps, opCount } from './plan.ts';
import { getPlan } from './plan-store.ts';

// ledger.apply: runs exactly the previewed plan, in one transaction. Cancel is
// honoured before it and inside it (a cancel during the write rolls it back), so a
// cancelled or failed import leaves the database as it was.

export function applyLedger(ctx: CoreContext, input: ParsedInput<'ledger.apply'>): Promise<LedgerSummary> {
  return ctx.jobs.run(input.jobId, async (job) => {
    const plan = getPlan(ctx, input.planId);
    if (plan.applied) throw new AppError('CONFLICT', '该预览已经导入过了。如需再次导入，请重新选择文件预览');
    if (requireIdentity(ctx).id !== plan.nodeId) throw new AppError('CONFLICT', '本机节点身份已改变，请重新预览');
    if (plan.summary.needsMapping) {
      throw new AppError('VALIDATION', '还有必需的列没有找到对应的表头，请先为这些列选择对应字段，再重新预览');
    }
    const total = opCount(plan.ops);
    job.phase('写入数据库', total);
    // give a waiting cancel request its chance before the point of no return
    await tick();
    job.checkpoint();
    if (total > 0) writePlan(ctx, plan, job);
    job.advance(total);
    // Keep the summary and the problem rows for the error report; free the operations.
    plan.applied = true;
    plan.ops = emptyOps();
    return { ...plan.summary, dryRun: false };
  });
}
