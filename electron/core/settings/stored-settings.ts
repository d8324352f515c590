import { eq } from 'drizzle-orm';
import type { z, ZodType } from 'zod';
import { settings } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';

/**
 * A settings object stored as JSON under its key (settings are this node's own, not
 * synced), with defaults for anything missing. A stored value this version no longer
 * accepts falls back to its default, field by field, so one bad value (from an older
 * version or a hand edit) cannot stop the pages that read it.
 */
export function readSettings<S extends z.ZodObject>(ctx: CoreContext, key: string, schema: S): z.infer<S> {
  const row = ctx.database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = row ? JSON.parse(row.value) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const shape: Record<string, ZodType | undefined> = schema.shape;
  return schema.parse(Object.fromEntries(Object.entries(stored).filter(([field, value]) => shape[field]?.safeParse(value).success)));
}
