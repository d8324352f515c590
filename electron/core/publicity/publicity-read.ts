import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { PublicityActivity, PublicityFigures, PublicityKind } from '../../api/schemas/publicity.ts';
import { publicityKinds } from '../../api/schemas/publicity.ts';
import type { CoreContext } from '../context.ts';
import { getIdentity } from '../node/node-service.ts';
import { listScope } from '../lists/list-scope.ts';

export { publicityKindLabels } from './labels.ts';

// The publicity log as the pages, the bureau and the monthly summary read it.


const SELECT = `
SELECT a.id, a.origin_node AS originNode, a.version, a.created_at AS createdAt, a.updated_at AS updatedAt, a.district_id AS districtId, d.name AS districtName,
       a.kind, a.title, a.held_on AS heldOn, a.place, a.audience, a.participants, a.unit_id AS unitId, u.name AS unitName, a.organizer, a.content, a.photos,
       a.deleted_at AS deletedAt
FROM publicity_activities a JOIN districts d ON d.id = a.district_id LEFT JOIN units u ON u.id = a.unit_id`;

type Row = Omit<PublicityActivity, 'photos' | 'mine'> & { photos: string; deletedAt: string | null };

function photoIds(text: string): string[] {
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function complete(ctx: CoreContext, rows: Row[]): PublicityActivity[] {
  const self = getIdentity(ctx)?.id ?? null;
  const ids = [...new Set(rows.flatMap((r) => photoIds(r.photos)))];
  const files = new Map(
    (
      ctx.database.sqlite
        .prepare('SELECT id AS attachmentId, file_name AS fileName, mime_type AS mimeType, size FROM attachments WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL')
        .all(JSON.stringify(ids)) as PublicityActivity['photos']
    ).map((f) => [f.attachmentId, f]),
  );
  return rows.map(({ photos, deletedAt: _d, ...r }) => ({
    ...r,
    photos: photoIds(photos).flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
    mine: r.originNode === self,
  }));
}

/** A live activity's row (for changes) or refusal. */
export function loadActivity(ctx: CoreContext, id: string): Row {
  const row = ctx.database.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该活动记录不存在或已被删除，请刷新。');
  return row;
}

export function getActivity(ctx: CoreContext, id: string): PublicityActivity {
  return complete(ctx, [loadActivity(ctx, id)])[0]!;
}

/** The log, newest first: an office sees its district, the bureau every district (or one). */
export function listActivities(ctx: CoreContext, input: ParsedInput<'publicity.list'>): PublicityActivity[] {
  const own = listScope(ctx).districtId;
  const where = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  const districtId = own ?? input.districtId;
  if (districtId) {
    where.push('a.district_id = ?');
    params.push(districtId);
  }
  if (input.kind) {
    where.push('a.kind = ?');
    params.push(input.kind);
  }
  if (input.from) {
    where.push('a.held_on >= ?');
    params.push(input.from);
  }
  if (input.to) {
    where.push('a.held_on <= ?');
    params.push(input.to);
  }
  const rows = ctx.database.sqlite.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.held_on DESC, a.created_at DESC, a.id`).all(...params) as Row[];
  return complete(ctx, rows);
}

/** The month's (or any period's) figures of one district: activities and people reached, by kind. */
export function publicityFigures(ctx: CoreContext, districtId: string, from: string, to: string): PublicityFigures {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT kind, count(*) AS activities, ifnull(sum(participants), 0) AS participants FROM publicity_activities
       WHERE district_id = ? AND deleted_at IS NULL AND held_on BETWEEN ? AND ? GROUP BY kind`,
    )
    .all(districtId, from, to) as Array<{ kind: PublicityKind; activities: number; participants: number }>;
  const byKind = publicityKinds.flatMap((kind) => rows.filter((r) => r.kind === kind));
  return {
    activities: byKind.reduce((n, r) => n + r.activities, 0),
    participants: byKind.reduce((n, r) => n + r.participants, 0),
    byKind,
  };
}
