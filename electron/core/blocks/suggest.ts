import type { BlockCandidate, BlockProposal, BlockSuggestions } from '../../api/schemas/blocks.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { blocks } from '../../../db/schema/index.ts';
import { blockProblems } from './block-problems.ts';
import { todayOf } from './block-read.ts';
import { getBlockSettings } from './block-settings.ts';
import { activeMemberships, listOneUnits } from './candidates.ts';
import { unitStatsByIds } from './unit-stats.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// 智能分组建议. Proposals only: nothing is written; the user edits one and accepts it
// (blocks.acceptSuggestion). The same data always gives the same proposals.
//
// 1. The units: list 1 of the two lists today, not in an active block.
// 2. By town (镇 / 街道 read from the address): units near each other check each other.
//    A town with at least the minimum size is grouped on its own; the units of smaller
//    towns (and those without a town in the address) are pooled into 跨镇 groups.
// 3. Within a town (or the pool), units are ordered by industry (larger industries
//    first), then by their main kind of equipment, then by equipment in use, so that
//    consecutive units are alike; the order is cut into as few groups as the maximum
//    size allows, of balanced sizes (13 → 7 + 6, 21 → 7 + 7 + 7), so no group is
//    below the minimum unless the whole town or pool is. Such a group is proposed with
//    its too-small problem.
// 4. The lead suggested is an accepted demonstration unit among the members, else the
//    member with the most equipment in use (then by name).

interface Entry extends BlockCandidate {
  /** industry, or the main kind of equipment when the industry is unknown */
  likeness: string;
  mainKind: string;
}

/** Sizes of balanced groups: as few groups as `max` allows, differing by at most one. */
export function chunkSizes(n: number, max: number): number[] {
  if (n <= 0) return [];
  const groups = Math.ceil(n / Math.max(1, max));
  const base = Math.floor(n / groups);
  const extra = n % groups;
  return Array.from({ length: groups }, (_, i) => base + (i < extra ? 1 : 0));
}

const byName = (a: { name: string; unitId: string }, b: { name: string; unitId: string }) => a.name.localeCompare(b.name, 'zh-CN') || (a.unitId < b.unitId ? -1 : 1);

/** Alike units next to each other: larger industries first, then main kind, most equipment first. */
function orderByLikeness(entries: Entry[]): Entry[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.likeness, (counts.get(e.likeness) ?? 0) + 1);
  return [...entries].sort(
    (a, b) =>
      counts.get(b.likeness)! - counts.get(a.likeness)! ||
      a.likeness.localeCompare(b.likeness, 'zh-CN') ||
      a.mainKind.localeCompare(b.mainKind) ||
      b.equipmentInUse - a.equipmentInUse ||
      byName(a, b),
  );
}

function cut(entries: Entry[], max: number): Entry[][] {
  const groups: Entry[][] = [];
  let at = 0;
  for (const size of chunkSizes(entries.length, max)) {
    groups.push(entries.slice(at, at + size));
    at += size;
  }
  return groups;
}

export function suggestBlocks(ctx: CoreContext): BlockSuggestions {
  const identity = requireDistrictIdentity(ctx);
  const asOf = todayOf(ctx);
  const settings = getBlockSettings(ctx);
  const listed = listOneUnits(ctx);
  const memberships = activeMemberships(ctx);
  const free = [...listed.values()].filter((u) => !memberships.has(u.unitId));
  const stats = unitStatsByIds(ctx, asOf, free.map((u) => u.unitId));
  const catalogue = loadCatalogue();

  const entries: Entry[] = free
    .filter((u) => stats.has(u.unitId))
    .map((u) => {
      const s = stats.get(u.unitId)!;
      const [mainKind] = Object.entries(u.countsByKind).sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1))[0] ?? [''];
      const kindName = mainKind ? (catalogue.get(mainKind)?.name ?? mainKind) : '';
      return {
        unitId: s.unitId,
        name: s.name,
        uscc: s.uscc,
        address: s.address,
        industry: s.industry,
        town: s.town,
        equipmentInUse: s.equipmentInUse,
        listed: true,
        validManagerCount: s.validManagerCount,
        blockId: null,
        blockName: null,
        demoState: s.demoState,
        likeness: s.industry ?? (kindName ? `以${kindName}为主` : ''),
        mainKind,
      };
    });

  const byTown = new Map<string, Entry[]>();
  for (const e of entries) byTown.set(e.town, [...(byTown.get(e.town) ?? []), e]);
  const towns = [...byTown.entries()].sort(([ta, a], [tb, b]) => b.length - a.length || (ta === '' ? 1 : tb === '' ? -1 : ta.localeCompare(tb, 'zh-CN')));

  const groups: { town: string; label: string; members: Entry[] }[] = [];
  const pool: Entry[] = [];
  for (const [town, list] of towns) {
    if (town !== '' && list.length >= settings.minSize) {
      for (const members of cut(orderByLikeness(list), settings.maxSize)) groups.push({ town, label: town, members });
    } else {
      // kept in town order: the pool's groups stay as local as they can
      pool.push(...orderByLikeness(list));
    }
  }
  for (const members of cut(pool, settings.maxSize)) groups.push({ town: '', label: '跨镇', members });

  const taken = new Set(
    ctx.database.db
      .select({ name: blocks.name })
      .from(blocks)
      .where(and(eq(blocks.originNode, identity.id), isNull(blocks.deletedAt), isNull(blocks.dissolvedAt)))
      .all()
      .map((r) => r.name),
  );
  const numbers = new Map<string, number>();
  const proposals: BlockProposal[] = groups.map(({ town, label, members }) => {
    let n = numbers.get(label) ?? 0;
    let name: string;
    do name = `${label}第${++n}组`;
    while (taken.has(name));
    numbers.set(label, n);
    taken.add(name);
    const accepted = (m: Entry) => Number(m.demoState === 'passed');
    const lead = [...members].sort((a, b) => accepted(b) - accepted(a) || b.equipmentInUse - a.equipmentInUse || byName(a, b))[0] ?? null;
    const shown = members.map(({ likeness: _l, mainKind: _k, ...m }) => m);
    return {
      key: `${label}-${n}`,
      name,
      town,
      memberUnitIds: shown.map((m) => m.unitId),
      members: shown,
      leadUnitId: lead?.unitId ?? null,
      // no inspector is chosen in a proposal: that is for the user, not a problem of the grouping
      problems: blockProblems({ dissolved: false, members: shown, lead, activeInspectors: 1, supervisors: [], settings }),
    };
  });
  return { asOf, settings, unitCount: entries.length, proposals };
}
