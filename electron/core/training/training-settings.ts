import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { TrainingSettings } from '../../api/schemas/training.ts';
import { settings } from '../../../db/schema/index.ts';
import { formatPlaqueNo } from '../acceptance/plaque.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from '../settings/stored-settings.ts';

// This node's training settings under the key "training" (settings are not synced):
// pass mark, multiple-choice rule, certificate number pattern, validity, the
// "expiring" window. The local credential has no public standard (docs/DOMAIN.md, 人员与证书), so
// every one of these is a setting. A stored value this version does not accept
// falls back to its default, field by field, as the acceptance settings do.
const KEY = 'training';

export function getTrainingSettings(ctx: CoreContext): TrainingSettings {
  return readSettings(ctx, KEY, TrainingSettings);
}

const fieldMessages: Record<string, string> = {
  passMark: '及格分应在 0 到 100 之间',
  multiRule: '多选题计分规则应为“全对才得分”或“少选得部分分”',
  validityYears: '有效期应为 1 到 10 年',
  expiringDays: '“即将到期”的天数应在 1 到 365 之间',
};

export function updateTrainingSettings(ctx: CoreContext, input: ParsedInput<'training.updateSettings'>): TrainingSettings {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getTrainingSettings(ctx);
    const parsed = TrainingSettings.safeParse({ ...before, ...input });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? 'certificatePattern');
      throw new AppError('VALIDATION', fieldMessages[field] ?? issue.message, { field });
    }
    const after = parsed.data;
    if (formatPlaqueNo(after.certificatePattern, 2026, 1) === formatPlaqueNo(after.certificatePattern, 2026, 2)) {
      throw new AppError('VALIDATION', '编号格式中应包含 {seq}', { field: 'certificatePattern' });
    }
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'training.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}
