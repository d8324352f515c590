import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { ComplaintSettings } from '../../api/schemas/complaints.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// This node's complaint settings under the key "complaints" (not synced): the default
// 处理期限 in working days, the national scheme (国市监稽规〔2021〕4号, editable should the
// rules change) and the office's local tier table.
const KEY = 'complaints';

export function getComplaintSettings(ctx: CoreContext): ComplaintSettings {
  return readSettings(ctx, KEY, ComplaintSettings);
}

export function updateComplaintSettings(ctx: CoreContext, input: ParsedInput<'complaints.updateSettings'>): ComplaintSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getComplaintSettings(ctx);
    const parsed = ComplaintSettings.safeParse({ ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('VALIDATION', issue.message, { field: String(issue.path[0] ?? 'handlingWorkingDays') });
    }
    const after = parsed.data;
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'complaints.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
