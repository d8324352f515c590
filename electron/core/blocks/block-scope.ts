import type { CoreContext } from '../context.ts';
import { getIdentity, requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';

/** Blocks are read in the node's district (district nodes) or city-wide (bureau, training centre). */
export function readDistrict(ctx: CoreContext): string | null {
  return getIdentity(ctx)?.districtId ?? null;
}

/** Blocks, their members and the district's inspectors are made by the district office itself. */
export function requireDistrictNode(ctx: CoreContext): DistrictIdentity {
  return requireDistrictIdentity(ctx, '安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。');
}
