import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { SummarySettings } from '../../api/schemas/summaries.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// This node's summary settings under the key "summaries" (not synced): the due day
// (the seed's 25th) and the day the home page starts counting down (the 15th). A
// summary keeps the due date it was written under (monthly_summaries.due_on), so a
// later change never makes an on-time submission late.
const KEY = 'summaries';

export function getSummarySettings(ctx: CoreContext): SummarySettings {
  return readSettings(ctx, KEY, SummarySettings);
}

const messages: Record<string, string> = {
  dueDay: '报送截止日应为每月 1 日到 31 日之间的一天（大于当月天数的按月末计）',
  countdownFromDay: '倒计时开始日应为每月 1 日到 31 日之间的一天',
};

export function updateSummarySettings(ctx: CoreContext, input: ParsedInput<'summaries.updateSettings'>): SummarySettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getSummarySettings(ctx);
    const parsed = SummarySettings.safeParse({ ...before, ...input });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]!.path[0] ?? 'dueDay');
      throw new AppError('VALIDATION', messages[field] ?? parsed.error.issues[0]!.message, { field });
    }
    const after = parsed.data;
    if (after.countdownFromDay > after.dueDay) {
      throw new AppError('VALIDATION', `倒计时开始日（${after.countdownFromDay} 日）不能晚于报送截止日（${after.dueDay} 日）。`, { field: 'countdownFromDay' });
    }
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'summaries.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
