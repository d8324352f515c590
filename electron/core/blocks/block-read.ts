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
import { blockInspectors, blockMembers, blocks, blockSupervisors, districts, inspectors as inspectorTable, safetyManagers, units } from '../../../db/schema/index.ts';
import { all, get, sql, sqlFragment, sqlJoin, sqlRaw, type SqlFragment } from '../data/query.ts';

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

const blockSelect = sqlFragment`
SELECT b.${blocks.id}, b.${blocks.originNode} AS originNode, b.${blocks.createdAt} AS createdAt, b.${blocks.updatedAt} AS updatedAt, b.${blocks.version},
       b.${blocks.deletedAt} AS deletedAt, b.${blocks.districtId} AS districtId, d.${districts.name} AS districtName, b.${blocks.name},
       b.${blocks.leadUnitId} AS leadUnitId, lu.${units.name} AS leadUnitName, b.${blocks.schedule}, b.${blocks.notes},
       b.${blocks.dissolvedAt} AS dissolvedAt, b.${blocks.dissolvedReason} AS dissolvedReason
FROM ${blocks} b JOIN ${districts} d ON d.${districts.id} = b.${blocks.districtId} LEFT JOIN ${units} lu ON lu.${units.id} = b.${blocks.leadUnitId}`;

// A current link: not ended, or (for a dissolved block) ended by the dissolution, so a
// dissolved block still shows who was in it.
const current = (ended: SqlFragment) => sqlFragment`(${ended} IS NULL OR (b.${blocks.dissolvedAt} IS NOT NULL AND ${ended} = b.${blocks.dissolvedAt}))`;

/** Reads blocks with their members, counts, inspectors, supervisors and problems. */
function assemble(ctx: CoreContext, rows: BlockRow[], asOf: string, settings: BlockSettings): Block[] {
  if (rows.length === 0) return [];
  const { sqlite } = ctx.database;
  const ids = JSON.stringify(rows.map((r) => r.id));
  const self = getIdentity(ctx)?.id ?? null;

  const bm = blockMembers;
  const memberRows = all(
    sqlite,
    sql<{ blockId: string; unitId: string; joinedAt: string }>`SELECT bm.${bm.blockId} AS blockId, bm.${bm.unitId} AS unitId, bm.${bm.joinedAt} AS joinedAt
       FROM ${bm} bm JOIN ${blocks} b ON b.${blocks.id} = bm.${bm.blockId}
       WHERE bm.${bm.blockId} IN (SELECT value FROM json_each(${ids})) AND bm.${bm.deletedAt} IS NULL AND ${current(sqlFragment`bm.${bm.leftAt}`)}`,
  );
  const stats = unitStatsByIds(ctx, asOf, memberRows.map((m) => m.unitId));
  const risk = riskOfUnits(ctx, memberRows.map((m) => m.unitId));

  const bi = blockInspectors;
  const i = inspectorTable;
  const inspectorRows = all(
    sqlite,
    sql<{ blockId: string; inspectorId: string; name: string; enforcementNo: string | null; active: number }>`
       SELECT bi.${bi.blockId} AS blockId, i.${i.id} AS inspectorId, i.${i.name}, i.${i.enforcementNo} AS enforcementNo, i.${i.active}
       FROM ${bi} bi JOIN ${blocks} b ON b.${blocks.id} = bi.${bi.blockId} JOIN ${i} i ON i.${i.id} = bi.${bi.inspectorId}
       WHERE bi.${bi.blockId} IN (SELECT value FROM json_each(${ids})) AND bi.${bi.deletedAt} IS NULL AND i.${i.deletedAt} IS NULL AND ${current(sqlFragment`bi.${bi.removedAt}`)}
       ORDER BY i.${i.name}`,
  );

  const bs = blockSupervisors;
  const m = safetyManagers;
  const supervisorRows = all(
    sqlite,
    sql<{ blockId: string; managerId: string; name: string; unitId: string; unitName: string; holdsValidA: number }>`
       SELECT bs.${bs.blockId} AS blockId, m.${m.id} AS managerId, m.${m.name}, m.${m.unitId} AS unitId, u.${units.name} AS unitName, ${sqlRaw(holdsValidA('m', '?'), [asOf])} AS holdsValidA
       FROM ${bs} bs JOIN ${blocks} b ON b.${blocks.id} = bs.${bs.blockId} JOIN ${m} m ON m.${m.id} = bs.${bs.managerId} JOIN ${units} u ON u.${units.id} = m.${m.unitId}
       WHERE bs.${bs.blockId} IN (SELECT value FROM json_each(${ids})) AND bs.${bs.deletedAt} IS NULL AND m.${m.deletedAt} IS NULL AND ${current(sqlFragment`bs.${bs.removedAt}`)}
       ORDER BY u.${units.nameSort}, m.${m.nameSort}`,
  );

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
  const where = [sqlFragment`b.${blocks.deletedAt} IS NULL`];
  if (district) where.push(sqlFragment`b.${blocks.districtId} = ${district}`);
  if (!input.includeDissolved) where.push(sqlFragment`b.${blocks.dissolvedAt} IS NULL`);
  const rows = all(ctx.database.sqlite, sql<BlockRow>`${blockSelect} WHERE ${sqlJoin(where, sqlRaw(' AND '))}`);
  rows.sort((a, b) => Number(a.dissolvedAt !== null) - Number(b.dissolvedAt !== null) || a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) || (a.id < b.id ? -1 : 1));
  return { asOf, settings, blocks: assemble(ctx, rows, asOf, settings) };
}

export function getBlock(ctx: CoreContext, id: string): Block {
  const row = get(ctx.database.sqlite, sql<BlockRow>`${blockSelect} WHERE b.${blocks.id} = ${id}`);
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该安全管理小组不存在或已被删除，请刷新');
  return assemble(ctx, [row], todayOf(ctx), getBlockSettings(ctx))[0]!;
}

/** The block and its history: who joined or left when and why, inspectors and supervisors assigned or taken off. */
export function getBlockDetail(ctx: CoreContext, id: string): BlockDetail {
  const block = getBlock(ctx, id);
  const { sqlite } = ctx.database;
  const events: BlockHistoryEvent[] = [{ at: block.createdAt, kind: 'created', subject: block.name, reason: null }];
  const bm = blockMembers;
  const members = all(
    sqlite,
    sql<{ name: string; joinedAt: string; leftAt: string | null; leftReason: string | null }>`
       SELECT u.${units.name}, bm.${bm.joinedAt} AS joinedAt, bm.${bm.leftAt} AS leftAt, bm.${bm.leftReason} AS leftReason
       FROM ${bm} bm JOIN ${units} u ON u.${units.id} = bm.${bm.unitId} WHERE bm.${bm.blockId} = ${id} AND bm.${bm.deletedAt} IS NULL`,
  );
  for (const m of members) {
    events.push({ at: m.joinedAt, kind: 'joined', subject: m.name, reason: null });
    if (m.leftAt) events.push({ at: m.leftAt, kind: 'left', subject: m.name, reason: m.leftReason });
  }
  const bi = blockInspectors;
  const inspectors = all(
    sqlite,
    sql<{ name: string; assignedAt: string; removedAt: string | null }>`
       SELECT i.${inspectorTable.name}, bi.${bi.assignedAt} AS assignedAt, bi.${bi.removedAt} AS removedAt
       FROM ${bi} bi JOIN ${inspectorTable} i ON i.${inspectorTable.id} = bi.${bi.inspectorId} WHERE bi.${bi.blockId} = ${id} AND bi.${bi.deletedAt} IS NULL`,
  );
  for (const i of inspectors) {
    events.push({ at: i.assignedAt, kind: 'inspector-assigned', subject: i.name, reason: null });
    if (i.removedAt) events.push({ at: i.removedAt, kind: 'inspector-removed', subject: i.name, reason: null });
  }
  const bs = blockSupervisors;
  const supervisors = all(
    sqlite,
    sql<{ name: string; assignedAt: string; removedAt: string | null }>`
       SELECT m.${safetyManagers.name} || '（' || u.${units.name} || '）' AS name, bs.${bs.assignedAt} AS assignedAt, bs.${bs.removedAt} AS removedAt
       FROM ${bs} bs JOIN ${safetyManagers} m ON m.${safetyManagers.id} = bs.${bs.managerId} JOIN ${units} u ON u.${units.id} = m.${safetyManagers.unitId}
       WHERE bs.${bs.blockId} = ${id} AND bs.${bs.deletedAt} IS NULL`,
  );
  for (const s of supervisors) {
    events.push({ at: s.assignedAt, kind: 'supervisor-assigned', subject: s.name, reason: null });
    if (s.removedAt) events.push({ at: s.removedAt, kind: 'supervisor-removed', subject: s.name, reason: null });
  }
  if (block.dissolvedAt) events.push({ at: block.dissolvedAt, kind: 'dissolved', subject: block.name, reason: block.dissolvedReason });
  const order: BlockHistoryEvent['kind'][] = ['created', 'joined', 'inspector-assigned', 'supervisor-assigned', 'left', 'inspector-removed', 'supervisor-removed', 'dissolved'];
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order.indexOf(a.kind) - order.indexOf(b.kind) || a.subject.localeCompare(b.subject, 'zh-CN')));
  return { ...block, history: events };
}
