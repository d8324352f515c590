import { z } from 'zod';
import { Id, Passphrase } from './common.ts';
import { StaffName, StaffTitle } from './people.ts';

export const NodeRole = z.enum(['district', 'training', 'bureau']);
export type NodeRole = z.infer<typeof NodeRole>;

export const NodeIdentity = z.object({
  id: Id,
  role: NodeRole,
  name: z.string(),
  districtId: Id.nullable(),
  createdAt: z.string(),
});
export type NodeIdentity = z.infer<typeof NodeIdentity>;

export const NodeInitInput = z.object({
  role: NodeRole.meta({ label: '节点类型' }),
  name: z.string().trim().min(1, '请填写本节点名称（如“塘桥分局”）').max(60, '名称不能超过 60 个字符').meta({ label: '节点名称' }),
  /** the district a district node manages; required for role "district" */
  districtId: Id.nullish().meta({ label: '所属分局' }),
  /** seals the private keys made now, where the host has no safeStorage; without one the keys are made later */
  passphrase: Passphrase.meta({ label: '口令' }),
  /**
   * the person setting the node up: the first of its staff list and the 经办人 of this
   * session. Required where nobody is chosen yet (desktop, browser); the CLI records its operator.
   */
  operatorName: StaffName.optional().meta({ label: '经办人姓名' }),
  operatorTitle: StaffTitle.optional().meta({ label: '经办人职务' }),
});
