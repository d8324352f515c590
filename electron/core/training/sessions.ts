import { byUnitThenPerson } from '../pinyin.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { SessionDetail, TrainingSession } from '../../api/schemas/training.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { requireOwn, requireVersion } from './access.ts';
import { requireIdentity } from '../node/node-service.ts';
import { sessionRows } from './training-rows.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';

// 培训班: title, districts, dates, place, trainers, hours, content; the roster and
// attendance are in roster.ts.

interface SessionRow {
  id: string;
  version: number;
  originNode: string;
  title: string;
  districtIds: string;
  startDate: string;
  endDate: string | null;
  place: string | null;
  trainers: string | null;
  hours: number | null;
  content: string | null;
  attendees: number;
  present: number;
}

const sessionSql = sqlRaw(`SELECT s.id, s.version, s.origin_node AS originNode, s.title, s.district_ids AS districtIds, s.start_date AS startDate, s.end_date AS endDate,
  s.place, s.trainers, s.hours, s.content,
  (SELECT count(*) FROM training_attendees a WHERE a.session_id = s.id AND a.deleted_at IS NULL) AS attendees,
  (SELECT count(*) FROM training_attendees a WHERE a.session_id = s.id AND a.deleted_at IS NULL AND a.attendance = 'present') AS present
  FROM training_sessions s WHERE s.deleted_at IS NULL`);

const toSession = (r: SessionRow): TrainingSession => ({ ...r, districtIds: JSON.parse(r.districtIds) as string[] });

export function loadSession(ctx: CoreContext, id: string): TrainingSession {
  const row = get(ctx.database.sqlite, sql<SessionRow>`${sessionSql} AND s.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', '培训班不存在或已删除，请刷新后重试', { field: 'sessionId' });
  return toSession(row);
}

export function listSessions(ctx: CoreContext): TrainingSession[] {
  return all(ctx.database.sqlite, sql<SessionRow>`${sessionSql} ORDER BY s.start_date DESC, s.id`).map(toSession);
}

export function getSession(ctx: CoreContext, id: string): SessionDetail {
  const session = loadSession(ctx, id);
  const roster = all(ctx.database.sqlite, sql<SessionDetail['roster'][number] & { idNumber: string | null }>`SELECT id, version, name, id_number AS idNumber, unit_name AS unitName, unit_uscc AS unitUscc, district_id AS districtId, manager_id AS managerId, source,
              attendance, signed_in_at AS signedInAt
       FROM training_attendees WHERE session_id = ${id} AND deleted_at IS NULL ORDER BY unit_name, name, id`);
  // by pinyin (SQL orders Chinese by code point); the SQL order breaks ties
  roster.sort(byUnitThenPerson);
  return { ...session, roster: roster.map(({ idNumber, ...a }) => ({ ...a, idNumberMasked: maskIdNumber(idNumber) })) };
}

export function saveSession(ctx: CoreContext, input: ParsedInput<'training.saveSession'>): SessionDetail {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  if (input.endDate && input.endDate < input.startDate) throw new AppError('VALIDATION', '结束日期不能早于开始日期', { field: 'endDate' });
  // a district office trains for its own district
  const districtIds = identity.role === 'district' && identity.districtId && input.districtIds.length === 0 ? [identity.districtId] : input.districtIds;
  if (identity.role === 'district' && districtIds.some((d) => d !== identity.districtId)) throw new AppError('FORBIDDEN', '分局只能为本辖区举办培训班', { field: 'districtIds' });
  for (const d of districtIds) {
    if (!sqlite.prepare('SELECT 1 FROM districts WHERE id = ? AND deleted_at IS NULL').get(d)) throw new AppError('VALIDATION', '所选分局不存在，请刷新后重新选择', { field: 'districtIds' });
  }
  const fields = {
    title: input.title,
    districtIds: JSON.stringify(districtIds),
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    place: input.place,
    trainers: input.trainers,
    hours: input.hours ?? null,
    content: input.content,
  };
  const w = beginWrite(ctx, identity, 'training.saveSession');
  const id = inTransaction(w, () => {
    if (!input.id) return sessionRows.insert(w, fields, { audit: { after: { ...input, districtIds } } }).id;
    const before = loadSession(ctx, input.id);
    requireOwn(identity, before, '培训班');
    requireVersion(before, input.version, '培训班');
    sessionRows.update(w, sessionRows.owned(w, input.id), fields, { before, after: { ...input, districtIds } });
    return input.id;
  });
  return getSession(ctx, id);
}
