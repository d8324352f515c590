import { z } from 'zod';

export const Empty = z.object({}).strict();
export const Id = z.string().min(1).max(64);
export const Timestamp = z.string();

/** Optional free text from a form: trimmed, empty becomes null. */
export const OptionalText = (max: number) =>
  z
    .string()
    .max(max, `不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

export const SyncMeta = {
  id: Id,
  originNode: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  deletedAt: Timestamp.nullable(),
};
