import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AcceptanceSettings } from '../../api/schemas/acceptance.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';
import { formatPlaqueNo } from './plaque.ts';

// This node's acceptance settings under the key "acceptance" (settings are not
// synced): the plaque number pattern (used by the bureau) and the evidence size cap.
// A stored value this version does not accept falls back to its default, field by field.
const KEY = 'acceptance';

export function getAcceptanceSettings(ctx: CoreContext): AcceptanceSettings {
  return readSettings(ctx, KEY, AcceptanceSettings);
}

export function updateAcceptanceSettings(ctx: CoreContext, input: ParsedInput<'acceptance.updateSettings'>): AcceptanceSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getAcceptanceSettings(ctx);
    const parsed = AcceptanceSettings.safeParse({ ...before, ...input });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('VALIDATION', issue.path[0] === 'maxEvidenceMb' ? '佐证材料大小上限应在 1 到 80 MB 之间' : issue.message, { field: String(issue.path[0] ?? 'plaquePattern') });
    }
    const after = parsed.data;
    if (formatPlaqueNo(after.plaquePattern, 2026, 1) === formatPlaqueNo(after.plaquePattern, 2026, 2)) {
      throw new AppError('VALIDATION', '编号格式中应包含 {seq}', { field: 'plaquePattern' });
    }
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'acceptance.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
