import type { ParsedInput } from '../../api/contract.ts';
import { InspectionSettings } from '../../api/schemas/supervision-orders.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { readSettings } from '../settings/stored-settings.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// This office's inspection settings under the key "inspections" (not synced): the
// prefix of its supervision orders' numbers (张市监特令〔2026〕第12号) and the default
// deadline of an order in working days.
const KEY = 'inspections';

export function getInspectionSettings(ctx: CoreContext): InspectionSettings {
  return readSettings(ctx, KEY, InspectionSettings);
}

export function updateInspectionSettings(ctx: CoreContext, input: ParsedInput<'inspections.updateSettings'>): InspectionSettings {
  const identity = requireDistrictIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getInspectionSettings(ctx);
    const after = InspectionSettings.parse({ ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) });
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'inspections.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
