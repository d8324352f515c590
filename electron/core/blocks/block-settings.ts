import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { BlockSettings } from '../../api/schemas/blocks.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// The size rule of a block (seed: 5–10 units), this node's own setting under the key
// "blocks" (settings are not synced). As with the registry settings, a stored value
// this version does not accept falls back to its default, field by field.
const KEY = 'blocks';

export function getBlockSettings(ctx: CoreContext): BlockSettings {
  const result = readSettings(ctx, KEY, BlockSettings);
  return result.minSize <= result.maxSize ? result : BlockSettings.parse({});
}

export function updateBlockSettings(ctx: CoreContext, input: ParsedInput<'blocks.updateSettings'>): BlockSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getBlockSettings(ctx);
    const after = BlockSettings.parse({ ...before, ...input });
    if (after.minSize > after.maxSize) {
      throw new AppError('VALIDATION', `最少成员数（${after.minSize}）不能大于最多成员数（${after.maxSize}）`, { field: input.minSize !== undefined ? 'minSize' : 'maxSize' });
    }
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'blocks.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
