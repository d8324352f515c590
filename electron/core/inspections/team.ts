import type Database from 'better-sqlite3';
import { AppError } from '../../api/errors.ts';
import type { TeamMember } from '../../api/schemas/inspections.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { inspectors } from '../../../db/schema/index.ts';
import { all, sql, sqlRaw, value } from '../data/query.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { today } from './office.ts';

// 检查组: the office's inspectors (监察人员, the chain) and safety supervisors (安全监督员:
// a block's supervisors, or holders of the pool's certificate in this district). A
// site inspection is made by at least two bureau inspectors holding an enforcement
// card (总局令第57号; docs/DOMAIN.md, 监督检查): supervisors are company staff and never count,
// nor does a name typed outside the register, which has no 执法证号. Fewer is flagged
// on the plan, the record and the order, never refused — the office may still be
// forming the team.

export const MIN_TEAM = 2;

export type Warning = { code: 'team-too-small' | 'outside-period'; message: string };

/**
 * SQL: how many members of a team (JSON in `teamColumn`) are registered inspectors with
 * an enforcement number. The one definition of the rule: the flags below and the
 * dashboard's counts both use it.
 */
export function qualifiedInspectorsSql(teamColumn: string): string {
  return `(SELECT count(DISTINCT i.id) FROM json_each(${teamColumn}) m JOIN inspectors i ON i.id = json_extract(m.value, '$.id')
    WHERE json_extract(m.value, '$.kind') = 'inspector' AND trim(coalesce(i.enforcement_no, '')) <> '')`;
}

export function teamWarnings(sqlite: Database.Database, team: readonly TeamMember[]): Warning[] {
  const qualified = value(sqlite, sql<number>`SELECT ${sqlRaw(qualifiedInspectorsSql('?'), [JSON.stringify(team)])} AS n`) ?? 0;
  if (qualified >= MIN_TEAM) return [];
  const others = team.length - qualified;
  return [
    {
      code: 'team-too-small',
      message:
        `检查组中持执法证的监察人员只有 ${qualified} 名${others > 0 ? `（另有 ${others} 名安全监督员或未登记执法证号的人员，不计入）` : ''}：` +
        `现场检查应由至少 ${MIN_TEAM} 名监察人员进行（总局令第57号）。请补充监察人员，或在“工作联系（链）”中登记其执法证号。`,
    },
  ];
}

/** The team with each registered inspector's enforcement number, for display and the printed signature lines. */
export function withEnforcementNumbers(sqlite: Database.Database, team: readonly TeamMember[]): TeamMember[] {
  // prepared once, run per member of the team
  const lookup = sqlite.prepare<[string], { n: string | null }>('SELECT enforcement_no AS n FROM inspectors WHERE id = ?');
  return team.map((m) => (m.kind === 'inspector' && m.id ? { ...m, enforcementNo: lookup.get(m.id)?.n ?? null } : { ...m, enforcementNo: null }));
}

/** Inspectors of the office's district who are active, for the team picker. */
export function inspectorCandidates(ctx: CoreContext, identity: DistrictIdentity): Array<{ id: string; name: string; enforcementNo: string | null }> {
  const i = inspectors;
  return ctx.database.db
    .select({ id: i.id, name: i.name, enforcementNo: i.enforcementNo })
    .from(i)
    .where(and(eq(i.districtId, identity.districtId), eq(i.active, true), isNull(i.deletedAt)))
    .orderBy(i.name, i.id)
    .all();
}

/** Supervisors a team may take: current block supervisors of this office, and this district's pool holders. */
export function supervisorCandidates(ctx: CoreContext, identity: DistrictIdentity): Array<{ id: string; name: string; unitName: string; blockName: string | null }> {
  const rows = all(
    ctx.database.sqlite,
    sql<{ id: string; name: string; unitName: string; blockName: string | null }>`${sqlRaw(
      `SELECT m.id, m.name, u.name AS unitName, b.name AS blockName FROM block_supervisors bs
         JOIN blocks b ON b.id = bs.block_id JOIN safety_managers m ON m.id = bs.manager_id JOIN units u ON u.id = m.unit_id
       WHERE bs.origin_node = @node AND bs.removed_at IS NULL AND bs.deleted_at IS NULL AND b.dissolved_at IS NULL AND m.deleted_at IS NULL
       UNION
       SELECT m.id, m.name, u.name AS unitName, NULL AS blockName FROM supervisor_pool p
         JOIN safety_managers m ON m.id = p.manager_id JOIN units u ON u.id = m.unit_id
       WHERE p.district_id = @district AND p.valid_until >= @today AND p.deleted_at IS NULL AND m.deleted_at IS NULL`,
      [],
      { node: identity.id, district: identity.districtId, today: today(ctx) },
    )}`,
  );
  // a supervisor of a block and in the pool appears once, with the block
  const byId = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byId.has(r.id) || (r.blockName && !byId.get(r.id)!.blockName)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/** The team as stored: listed people with their names as the lists hold them; others by name. */
export function checkTeam(ctx: CoreContext, identity: DistrictIdentity, team: readonly TeamMember[]): TeamMember[] {
  const inspectors = new Map(inspectorCandidates(ctx, identity).map((i) => [i.id, i.name]));
  const supervisors = new Map(supervisorCandidates(ctx, identity).map((s) => [s.id, s.name]));
  const seen = new Set<string>();
  return team.map((member) => {
    let name = member.name.trim();
    if (member.id) {
      const listed = (member.kind === 'inspector' ? inspectors : supervisors).get(member.id);
      if (!listed) {
        const what = member.kind === 'inspector' ? '本辖区在岗的监察人员' : '本分局小组的安全监督员或本辖区监督员库中的持证人';
        throw new AppError('VALIDATION', `检查组成员“${name || member.id}”不是${what}，请重新选择。`, { field: 'team' });
      }
      name = listed;
    } else if (!name) {
      throw new AppError('VALIDATION', '请填写检查组成员的姓名。', { field: 'team' });
    }
    const key = member.id ? `${member.kind}:${member.id}` : `name:${name}`;
    if (seen.has(key)) throw new AppError('VALIDATION', `检查组中“${name}”重复，请删去一个。`, { field: 'team' });
    seen.add(key);
    return member.id ? { kind: member.kind, id: member.id, name } : { kind: member.kind, name };
  });
}
