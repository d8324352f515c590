import { AppError } from '../../api/errors.ts';
import type { CoreContext } from '../context.ts';
import type { Plan } from './plan.ts';

// Previewed plans wait in memory for apply or an error report. Per core (keyed
// by its context, so two cores in one process never see each other's plans),
// expiring after 30 minutes, and only a few at once: a 100,000-row plan holds
// tens of megabytes (its new rows in temp tables, staging.ts).

export const PLAN_TTL_MS = 30 * 60 * 1000;
const MAX_PLANS = 4;

const stores = new WeakMap<CoreContext, Map<string, Plan>>();

function storeOf(ctx: CoreContext): Map<string, Plan> {
  let store = stores.get(ctx);
  if (!store) {
    store = new Map();
    stores.set(ctx, store);
  }
  const cutoff = ctx.now().getTime() - PLAN_TTL_MS;
  for (const [id, plan] of store) if (plan.createdAt < cutoff) forget(store, id);
  return store;
}

/** A plan leaves the store with its staged rows (temp tables of the connection). */
function forget(store: Map<string, Plan>, id: string): void {
  store.get(id)?.staged.drop();
  store.delete(id);
}

export function savePlan(ctx: CoreContext, plan: Plan): void {
  const store = storeOf(ctx);
  store.set(plan.id, plan);
  // oldest first (insertion order): drop beyond the limit
  for (const id of store.keys()) {
    if (store.size <= MAX_PLANS) break;
    forget(store, id);
  }
}

export function getPlan(ctx: CoreContext, planId: string): Plan {
  const plan = storeOf(ctx).get(planId);
  if (!plan) throw new AppError('NOT_FOUND', '导入预览已过期或已执行（预览结果保留 30 分钟），请重新选择文件预览');
  return plan;
}

export function dropPlan(ctx: CoreContext, planId: string): void {
  forget(storeOf(ctx), planId);
}
