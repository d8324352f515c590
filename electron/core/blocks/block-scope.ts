import type { CoreContext } from '../context.ts';
import { getIdentity } from '../node/node-service.ts';

/** Blocks are read in the node's district (district nodes) or city-wide (bureau, training centre). */
export function readDistrict(ctx: CoreContext): string | null {
  return getIdentity(ctx)?.districtId ?? null;
}

