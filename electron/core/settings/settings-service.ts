import { eq } from 'drizzle-orm';
import type { ZodType } from 'zod';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { RegistrySettings } from '../../api/schemas/settings.ts';
import { settings } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { requireIdentity } from '../node/node-service.ts';

const REGISTRY_KEY = 'registry';

function readStored(ctx: CoreContext): Record<string, unknown> {
  const row = ctx.database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, REGISTRY_KEY)).get();
  if (!row) return {};
  try {
    const parsed: unknown = JSON.parse(row.value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The registry settings with defaults for anything missing. A stored value this
 * version no longer accepts falls back to its default, field by field, so one bad
 * value (from an older version or a hand edit) cannot stop the lists being made.
 */
export function getRegistrySettings(ctx: CoreContext): RegistrySettings {
  const stored = readStored(ctx);
  const shape: Record<string, ZodType | undefined> = RegistrySettings.shape;
  const accepted = Object.fromEntries(Object.entries(stored).filter(([key, value]) => shape[key]?.safeParse(value).success));
  return RegistrySettings.parse(accepted);
}

export function getSettings(ctx: CoreContext) {
  return { registry: getRegistrySettings(ctx) };
}

/** Checks what the zod shape cannot: codes known to the catalogue. */
function checkCodes(codes: readonly string[]): void {
  const catalogue = loadCatalogue();
  const unknown = codes.filter((c) => !catalogue.get(c));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `特种设备目录中没有代码 ${unknown.join('、')}，请填写目录中的种类、类别或品种代码（如 2300 气瓶）`, {
      field: 'excludedCodes',
    });
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
      checkCodes(changes.excludedCodes);
    }
    const after = RegistrySettings.parse({ ...before, ...changes });
    const now = ctx.now().toISOString();
    const value = JSON.stringify(after);
    db.insert(settings)
      .values({ key: REGISTRY_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    appendAudit(ctx, { nodeId: identity.id, call: 'settings.update', table: 'settings', rowIds: [REGISTRY_KEY], before, after });
    return { registry: after };
  });
}
