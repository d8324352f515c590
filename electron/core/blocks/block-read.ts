import { comparePinyin } from '../pinyin.ts';
import { AppError } from '../../api/errors.ts';
import type { Block, BlockDetail, BlockHistoryEvent, BlockList, BlockSettings } from '../../api/schemas/blocks.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { getIdentity } from '../node/node-service.ts';
import { blockProblems } from './block-problems.ts';
import { readDistrict } from './block-scope.ts';
import { getBlockSettings } from './block-settings.ts';
import { holdsValidA } from '../training/eligibility.ts';
import { supervisorCertificatesOf } from '../training/pool.ts';
import { unitStatsByIds } from './unit-stats.ts';
import { calendarsOf } from '../routine/calendar-read.ts';
import { overdueWords } from '../routine/overdue-words.ts';
import { riskOfUnits } from '../risk/risk-read.ts';

interface BlockRow {
  id: string;
  originNode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
  districtId: string;
  districtName: string;
  name: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  schedule: string | null;
  notes: string | null;
  dissolvedAt: string | null;
  dissolvedReason: string | null;
}

const blockSelect = `
SELECT b.id, b.origin_node AS originNode, b.created_at AS createdAt, b.updated_at AS updatedAt, b.version,
       b.deleted_at AS deletedAt, b.district_id AS districtId, d.name AS districtName, b.name,
       b.lead_unit_id AS leadUnitId, lu.name AS leadUnitName, b.schedule, b.notes,
       b.dissolved_at AS dissolvedAt, b.dissolved_reason AS dissolvedReason
FROM blocks b JOIN districts d ON d.id = b.district_id LEFT JOIN units lu ON lu.id = b.lead_unit_id`;

// A current link: not ended, or (for a dissolved block) ended by the dissolution, so a
// dissolved block still shows who was in it.
const current = (ended: string, alias: string) => `(${alias}.${ended} IS NULL OR (b.dissolved_at IS NOT NULL AND ${alias}.${ended} = b.dissolved_at))`;

/** Reads blocks with their members, counts, inspectors, supervisors and problems. */
function assemble(ctx: CoreContext, rows: BlockRow[], asOf: string, settings: BlockSettings): Block[] {
  if (rows.length === 0) return [];
  const { sqlite } = ctx.database;
  const ids = JSON.stringify(rows.map((r) => r.id));
  const self = getIdentity(ctx)?.id ?? null;

  const memberRows = sqlite
    .prepare(
      `SELECT bm.block_id AS blockId, bm.unit_id AS unitId, bm.joined_at AS joinedAt
       FROM block_members bm JOIN blocks b ON b.id = bm.block_id
       WHERE bm.block_id IN (SELECT value FROM json_each(?)) AND bm.deleted_at IS NULL AND ${current('left_at', 'bm')}`,
    )
    .all(ids) as { blockId: string; unitId: string; joinedAt: string }[];
  const stats = unitStatsByIds(ctx, asOf, memberRows.map((m) => m.unitId));
  const risk = riskOfUnits(ctx, memberRows.map((m) => m.unitId));

  const inspectorRows = sqlite
    .prepare(
      `SELECT bi.block_id AS blockId, i.id AS inspectorId, i.name, i.enforcement_no AS enforcementNo, i.active
       FROM block_inspectors bi JOIN blocks b ON b.id = bi.block_id JOIN inspectors i ON i.id = bi.inspector_id
       WHERE bi.block_id IN (SELECT value FROM json_each(?)) AND bi.deleted_at IS NULL AND i.deleted_at IS NULL AND ${current('removed_at', 'bi')}
       ORDER BY i.name`,
    )
    .all(ids) as { blockId: string; inspectorId: string; name: string; enforcementNo: string | null; active: number }[];

  const supervisorRows = sqlite
    .prepare(
      `SELECT bs.block_id AS blockId, m.id AS managerId, m.name, m.unit_id AS unitId, u.name AS unitName, ${holdsValidA('m', '?')} AS holdsValidA
       FROM block_supervisors bs JOIN blocks b ON b.id = bs.block_id JOIN safety_managers m ON m.id = bs.manager_id JOIN units u ON u.id = m.unit_id
       WHERE bs.block_id IN (SELECT value FROM json_each(?)) AND bs.deleted_at IS NULL AND m.deleted_at IS NULL AND ${current('removed_at', 'bs')}
       ORDER BY u.name_sort, m.name_sort`,
    )
    .all(asOf, ids) as { blockId: string; managerId: string; name: string; unitId: string; unitName: string; holdsValidA: number }[];

  const certificates = supervisorCertificatesOf(ctx, supervisorRows.map((s) => s.managerId), asOf);
  const calendars = calendarsOf(ctx, rows.filter((r) => r.dissolvedAt === null).map((r) => r.id), asOf);

  return rows.map((row) => {
    const members = memberRows
      .filter((m) => m.blockId === row.id && stats.has(m.unitId))
      .map((m) => {
        const s = stats.get(m.unitId)!;
        return {
          unitId: s.unitId,
          name: s.name,
          uscc: s.uscc,
          address: s.address,
          industry: s.industry,
          equipmentInUse: s.equipmentInUse,
          overdueCount: s.overdueCount,
          validManagerCount: s.validManagerCount,
          joinedAt: m.joinedAt,
          isLead: s.unitId === row.leadUnitId,
          demoState: s.demoState,
          riskLevel: risk.get(m.unitId)?.level ?? null,
          riskScore: risk.get(m.unitId)?.score ?? null,
        };
      })
      .sort((a, b) => Number(b.isLead) - Number(a.isLead) || a.name.localeCompare(b.name, 'zh-CN'));
    const inspectors = inspectorRows
      .filter((i) => i.blockId === row.id)
      .sort((a, b) => comparePinyin(a.name, b.name, 'person'))
      .map(({ blockId: _b, active, ...i }) => ({ ...i, active: active === 1 }));
    const supervisors = supervisorRows.filter((s) => s.blockId === row.id).map(({ blockId: _b, holdsValidA: _a, ...s }) => ({ ...s, supervisorCertificate: certificates.get(s.managerId) ?? null }));
    const lead = members.find((m) => m.isLead) ?? null;
    const calendar = calendars.get(row.id);
    const overdue = calendar ? calendar.activities.filter((a) => a.status === 'overdue') : [];
    return {
      ...row,
      members,
      inspectors,
      supervisors,
      equipmentInUse: members.reduce((n, m) => n + m.equipmentInUse, 0),
      overdueCount: members.reduce((n, m) => n + m.overdueCount, 0),
      problems: blockProblems({
        dissolved: row.dissolvedAt !== null,
        members,
        lead,
        activeInspectors: inspectors.filter((i) => i.active).length,
        supervisors: supervisorRows.filter((s) => s.blockId === row.id).map((s) => ({ name: s.name, supervisorCertificate: certificates.get(s.managerId) ?? null, holdsValidA: s.holdsValidA === 1 })),
        settings,
        overdueActivities: overdue.map(overdueWords),
      }),
      scheduleRules: calendar ? calendar.rules.filter((r) => r.startsOn <= asOf && (r.endedOn === null || r.endedOn >= asOf)).map((r) => r.label) : [],
      activitiesOverdue: overdue.length,
      editable: self !== null && row.originNode === self && row.dissolvedAt === null,
    };
  });
}

export function todayOf(ctx: CoreContext): string {
  return localDate(ctx.now());
}

/** The board: live blocks of the node's district (every district on the bureau), active first, by name. */
export function listBlocks(ctx: CoreContext, input: { includeDissolved: boolean; asOf?: string }): BlockList {
  const asOf = input.asOf ?? todayOf(ctx);
  const settings = getBlockSettings(ctx);
  const district = readDistrict(ctx);
  const where = ['b.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (district) {
    where.push('b.district_id = ?');
    params.push(district);
  }
  if (!input.includeDissolved) where.push('b.dissolved_at IS NULL');
  const rows = ctx.database.sqlite.prepare(`${blockSelect} WHERE ${where.join(' AND ')}`).all(...params) as BlockRow[];
  rows.sort((a, b) => Number(a.dissolvedAt !== null) - Number(b.dissolvedAt !== null) || a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) || (a.id < b.id ? -1 : 1));
  return { asOf, settings, blocks: assemble(ctx, rows, asOf, settings) };
}

export function getBlock(ctx: CoreContext, id: string): Block {
  const row = ctx.database.sqlite.prepare(`${blockSelect} WHERE b.id = ?`).get(id) as BlockRow | undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该安全管理小组不存在或已被删除，请刷新');
  return assemble(ctx, [row], todayOf(ctx), getBlockSettings(ctx))[0]!;
}

/** The block and its history: who joined or left when and why, inspectors and supervisors assigned or taken off. */
export function getBlockDetail(ctx: CoreContext, id: string): BlockDetail {
  const block = getBlock(ctx, id);
  const { sqlite } = ctx.database;
  const events: BlockHistoryEvent[] = [{ at: block.createdAt, kind: 'created', subject: block.name, reason: null }];
  const members = sqlite
    .prepare(
      `SELECT u.name, bm.joined_at AS joinedAt, bm.left_at AS leftAt, bm.left_reason AS leftReason
       FROM block_members bm JOIN units u ON u.id = bm.unit_id WHERE bm.block_id = ? AND bm.deleted_at IS NULL`,
    )
    .all(id) as { name: string; joinedAt: string; leftAt: string | null; leftReason: string | null }[];
  for (const m of members) {
    events.push({ at: m.joinedAt, kind: 'joined', subject: m.name, reason: null });
    if (m.leftAt) events.push({ at: m.leftAt, kind: 'left', subject: m.name, reason: m.leftReason });
  }
  const inspectors = sqlite
    .prepare(
      `SELECT i.name, bi.assigned_at AS assignedAt, bi.removed_at AS removedAt
       FROM block_inspectors bi JOIN inspectors i ON i.id = bi.inspector_id WHERE bi.block_id = ? AND bi.deleted_at IS NULL`,
    )
    .all(id) as { name: string; assignedAt: string; removedAt: string | null }[];
  for (const i of inspectors) {
    events.push({ at: i.assignedAt, kind: 'inspector-assigned', subject: i.name, reason: null });
    if (i.removedAt) events.push({ at: i.removedAt, kind: 'inspector-removed', subject: i.name, reason: null });
  }
  const supervisors = sqlite
    .prepare(
      `SELECT m.name || '（' || u.name || '）' AS name, bs.assigned_at AS assignedAt, bs.removed_at AS removedAt
       FROM block_supervisors bs JOIN safety_managers m ON m.id = bs.manager_id JOIN units u ON u.id = m.unit_id
       WHERE bs.block_id = ? AND bs.deleted_at IS NULL`,
    )
    .all(id) as { name: string; assignedAt: string; removedAt: string | null }[];
  for (const s of supervisors) {
    events.push({ at: s.assignedAt, kind: 'supervisor-assigned', subject: s.name, reason: null });
    if (s.removedAt) events.push({ at: s.removedAt, kind: 'supervisor-removed', subject: s.name, reason: null });
  }
  if (block.dissolvedAt) events.push({ at: block.dissolvedAt, kind: 'dissolved', subject: block.name, reason: block.dissolvedReason });
  const order: BlockHistoryEvent['kind'][] = ['created', 'joined', 'inspector-assigned', 'supervisor-assigned', 'left', 'inspector-removed', 'supervisor-removed', 'dissolved'];
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order.indexOf(a.kind) - order.indexOf(b.kind) || a.subject.localeCompare(b.subject, 'zh-CN')));
  return { ...block, history: events };
}
