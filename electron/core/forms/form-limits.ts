import type { z } from 'zod';
import { contract, isCallName } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { FieldLimit, FormLimits } from '../../api/schemas/people.ts';

// A form shows each field's limit (a character counter, the smallest amount) from
// the very schema the core checks the input with, so the number lives in one place
// and a form can never cut text shorter than the core would accept.

/** zod's internals as far as the walk needs them (zod 4: def.type names the kind). */
interface Walkable {
  def: { type: string; innerType?: Walkable; in?: Walkable; out?: Walkable; element?: Walkable; options?: Walkable[] };
  shape?: Record<string, Walkable>;
  maxLength?: number | null;
  minLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function limitOf(schema: Walkable): FieldLimit | null {
  const limit: FieldLimit = {};
  if (schema.def.type === 'string') {
    if (schema.maxLength != null) limit.maxLength = schema.maxLength;
    if (schema.minLength != null && schema.minLength > 0) limit.minLength = schema.minLength;
  } else if (schema.def.type === 'number') {
    if (schema.minValue != null && Number.isFinite(schema.minValue)) limit.min = schema.minValue;
    if (schema.maxValue != null && Number.isFinite(schema.maxValue)) limit.max = schema.maxValue;
  }
  return Object.keys(limit).length > 0 ? limit : null;
}

function walk(schema: Walkable, path: string, out: FormLimits): void {
  const type = schema.def.type;
  if (wrappers.has(type) && schema.def.innerType) return walk(schema.def.innerType, path, out);
  // a transform or refinement after the field: its input side says what may be typed
  if (type === 'pipe' && schema.def.in) return walk(schema.def.in, path, out);
  if (type === 'object' && schema.shape) {
    for (const [key, inner] of Object.entries(schema.shape)) walk(inner, path ? `${path}.${key}` : key, out);
    return;
  }
  if (type === 'array' && schema.def.element) return walk(schema.def.element, `${path}[]`, out);
  const limit = path ? limitOf(schema) : null;
  if (limit) out[path] = limit;
}

/** Every field of the call's input with a length or number limit, by path ("content", "reporter.phone"). */
export function formLimits(call: string): FormLimits {
  if (!isCallName(call)) throw new AppError('NOT_FOUND', `没有名为“${call}”的操作`, { field: 'call' });
  const out: FormLimits = {};
  walk(contract[call].input as unknown as Walkable & z.ZodType, '', out);
  return out;
}
