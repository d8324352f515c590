import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { SupervisorWork, SupervisorWorkOutput, WorkKind, WorkLogEntry } from '../../api/schemas/chain-work.ts';
import { readDistrict } from '../blocks/block-scope.ts';
import type { CoreContext } from '../context.ts';
import { all, sql } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { addDays, resolveAsOf } from '../registry/as-of.ts';
import { supervisorCertificatesOf } from '../training/pool.ts';
import { bureauRows } from '../sync/authority.ts';
import { getChainWorkSettings } from './work-settings.ts';

// 监督员工作记录: what each 安全监督员 did, read from the records that already say so — the
// final 自查 / 互查 they made, the 问题反馈 they reported, the meetings they attended, the
// inspections whose team they joined — plus entries made by hand. Nothing derived is
// stored: the log is what the records say today, at the office and, from the same rows
// in bundles, at the bureau. Active = something done in the last `activeDays` days.

interface ActivityRow {
  id: string;
  managerId: string;
  source: WorkLogEntry['source'];
  kind: WorkKind;
  on: string;
  text: string;
  blockName: string | null;
  originNode: string;
  version: number;
}

const feedbackStates: Record<string, string> = { registered: '已登记', answered: '已答复', hazard: '已转隐患', closed: '已办结' };
const manualKinds: Record<WorkKind, string> = { check: '检查', feedback: '反馈', meeting: '会议', inspection: '专项检查', training: '培训', other: '其他' };

/** Every dated thing the managers did, in the node's district (every district's on the bureau). */
function activities(ctx: CoreContext, managerIds: readonly string[] | null): ActivityRow[] {
  const params = { district: readDistrict(ctx), managers: managerIds ? JSON.stringify(managerIds) : null };
  const who = (column: string) => `(@managers IS NULL OR ${column} IN (SELECT value FROM json_each(@managers)))`;
  // named parameters used in every branch of the union: a typed statement keeps the text as measured
  const rows = ctx.database.sqlite
    .prepare<[typeof params], Omit<ActivityRow, 'text'> & { a: string; b: string | number | null }>(
      `SELECT c.id, c.checker_manager_id AS managerId, CASE c.kind WHEN 'mutual' THEN 'mutual_check' ELSE 'self_check' END AS source, 'check' AS kind,
              c.checked_on AS "on", u.name AS a, (SELECT count(*) FROM json_each(c.items) WHERE json_extract(value, '$.result') = 'problem') AS b,
              bl.name AS blockName, c.origin_node AS originNode, c.version
         FROM block_checks c JOIN units u ON u.id = c.checked_unit_id JOIN blocks bl ON bl.id = c.block_id
        WHERE c.state = 'final' AND c.deleted_at IS NULL AND (@district IS NULL OR c.district_id = @district) AND ${who('c.checker_manager_id')}
       UNION ALL
       SELECT f.id, f.manager_id, 'feedback', 'feedback', f.reported_on, f.content, f.state, bl.name, f.origin_node, f.version
         FROM manager_feedback f LEFT JOIN blocks bl ON bl.id = f.block_id
        WHERE f.deleted_at IS NULL AND (@district IS NULL OR f.district_id = @district) AND ${who('f.manager_id')}
       UNION ALL
       SELECT g.id, json_extract(p.value, '$.id'), 'meeting', 'meeting', g.held_on, g.topic, g.kind, bl.name, g.origin_node, g.version
         FROM block_meetings g JOIN json_each(g.participants) p JOIN blocks bl ON bl.id = g.block_id
        WHERE g.deleted_at IS NULL AND json_extract(p.value, '$.kind') = 'manager' AND (@district IS NULL OR g.district_id = @district) AND ${who("json_extract(p.value, '$.id')")}
       UNION ALL
       SELECT r.id, json_extract(t.value, '$.id'), 'inspection', 'inspection', r.inspected_on, pl.title, u.name, NULL, r.origin_node, r.version
         FROM inspection_records r JOIN json_each(r.team) t JOIN inspection_plans pl ON pl.id = r.plan_id JOIN units u ON u.id = r.unit_id
        WHERE r.deleted_at IS NULL AND json_extract(t.value, '$.kind') = 'supervisor' AND (@district IS NULL OR r.district_id = @district) AND ${who("json_extract(t.value, '$.id')")}
       UNION ALL
       SELECT w.id, w.manager_id, 'manual', w.kind, w.done_on, w.content, NULL, bl.name, w.origin_node, w.version
         FROM supervisor_work_entries w LEFT JOIN blocks bl ON bl.id = w.block_id
        WHERE w.deleted_at IS NULL AND (@district IS NULL OR w.district_id = @district) AND ${who('w.manager_id')}`,
    )
    .all(params);
  return rows.map(({ a, b, ...r }) => ({ ...r, text: describe(r.source, r.kind, a, b) }));
}

function describe(source: WorkLogEntry['source'], kind: WorkKind, a: string, b: string | number | null): string {
  switch (source) {
    case 'mutual_check':
    case 'self_check':
      return `${source === 'mutual_check' ? '互查' : '自查'}“${a}”${Number(b) > 0 ? `，发现问题 ${b} 项` : '，未发现问题'}`;
    case 'feedback':
      return `问题反馈（${feedbackStates[String(b)] ?? String(b)}）：${a.length > 60 ? `${a.slice(0, 60)}…` : a}`;
    case 'meeting':
      return `参加${b === 'exchange' ? '交流学习' : '小组会议'}：${a}`;
    case 'inspection':
      return `参加专项检查“${a}”：${String(b)}`;
    default:
      return `${manualKinds[kind]}：${a}`;
  }
}

/** The district's supervisors (every district's on the bureau): block supervisors now, and holders of a certificate not revoked. */
function supervisorsInScope(ctx: CoreContext): Array<{ managerId: string; name: string; unitName: string; districtId: string; districtName: string }> {
  return ctx.database.sqlite
    .prepare<[{ district: string | null }], { managerId: string; name: string; unitName: string; districtId: string; districtName: string }>(
      `SELECT m.id AS managerId, m.name, u.name AS unitName, u.district_id AS districtId, d.name AS districtName
       FROM safety_managers m JOIN units u ON u.id = m.unit_id JOIN districts d ON d.id = u.district_id
       WHERE m.deleted_at IS NULL AND (@district IS NULL OR u.district_id = @district) AND (
         m.id IN (SELECT bs.manager_id FROM block_supervisors bs JOIN blocks b ON b.id = bs.block_id
                  WHERE bs.removed_at IS NULL AND bs.deleted_at IS NULL AND b.dissolved_at IS NULL AND b.deleted_at IS NULL)
         OR m.id IN (SELECT manager_id FROM supervisor_certificates WHERE deleted_at IS NULL AND revoked_at IS NULL AND issuing_node = origin_node AND manager_id IS NOT NULL)
         OR m.id IN (SELECT manager_id FROM supervisor_pool WHERE deleted_at IS NULL AND revoked_at IS NULL AND ${bureauRows()} AND manager_id IS NOT NULL))
       ORDER BY d.sort_order, m.name, m.id`,
    )
    .all({ district: readDistrict(ctx) });
}

export function supervisorWork(ctx: CoreContext, input: { asOf?: string | undefined }): SupervisorWorkOutput {
  const asOf = resolveAsOf(ctx, input.asOf);
  const { activeDays } = getChainWorkSettings(ctx);
  const activeSince = addDays(asOf, -activeDays);
  const people = supervisorsInScope(ctx);
  const ids = people.map((p) => p.managerId);
  const done = activities(ctx, ids).filter((a) => a.on <= asOf);
  const certificates = supervisorCertificatesOf(ctx, ids, asOf);
  const blocks = all(
    ctx.database.sqlite,
    sql<{ managerId: string; name: string }>`
      SELECT bs.manager_id AS managerId, b.name FROM block_supervisors bs JOIN blocks b ON b.id = bs.block_id
      WHERE bs.manager_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND bs.removed_at IS NULL AND bs.deleted_at IS NULL AND b.dissolved_at IS NULL AND b.deleted_at IS NULL ORDER BY b.name`,
  );
  const supervisors: SupervisorWork[] = people.map((p) => {
    const own = done.filter((a) => a.managerId === p.managerId);
    const count = (...sources: WorkLogEntry['source'][]) => own.filter((a) => sources.includes(a.source)).length;
    const lastActiveOn = own.reduce<string | null>((last, a) => (last === null || a.on > last ? a.on : last), null);
    return {
      ...p,
      blockNames: blocks.filter((b) => b.managerId === p.managerId).map((b) => b.name),
      certificate: certificates.get(p.managerId) ?? null,
      lastActiveOn,
      active: lastActiveOn !== null && lastActiveOn >= activeSince,
      counts: { checks: count('self_check', 'mutual_check'), feedback: count('feedback'), meetings: count('meeting'), inspections: count('inspection'), manual: count('manual') },
    };
  });
  supervisors.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastActiveOn ?? '').localeCompare(a.lastActiveOn ?? '') || a.name.localeCompare(b.name, 'zh-CN'));
  return { asOf, activeDays, activeSince, supervisors };
}

export function supervisorLog(ctx: CoreContext, input: ParsedInput<'chain.supervisorLog'>): WorkLogEntry[] {
  const manager = ctx.database.sqlite.prepare('SELECT id FROM safety_managers WHERE id = ? AND deleted_at IS NULL').get(input.managerId);
  if (!manager) throw new AppError('NOT_FOUND', '该安全管理员不存在或已被删除，请刷新。', { field: 'managerId' });
  const self = getIdentity(ctx)?.id ?? null;
  return activities(ctx, [input.managerId])
    .filter((a) => (!input.from || a.on >= input.from) && (!input.to || a.on <= input.to))
    .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.id < b.id ? 1 : -1))
    .map((a) => ({ id: a.id, source: a.source, kind: a.kind, on: a.on, text: a.text, blockName: a.blockName, removable: a.source === 'manual' && a.originNode === self, version: a.source === 'manual' ? a.version : null }));
}
