import type { ParsedInput } from '../../api/contract.ts';
import { ChainWorkSettings } from '../../api/schemas/chain-work.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// When a supervisor counts as active: something done in the last N days (default 90),
// this node's own setting under the key "chainWork" (settings are not synced).
const KEY = 'chainWork';

export function getChainWorkSettings(ctx: CoreContext): ChainWorkSettings {
  return readSettings(ctx, KEY, ChainWorkSettings);
}

export function updateChainWorkSettings(ctx: CoreContext, input: ParsedInput<'chain.updateWorkSettings'>): ChainWorkSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getChainWorkSettings(ctx);
    const after = ChainWorkSettings.parse({ ...before, ...input });
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'chain.updateWorkSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
