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
  role: NodeRole,
  name: z.string().trim().min(1, '请填写本节点名称（如“塘桥分局”）').max(60, '名称不能超过 60 个字符'),
  /** the district a district node manages; required for role "district" */
  districtId: Id.nullish(),
  /** seals the private keys made now, where the host has no safeStorage; without one the keys are made later */
  passphrase: Passphrase,
  /**
   * the person setting the node up: the first of its staff list and the 经办人 of this
   * session. Required where nobody is chosen yet (desktop, browser); the CLI records its operator.
   */
  operatorName: StaffName.optional(),
  operatorTitle: StaffTitle.optional(),
});
