import type { NodeIdentity } from '../../api/schemas/node.ts';
import { asc, isNull } from 'drizzle-orm';
import { districts } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { toHalfWidth } from '../text.ts';

// 所属分局 as ledgers write it: "塘桥", "塘桥分局", "张家港市市场监督管理局塘桥分局".
// A district node imports only its own district; the bureau files each row under
// the district it names.

export type DistrictDecision =
  | { kind: 'ok'; districtId: string }
  /** another district's row on a district node: skipped with a warning, not an error */
  | { kind: 'other'; name: string }
  | { kind: 'error'; code: string; message: string };

export class DistrictResolver {
  private readonly cache = new Map<string, DistrictDecision>();
  private readonly list: { id: string; name: string }[];
  private readonly names: string;
  /** the one district this node imports into, when it is a district node with a district */
  readonly fixed: { id: string; name: string } | null;

  constructor(ctx: CoreContext, identity: NodeIdentity) {
    this.list = ctx.database.db
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .where(isNull(districts.deletedAt))
      .orderBy(asc(districts.sortOrder), asc(districts.name))
      .all();
    this.names = this.list.map((d) => d.name).join('、');
    // longest first: "冶金园" must not lose to a shorter name it contains
    this.list.sort((a, b) => b.name.length - a.name.length);
    const own = identity.role === 'district' && identity.districtId ? this.list.find((d) => d.id === identity.districtId) : undefined;
    this.fixed = own ?? null;
  }

  /** Whether rows must name their district (the bureau, or a district node without one). */
  get requiresDistrict(): boolean {
    return this.fixed === null;
  }

  private find(text: string): { id: string; name: string } | undefined {
    const compact = toHalfWidth(text).replace(/\s+/g, '');
    return this.list.find((d) => compact === d.name) ?? this.list.find((d) => compact.includes(d.name));
  }

  resolve(text: string | null): DistrictDecision {
    const key = text ?? '';
    let decision = this.cache.get(key);
    if (!decision) {
      decision = this.decide(text);
      this.cache.set(key, decision);
    }
    return decision;
  }

  private decide(text: string | null): DistrictDecision {
    if (!text) {
      if (this.fixed) return { kind: 'ok', districtId: this.fixed.id };
      return { kind: 'error', code: 'REQUIRED_MISSING', message: '请填写所属分局（如“塘桥”），市局导入时按它归入各分局' };
    }
    const found = this.find(text);
    if (!found) {
      return { kind: 'error', code: 'DISTRICT_UNKNOWN', message: `所属分局“${text}”不在分局列表中，请改为以下之一：${this.names}` };
    }
    if (this.fixed && found.id !== this.fixed.id) return { kind: 'other', name: found.name };
    return { kind: 'ok', districtId: found.id };
  }
}
