import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../../db/schema/index.ts';
import { ColumnMapping, SheetKind } from '../../api/schemas/ledger.ts';
import type { CoreContext } from '../context.ts';
import { normHeader } from '../sheets/cells.ts';
import type { MappingsByKind } from './headers.ts';

// Column mappings the user chose for headers we did not recognise, remembered in
// this node's settings so the next export from the same system imports without
// asking. Keys are normalised headers, so "下次 检验日期（年月日）" and
// "下次检验日期" are one choice.

export const MAPPINGS_KEY = 'ledger.mappings';

const Stored = z.object({ equipment: ColumnMapping.optional(), managers: ColumnMapping.optional() });

type Input = Partial<Record<SheetKind, Record<string, string>>> | undefined;

/** The user's mappings keyed by normalised header. */
export function normaliseMappings(input: Input): MappingsByKind {
  const out: MappingsByKind = {};
  for (const kind of SheetKind.options) {
    const mapping = input?.[kind];
    if (!mapping) continue;
    out[kind] = Object.fromEntries(Object.entries(mapping).map(([header, field]) => [normHeader(header), field])) as MappingsByKind[typeof kind];
  }
  return out;
}

export function loadMappings(ctx: CoreContext): MappingsByKind {
  const row = ctx.database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, MAPPINGS_KEY)).get();
  if (!row) return {};
  try {
    return Stored.parse(JSON.parse(row.value)) as MappingsByKind;
  } catch {
    return {}; // a damaged setting must not stop an import; the wizard asks again
  }
}

export function rememberMappings(ctx: CoreContext, mappings: MappingsByKind): void {
  const current = loadMappings(ctx);
  const merged: MappingsByKind = { ...current };
  for (const kind of SheetKind.options) {
    if (mappings[kind]) merged[kind] = { ...current[kind], ...mappings[kind] };
  }
  const value = JSON.stringify(merged);
  const updatedAt = ctx.now().toISOString();
  ctx.database.db.insert(settings).values({ key: MAPPINGS_KEY, value, updatedAt }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } }).run();
}
