import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { BlockMeeting, Participant } from '../../api/schemas/routine.ts';
import { readDistrict } from '../blocks/block-scope.ts';
import type { CoreContext } from '../context.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';
import { attachmentIds, storeStaged } from '../attachments/store.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { type DistrictIdentity, getIdentity, requireDistrictIdentity } from '../node/node-service.ts';
import { filesOf } from './check-read.ts';
import { meetingRows } from './routine-rows.ts';
import { loadOwnBlock, parseJson, requireVersion, today } from './routine-scope.ts';

// A block's meetings and 交流学习: topic, who took part (safety managers and inspectors
// from the registers, others by name), minutes, photos. Participants are stored with the
// names the registers hold, so the record reads the same at the bureau; a supervisor's
// attendance counts in the work log through the manager's id.

type SaveInput = ParsedInput<'blocks.saveMeeting'>;

interface MeetingRow {
  id: string;
  originNode: string;
  version: number;
  districtId: string;
  blockId: string;
  blockName: string;
  kind: BlockMeeting['kind'];
  heldOn: string;
  topic: string;
  place: string | null;
  participants: string;
  minutes: string | null;
  attachments: string;
}

const SELECT = `SELECT g.id, g.origin_node AS originNode, g.version, g.district_id AS districtId, g.block_id AS blockId, b.name AS blockName, g.kind,
  g.held_on AS heldOn, g.topic, g.place, g.participants, g.minutes, g.attachments FROM block_meetings g JOIN blocks b ON b.id = g.block_id`;

function toMeeting(ctx: CoreContext, row: MeetingRow, self: string | null): BlockMeeting {
  const { participants, attachments, ...rest } = row;
  return { ...rest, participants: parseJson<Participant[]>(participants, []), files: filesOf(ctx, attachments), mine: row.originNode === self };
}

export function listMeetings(ctx: CoreContext, input: { blockId?: string | undefined }): BlockMeeting[] {
  const self = getIdentity(ctx)?.id ?? null;
  const filters = sqlRaw('(@district IS NULL OR g.district_id = @district) AND (@block IS NULL OR g.block_id = @block)', [], { district: readDistrict(ctx), block: input.blockId ?? null });
  const rows = all(ctx.database.sqlite, sql<MeetingRow>`${sqlRaw(SELECT)} WHERE g.deleted_at IS NULL AND ${filters} ORDER BY g.held_on DESC, g.created_at DESC, g.id`);
  return rows.map((r) => toMeeting(ctx, r, self));
}

function loadMeeting(ctx: CoreContext, id: string): MeetingRow {
  const row = get(ctx.database.sqlite, sql<MeetingRow>`${sqlRaw(SELECT)} WHERE g.id = ${id} AND g.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该会议记录不存在或已被删除，请刷新列表。');
  return row;
}

/** Listed people with the names and units the registers hold; others by name; nobody twice. */
function checkParticipants(ctx: CoreContext, identity: DistrictIdentity, list: readonly Participant[]): Participant[] {
  const { sqlite } = ctx.database;
  // prepared once, run per participant
  const manager = sqlite.prepare<[string, string], { name: string; unitName: string }>(
    'SELECT m.name, u.name AS unitName FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.id = ? AND m.deleted_at IS NULL AND u.district_id = ?',
  );
  const inspector = sqlite.prepare<[string, string], { name: string }>('SELECT name FROM inspectors WHERE id = ? AND deleted_at IS NULL AND district_id = ?');
  const seen = new Set<string>();
  const out = list.map((p) => {
    let person: Participant;
    if (p.kind === 'other' || !p.id) {
      const name = p.name.trim();
      if (!name) throw new AppError('VALIDATION', '请填写参加人员的姓名。', { field: 'participants' });
      person = { kind: p.kind === 'other' ? 'other' : p.kind, name };
    } else if (p.kind === 'manager') {
      const row = manager.get(p.id, identity.districtId);
      if (!row) throw new AppError('VALIDATION', `参加人员“${p.name || p.id}”不是本辖区台账中的安全管理员，请重新选择。`, { field: 'participants' });
      person = { kind: 'manager', id: p.id, name: row.name, unitName: row.unitName };
    } else {
      const row = inspector.get(p.id, identity.districtId);
      if (!row) throw new AppError('VALIDATION', `参加人员“${p.name || p.id}”不是本辖区的监察人员，请重新选择。`, { field: 'participants' });
      person = { kind: 'inspector', id: p.id, name: row.name };
    }
    const key = person.id ? `${person.kind}:${person.id}` : `name:${person.name}`;
    if (seen.has(key)) throw new AppError('VALIDATION', `参加人员中“${person.name}”重复，请删去一个。`, { field: 'participants' });
    seen.add(key);
    return person;
  });
  if (out.length === 0) throw new AppError('VALIDATION', '请至少选择一名参加人员。', { field: 'participants' });
  return out;
}

export function saveMeeting(ctx: CoreContext, input: SaveInput): BlockMeeting {
  const identity = requireDistrictIdentity(ctx);
  if (input.heldOn > today(ctx)) throw new AppError('VALIDATION', '会议日期不能晚于今天：会议开过后再记录。', { field: 'heldOn' });
  const stored = storeStaged(ctx, input.addFiles);
  const w = beginWrite(ctx, identity, 'blocks.saveMeeting');
  const id = inTransaction(w, () => {
    const added = attachmentIds(ctx.database, identity.id, w.now, stored);
    const participants = checkParticipants(ctx, identity, input.participants);
    // the meeting's fields as the audit log has always named them
    const fields = { kind: input.kind, held_on: input.heldOn, topic: input.topic, place: input.place, participants: JSON.stringify(participants), minutes: input.minutes };
    const meeting = { kind: input.kind, heldOn: input.heldOn, topic: input.topic, place: input.place, participants: fields.participants, minutes: input.minutes };
    if (!input.id) {
      const block = loadOwnBlock(ctx, identity, input.blockId);
      const values = { districtId: identity.districtId, blockId: block.id, ...meeting, attachments: JSON.stringify(added) };
      return meetingRows.insert(w, values, { audit: { after: { blockId: block.id, ...fields, participants, files: added } } }).id;
    }
    const before = meetingRows.owned(w, input.id, input.version);
    requireVersion(input.version, '会议记录');
    if (before.blockId !== input.blockId) throw new AppError('VALIDATION', '会议记录所属的小组不能更改。', { field: 'blockId' });
    loadOwnBlock(ctx, identity, before.blockId);
    const kept = parseJson<string[]>(before.attachments, []);
    for (const removed of input.removeFiles) {
      if (!kept.includes(removed)) throw new AppError('VALIDATION', '要移除的文件不在本记录中，请刷新后重试。', { field: 'removeFiles' });
    }
    const files = [...new Set([...kept.filter((f) => !input.removeFiles.includes(f)), ...added])];
    const { kind, heldOn, topic, place, minutes } = before;
    meetingRows.update(w, before, { ...meeting, attachments: JSON.stringify(files) }, {
      before: { kind, heldOn, topic, place, minutes, participants: parseJson(before.participants, []), files: kept },
      after: { ...fields, participants, files },
    });
    return before.id;
  });
  return toMeeting(ctx, loadMeeting(ctx, id), identity.id);
}
