import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { RegistrySettings } from '../../api/schemas/settings.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';
import { readSettings } from './stored-settings.ts';
import { intervalRules } from '../registry/inspection-interval.ts';
import { rederiveNextInspections } from '../registry/rederive.ts';

const REGISTRY_KEY = 'registry';

/** The registry settings (two lists, alerts), with defaults; see readSettings. */
export function getRegistrySettings(ctx: CoreContext): RegistrySettings {
  return readSettings(ctx, REGISTRY_KEY, RegistrySettings);
}

export function getSettings(ctx: CoreContext) {
  return { registry: getRegistrySettings(ctx) };
}

/** Checks what the zod shape cannot: codes known to the catalogue. */
function checkCodes(codes: readonly string[], field: string): void {
  const catalogue = loadCatalogue();
  const unknown = codes.filter((c) => !catalogue.get(c));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `特种设备目录中没有代码 ${unknown.join('、')}，请填写目录中的种类、类别或品种代码（如 2300 气瓶）`, { field });
  }
}

/** Changes the named fields only, validated as a whole, audited with before and after. */
export function updateSettings(ctx: CoreContext, input: ParsedInput<'settings.update'>) {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = getRegistrySettings(ctx);
    const changes = { ...input.registry };
    if (changes.countedStatuses) changes.countedStatuses = [...new Set(changes.countedStatuses)];
    if (changes.excludedCodes) {
      changes.excludedCodes = [...new Set(changes.excludedCodes)];
      checkCodes(changes.excludedCodes, 'excludedCodes');
    }
    if (changes.inspectionIntervals) {
      // one interval per code: the last one given wins
      changes.inspectionIntervals = [...new Map(changes.inspectionIntervals.map((r) => [r.code, r] as const)).values()];
      checkCodes(changes.inspectionIntervals.map((r) => r.code), 'inspectionIntervals');
    }
    const after = RegistrySettings.parse({ ...before, ...changes });
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings)
      .values({ key: REGISTRY_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    appendAudit(ctx, { nodeId: identity.id, call: 'settings.update', table: 'settings', rowIds: [REGISTRY_KEY], before, after });
    if (JSON.stringify(before.inspectionIntervals) !== JSON.stringify(after.inspectionIntervals)) {
      rederiveNextInspections(ctx, identity.id, intervalRules(after.inspectionIntervals), 'settings.update');
    }
    return { registry: after };
  });
}
