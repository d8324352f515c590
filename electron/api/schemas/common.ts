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

/** Grid paging (AG Grid's infinite row model asks for startRow..endRow). */
export const Paging = {
  startRow: z.number().int().min(0).default(0),
  endRow: z.number().int().min(1).default(100),
};
export const pageLimit = [
  (q: { startRow: number; endRow: number }) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000,
  { message: '每次最多读取 1000 行' },
] as const;

/** Given by the user when the private keys are sealed with a passphrase (no safeStorage on this host). */
export const Passphrase = z.string().min(1).max(1024).optional();
