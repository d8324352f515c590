import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { HazardSettings } from '../../api/schemas/hazards.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// This node's hazard settings under the key "hazards" (not synced): the default
// 整改期限 in working days for 一般隐患 and 重大隐患, used when an order names no deadline.
const KEY = 'hazards';

export function getHazardSettings(ctx: CoreContext): HazardSettings {
  return readSettings(ctx, KEY, HazardSettings);
}

export function updateHazardSettings(ctx: CoreContext, input: ParsedInput<'hazards.updateSettings'>): HazardSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getHazardSettings(ctx);
    const parsed = HazardSettings.safeParse({ ...before, ...input });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]!.path[0] ?? 'generalWorkingDays');
      throw new AppError('VALIDATION', '整改期限默认值应在 1 到 365 个工作日之间', { field });
    }
    const after = parsed.data;
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'hazards.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
