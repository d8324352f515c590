import type { ParsedInput } from '../../api/contract.ts';
import { KeySessionSettings } from '../../api/schemas/keys.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// How long the desktop's page keeps the passphrase without user input. The page
// enforces it (the passphrase lives only there); the core keeps the number, as a
// setting of this installation, so every window and restart uses the same.

const KEY = 'keySession';

export function getKeySessionSettings(ctx: CoreContext): KeySessionSettings {
  return readSettings(ctx, KEY, KeySessionSettings);
}

export function updateKeySessionSettings(ctx: CoreContext, input: ParsedInput<'keys.updateSessionSettings'>): KeySessionSettings {
  const identity = requireIdentity(ctx);
  const db = ctx.database.db;
  return db.transaction(() => {
    const before = getKeySessionSettings(ctx);
    const after = KeySessionSettings.parse({ ...before, ...input });
    const value = JSON.stringify(after);
    const now = ctx.now().toISOString();
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'keys.updateSessionSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
