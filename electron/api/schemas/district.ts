import { z } from 'zod';
import { Id, SyncMeta } from './common.ts';

export const District = z.object({
  ...SyncMeta,
  name: z.string(),
  pilot: z.boolean(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type District = z.infer<typeof District>;

export const DistrictListInput = z.object({ includeInactive: z.boolean().optional().meta({ label: '含已停用' }) });

export const DistrictSaveInput = z.object({
  /** absent to create a new district */
  id: Id.optional().meta({ label: '编号' }),
  version: z.number().int().optional().meta({ label: '版本' }),
  name: z.string().trim().min(1, '请填写分局名称').max(30, '分局名称不能超过 30 个字符').meta({ label: '分局名称' }),
  pilot: z.boolean().default(false).meta({ label: '试点分局' }),
  sortOrder: z.number().int().min(0).max(9999).default(100).meta({ label: '排列顺序' }),
  active: z.boolean().default(true).meta({ label: '在用' }),
});
