import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { PublicityActivity, PublicityFigures, PublicityKind } from '../../api/schemas/publicity.ts';
import { publicityKinds } from '../../api/schemas/publicity.ts';
import type { CoreContext } from '../context.ts';
import { attachments as f, districts, publicityActivities as a, units } from '../../../db/schema/index.ts';
import { all, get, sql, sqlFragment, sqlJoin, sqlRaw } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';
import { listScope } from '../lists/list-scope.ts';

export { publicityKindLabels } from './labels.ts';

// The publicity log as the pages, the bureau and the monthly summary read it.


const SELECT = sqlFragment`
SELECT a.${a.id}, a.${a.originNode} AS originNode, a.${a.version}, a.${a.createdAt} AS createdAt, a.${a.updatedAt} AS updatedAt, a.${a.districtId} AS districtId, d.${districts.name} AS districtName,
       a.${a.kind}, a.${a.title}, a.${a.heldOn} AS heldOn, a.${a.place}, a.${a.audience}, a.${a.participants}, a.${a.unitId} AS unitId, u.${units.name} AS unitName, a.${a.organizer}, a.${a.content}, a.${a.photos},
       a.${a.deletedAt} AS deletedAt
FROM ${a} a JOIN ${districts} d ON d.${districts.id} = a.${a.districtId} LEFT JOIN ${units} u ON u.${units.id} = a.${a.unitId}`;

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
    all(
      ctx.database.sqlite,
      sql<PublicityActivity['photos'][number]>`SELECT ${f.id} AS attachmentId, ${f.fileName} AS fileName, ${f.mimeType} AS mimeType, ${f.size} FROM ${f}
        WHERE ${f.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND ${f.deletedAt} IS NULL`,
    ).map((file) => [file.attachmentId, file]),
  );
  return rows.map(({ photos, deletedAt: _d, ...r }) => ({
    ...r,
    photos: photoIds(photos).flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
    mine: r.originNode === self,
  }));
}

/** A live activity's row (for changes) or refusal. */
export function loadActivity(ctx: CoreContext, id: string): Row {
  const row = get(ctx.database.sqlite, sql<Row>`${SELECT} WHERE a.${a.id} = ${id}`);
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '该活动记录不存在或已被删除，请刷新。');
  return row;
}

export function getActivity(ctx: CoreContext, id: string): PublicityActivity {
  return complete(ctx, [loadActivity(ctx, id)])[0]!;
}

/** The log, newest first: an office sees its district, the bureau every district (or one). */
export function listActivities(ctx: CoreContext, input: ParsedInput<'publicity.list'>): PublicityActivity[] {
  const own = listScope(ctx).districtId;
  const where = [sqlFragment`a.${a.deletedAt} IS NULL`];
  const districtId = own ?? input.districtId;
  if (districtId) where.push(sqlFragment`a.${a.districtId} = ${districtId}`);
  if (input.kind) where.push(sqlFragment`a.${a.kind} = ${input.kind}`);
  if (input.from) where.push(sqlFragment`a.${a.heldOn} >= ${input.from}`);
  if (input.to) where.push(sqlFragment`a.${a.heldOn} <= ${input.to}`);
  const rows = all(
    ctx.database.sqlite,
    sql<Row>`${SELECT} WHERE ${sqlJoin(where, sqlRaw(' AND '))} ORDER BY a.${a.heldOn} DESC, a.${a.createdAt} DESC, a.${a.id}`,
  );
  return complete(ctx, rows);
}

/** The month's (or any period's) figures of one district: activities and people reached, by kind. */
export function publicityFigures(ctx: CoreContext, districtId: string, from: string, to: string): PublicityFigures {
  const rows = all(
    ctx.database.sqlite,
    sql<{ kind: PublicityKind; activities: number; participants: number }>`
      SELECT ${a.kind}, count(*) AS activities, ifnull(sum(${a.participants}), 0) AS participants FROM ${a}
      WHERE ${a.districtId} = ${districtId} AND ${a.deletedAt} IS NULL AND ${a.heldOn} BETWEEN ${from} AND ${to} GROUP BY ${a.kind}`,
  );
  const byKind = publicityKinds.flatMap((kind) => rows.filter((r) => r.kind === kind));
  return {
    activities: byKind.reduce((n, r) => n + r.activities, 0),
    participants: byKind.reduce((n, r) => n + r.participants, 0),
    byKind,
  };
}
