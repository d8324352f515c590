import { byUnitThenPerson } from '../pinyin.ts';
import type { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import { trainingAttendees } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { normalisePhone, PHONE_FORMAT_MESSAGE } from '../../api/schemas/common.ts';
import type { RosterAdded, RowIssue, SignInSheet } from '../../api/schemas/training.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import type { RawRow } from '../sheets/types.ts';
import { buildTwoLists } from '../lists/two-lists.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { localDate } from '../registry/as-of.ts';
import { checkIdNumber, normalizeIdNumber } from '../validation/id-card.ts';
import { requireOwn } from './access.ts';
import { attendeeRows } from './training-rows.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { resolveFile } from '../files/staging.ts';
import { loadSession } from './sessions.ts';
import { receivedByIdNumber, receivedPeople } from './received-registry.ts';
import { column, readTable, text } from './sheet-table.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, get, sql as rowsSql, sqlRaw } from '../data/query.ts';

// 培训名单: picked from the registry's safety managers (by district, by block, from
// list 2 of the 两项清单, or by hand) or imported from xlsx (姓名, 身份证号, 单位名称,
// 统一社会信用代码, 联系电话); attendance 签到 / 缺席; the sign-in sheet for printing.
// A person is on a roster once (by ID number).

interface Person {
  managerId: string | null;
  name: string;
  idNumber: string | null;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
  phone: string | null;
}

export interface RosterEntry {
  id: string;
  managerId: string | null;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
}

/** Looks candidates up on a session's roster: by ID number, else by a name that is unique on it. */
export function rosterIndex(ctx: CoreContext, sessionId: string) {
  const rows = all(ctx.database.sqlite, rowsSql<RosterEntry & { name: string; idNumber: string | null }>`SELECT id, name, id_number AS idNumber, manager_id AS managerId, unit_name AS unitName, unit_uscc AS unitUscc, district_id AS districtId FROM training_attendees WHERE session_id = ${sessionId} AND deleted_at IS NULL`);
  const byId = new Map(rows.filter((r) => r.idNumber).map((r) => [r.idNumber!, r]));
  const byName = new Map<string, RosterEntry | null>();
  for (const r of rows) byName.set(r.name, byName.has(r.name) ? null : r);
  return {
    find(idNumber: string | null, name: string): RosterEntry | null {
      if (idNumber) return byId.get(idNumber) ?? null;
      return byName.get(name) ?? null;
    },
  };
}

function addPeople(ctx: CoreContext, sessionId: string, people: Person[], source: string, call: string): { added: number; alreadyOnRoster: number } {
  const identity = requireIdentity(ctx);
  requireOwn(identity, loadSession(ctx, sessionId), '培训班');
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, call);
  return inTransaction(w, () => {
    const existing = new Set(
      all(sqlite, rowsSql<{ k: string }>`SELECT coalesce(id_number, manager_id, name) AS k FROM training_attendees WHERE session_id = ${sessionId} AND deleted_at IS NULL`).map((r) => r.k),
    );
    const fresh: Person[] = [];
    for (const p of people) {
      const key = p.idNumber ?? p.managerId ?? p.name;
      if (existing.has(key)) continue;
      existing.add(key);
      fresh.push(p);
    }
    const already = people.length - fresh.length;
    // one addition to the roster is one audit entry naming every new attendee (none when
    // everyone was already on it: the entry still says so), not one per person
    const rows = fresh.map((p) => ({ sessionId, managerId: p.managerId, name: p.name, idNumber: p.idNumber, unitName: p.unitName, unitUscc: p.unitUscc, districtId: p.districtId, phone: p.phone, source, attendance: 'unknown' as const }));
    attendeeRows.insertMany(w, rows, { audit: { after: { sessionId, source, added: rows.length, alreadyOnRoster: already } } });
    return { added: rows.length, alreadyOnRoster: already };
  });
}

const managerSql = sqlRaw(`SELECT m.id AS managerId, m.name, m.id_number AS idNumber, u.name AS unitName, u.uscc AS unitUscc, u.district_id AS districtId, m.phone
  FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.deleted_at IS NULL AND u.deleted_at IS NULL`);

export function addFromRegistry(ctx: CoreContext, input: ParsedInput<'training.addAttendees'>): z.infer<typeof RosterAdded> {
  const { sqlite } = ctx.database;
  const people = new Map<string, Person>();
  const take = (rows: Person[]) => rows.forEach((p) => people.set(p.managerId!, p));
  if (!input.districtId && !input.blockId && !input.twoLists && input.managerIds.length === 0) {
    throw new AppError('VALIDATION', '请选择按分局、按安全管理小组、按两项清单或逐个选择安全管理员');
  }
  if (input.districtId) take(all(sqlite, rowsSql<Person>`${managerSql} AND u.district_id = ${input.districtId}`));
  // a training centre holds no ledger: the managers the bureau sent it stand in for it
  take(receivedPeople(ctx, { districtId: input.districtId, twoLists: input.twoLists, managerIds: input.managerIds }));
  if (input.blockId) {
    take(all(sqlite, rowsSql<Person>`${managerSql} AND u.id IN (SELECT unit_id FROM block_members WHERE block_id = ${input.blockId} AND left_at IS NULL AND deleted_at IS NULL)`));
  }
  const named = [...input.managerIds, ...(input.twoLists ? buildTwoLists(ctx, localDate(ctx.now())).managers.map((m) => m.managerId) : [])];
  if (named.length) take(all(sqlite, rowsSql<Person>`${managerSql} AND m.id IN (SELECT value FROM json_each(${JSON.stringify(named)}))`));
  if (people.size === 0) throw new AppError('NOT_FOUND', '所选范围内没有安全管理员，请先导入台账或换一个范围');
  return { ...addPeople(ctx, input.sessionId, [...people.values()], 'registry', 'training.addAttendees'), errors: [] };
}

export async function importRoster(ctx: CoreContext, input: ParsedInput<'training.importRoster'>): Promise<z.infer<typeof RosterAdded>> {
  const file = resolveFile(ctx, input.source);
  const table = await readTable(file.path, file.fileName, '姓名', '培训名单');
  const at = { name: column(table, '姓名')!, id: column(table, '身份证号', '身份证号码'), unit: column(table, '单位名称', '使用单位名称', '工作单位', '单位'), uscc: column(table, '统一社会信用代码'), phone: column(table, '联系电话', '电话', '手机') };
  const errors: RowIssue[] = [];
  const people: Person[] = [];
  const cell = (cells: RawRow['cells'], i: number | undefined) => (i === undefined ? null : text(cells[i]));
  for (const row of table.rows) {
    const name = cell(row.cells, at.name);
    const rawId = cell(row.cells, at.id);
    if (!name && !rawId) continue;
    if (!name) {
      errors.push({ row: row.number, name: null, code: 'no-name', message: `第 ${row.number} 行缺少姓名` });
      continue;
    }
    const idNumber = rawId ? normalizeIdNumber(rawId) : null;
    if (idNumber && !checkIdNumber(idNumber).ok) {
      errors.push({ row: row.number, name, code: 'bad-id-number', message: `第 ${row.number} 行（${name}）的身份证号校验不通过` });
      continue;
    }
    const rawPhone = cell(row.cells, at.phone);
    const phone = rawPhone ? normalisePhone(rawPhone) : null;
    if (rawPhone && !phone) {
      errors.push({ row: row.number, name, code: 'bad-phone', message: `第 ${row.number} 行（${name}）的联系电话“${rawPhone}”不正确：${PHONE_FORMAT_MESSAGE.replace(/^电话号码格式不正确：/, '')}` });
      continue;
    }
    const uscc = cell(row.cells, at.uscc);
    const manager = idNumber
      ? (get(ctx.database.sqlite, rowsSql<Person>`${managerSql} AND m.id_number = ${idNumber} ORDER BY m.updated_at DESC LIMIT 1`) ?? receivedByIdNumber(ctx, idNumber))
      : undefined;
    people.push({ managerId: manager?.managerId ?? null, name, idNumber, unitName: cell(row.cells, at.unit) ?? manager?.unitName ?? null, unitUscc: uscc ?? manager?.unitUscc ?? null, districtId: manager?.districtId ?? null, phone });
  }
  // a file with errors changes nothing: the rows are fixed and the file imported again
  if (errors.length) return { added: 0, alreadyOnRoster: 0, errors };
  return { ...addPeople(ctx, input.sessionId, people, 'import', 'training.importRoster'), errors };
}

export function setAttendance(ctx: CoreContext, input: ParsedInput<'training.setAttendance'>): { changed: number } {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const now = ctx.now().toISOString();
    const rows = all(sqlite, rowsSql<{ id: string; originNode: string; attendance: string }>`SELECT id, origin_node AS originNode, attendance FROM training_attendees WHERE id IN (SELECT value FROM json_each(${JSON.stringify(input.attendeeIds)})) AND deleted_at IS NULL`);
    if (rows.length !== new Set(input.attendeeIds).size) throw new AppError('NOT_FOUND', '名单中有学员不存在或已删除，请刷新后重试');
    rows.forEach((r) => requireOwn(identity, r, '培训名单'));
    const changed = rows.filter((r) => r.attendance !== input.attendance);
    // one audit entry for the whole selection, beside the write layer on purpose
    for (const r of changed) {
      ctx.database.db
        .update(trainingAttendees)
        .set({ attendance: input.attendance, signedInAt: input.attendance === 'present' ? now : null, updatedAt: now, version: sql`${trainingAttendees.version} + 1` })
        .where(eq(trainingAttendees.id, r.id))
        .run();
    }
    appendAudit(ctx, { nodeId: identity.id, call: 'training.setAttendance', table: 'training_attendees', rowIds: changed.map((r) => r.id), before: changed.map((r) => r.attendance), after: { attendance: input.attendance } });
    return { changed: changed.length };
  })();
}

/** 签到表: the roster in print order, ID numbers masked, with empty signature boxes on paper. */
export function signInSheet(ctx: CoreContext, sessionId: string): z.infer<typeof SignInSheet> {
  const s = loadSession(ctx, sessionId);
  const rows = all(ctx.database.sqlite, rowsSql<{ name: string; unitName: string | null; idNumber: string | null; attendance: 'unknown' | 'present' | 'absent' }>`SELECT name, unit_name AS unitName, id_number AS idNumber, attendance FROM training_attendees WHERE session_id = ${sessionId} AND deleted_at IS NULL ORDER BY unit_name, name, id`);
  rows.sort(byUnitThenPerson); // by pinyin; the SQL order breaks ties
  return {
    title: `${s.title}签到表`,
    dates: s.endDate && s.endDate !== s.startDate ? `${s.startDate} 至 ${s.endDate}` : s.startDate,
    place: s.place,
    trainers: s.trainers,
    rows: rows.map((r, i) => ({ no: i + 1, name: r.name, unitName: r.unitName, idNumberMasked: maskIdNumber(r.idNumber), attendance: r.attendance })),
  };
}
