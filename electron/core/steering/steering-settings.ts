import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { SteeringSettings } from '../../api/schemas/steering.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { readSettings } from '../settings/stored-settings.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, sql } from '../data/query.ts';

// The bureau's steering settings under the key "steering" (this node's own, not synced):
// the default rollout count and supervisors target of a pilot district, and which
// districts each training centre trains.
const KEY = 'steering';

export function getSteeringSettings(ctx: CoreContext): SteeringSettings {
  return readSettings(ctx, KEY, SteeringSettings);
}

export function updateSteeringSettings(ctx: CoreContext, input: ParsedInput<'steering.updateSettings'>): SteeringSettings {
  const identity = requireIdentity(ctx);
  const { db, sqlite } = ctx.database;
  return db.transaction(() => {
    const before = getSteeringSettings(ctx);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = SteeringSettings.parse({ ...before, ...changes });
    if (input.trainingCoverage) {
      const centres = new Set(all(sqlite, sql<{ id: string }>`SELECT DISTINCT node_id AS id FROM trusted_keys WHERE role = 'training'`).map((r) => r.id));
      const districts = new Set(all(sqlite, sql<{ id: string }>`SELECT id FROM districts WHERE deleted_at IS NULL`).map((r) => r.id));
      const seen = new Set<string>();
      for (const c of input.trainingCoverage) {
        if (!centres.has(c.trainingNode)) throw new AppError('VALIDATION', '所选培训中心的公钥尚未登记，请先在“密钥与信任”中登记其公钥。', { field: 'trainingCoverage' });
        if (seen.has(c.trainingNode)) throw new AppError('VALIDATION', '同一个培训中心只能设置一次负责的分局。', { field: 'trainingCoverage' });
        seen.add(c.trainingNode);
        const unknown = c.districtIds.filter((d) => !districts.has(d));
        if (unknown.length) throw new AppError('VALIDATION', `分局列表中没有编号为 ${unknown.join('、')} 的分局，请刷新后重试。`, { field: 'trainingCoverage' });
      }
      after.trainingCoverage = input.trainingCoverage.map((c) => ({ trainingNode: c.trainingNode, districtIds: [...new Set(c.districtIds)] }));
    }
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings).values({ key: KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'steering.updateSettings', table: 'settings', rowIds: [KEY], before, after });
    return after;
  });
}

/** The districts a training centre trains (none until the bureau says so). */
export function coverageOf(ctx: CoreContext, trainingNode: string): string[] {
  return getSteeringSettings(ctx).trainingCoverage.find((c) => c.trainingNode === trainingNode)?.districtIds ?? [];
}
