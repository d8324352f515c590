import type { z } from 'zod';

// A field's Chinese name for validation messages is attached to its schema
// (`.meta({ label: '名称' })`), so the label travels with the field it names; the label
// is read where the problem is, walking the call's input schema along the path.

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; left?: z.ZodType; right?: z.ZodType; getter?: () => z.ZodType };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema itself and what it wraps (optional, nullable, default, pipe …), outermost first. */
function layers(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 20) return [schema];
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined);
  return inner ? [schema, ...layers(inner, depth + 1)] : [schema];
}

/** The schemas a step of a path leads to (a union may lead to several). */
function step(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
  const found: z.ZodType[] = [];
  for (const layer of layers(schema)) {
    const def = defOf(layer);
    if (def.type === 'object' && typeof key === 'string' && def.shape?.[key]) found.push(def.shape[key]);
    if (def.type === 'array' && def.element) found.push(def.element);
    if (def.type === 'record' && def.valueType) found.push(def.valueType);
    if (def.type === 'union') for (const option of def.options ?? []) found.push(...step(option, key));
    if (def.type === 'intersection') for (const side of [def.left, def.right]) if (side) found.push(...step(side, key));
  }
  return found;
}

function labelOf(schema: z.ZodType): string | undefined {
  for (const layer of layers(schema)) {
    const label = (layer.meta() as { label?: unknown } | undefined)?.label;
    if (typeof label === 'string') return label;
  }
  return undefined;
}

/** The label attached to the field at `path` (its last named step), if any. */
export function schemaLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  // an array's element is reported on the array: the label is the array's
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end -= 1;
  let current: z.ZodType[] = [schema];
  for (const key of path.slice(0, end)) current = current.flatMap((s) => step(s, key));
  for (const s of current) {
    const label = labelOf(s);
    if (label) return label;
  }
  return undefined;
}

/**
 * The path of every named field an input can hold, nested objects, array elements (as index 0)
 * and union options included: what a validation message may have to name.
 */
export function fieldPaths(schema: z.ZodType, path: readonly PropertyKey[] = [], depth = 0): PropertyKey[][] {
  if (depth > 20) return [];
  const def = defOf(layers(schema).at(-1)!);
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, field]) => [[...path, key], ...fieldPaths(field, [...path, key], depth + 1)]);
  if (def.type === 'array' && def.element) return fieldPaths(def.element, [...path, 0], depth + 1);
  if (def.type === 'record' && def.valueType) return fieldPaths(def.valueType, [...path, 0], depth + 1);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => fieldPaths(option, path, depth + 1));
  if (def.type === 'intersection') return [def.left, def.right].flatMap((side) => (side ? fieldPaths(side, path, depth + 1) : []));
  return [];
}
