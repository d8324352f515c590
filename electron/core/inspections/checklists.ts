import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Checklist } from '../../api/schemas/inspections.ts';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import type { CoreContext } from '../context.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { inspectionChecklists } from '../../../db/schema/index.ts';
import { sql, value } from '../data/query.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { newId } from '../ids.ts';
import { getIdentity, requireDistrictIdentity } from '../node/node-service.ts';
import { checklistRows } from './inspection-rows.ts';
import { parseJson } from './office.ts';
import { shippedChecklists } from './shipped-checklists.ts';

// Checklists as plans see them: the shipped versions and the offices' own versions
// (inspection_checklists rows, which hold their whole item list). A plan pins key and
// version; an office's own version is looked up among the rows of the plan's node
// first, so a later app shipping the same number never changes what a plan meant.

interface Row {
  id: string;
  originNode: string;
  districtId: string;
  key: string;
  name: string;
  equipmentKind: string | null;
  checklistVersion: number;
  items: string;
}

const lists = inspectionChecklists;
const ROW = { id: lists.id, originNode: lists.originNode, districtId: lists.districtId, key: lists.key, name: lists.name, equipmentKind: lists.equipmentKind, checklistVersion: lists.checklistVersion, items: lists.items };

type Resolved = Omit<Checklist, 'latest'>;

function fromRow(row: Row): Resolved {
  const items = parseJson<Array<{ code: string; text: string; basis?: string | null }>>(row.items, []);
  return {
    key: row.key,
    version: row.checklistVersion,
    name: row.name,
    equipmentKind: row.equipmentKind,
    source: 'office',
    id: row.id,
    originNode: row.originNode,
    districtId: row.districtId,
    items: items.map((i) => ({ code: i.code, text: i.text, basis: i.basis ?? null })),
  };
}

function shipped(): Resolved[] {
  return shippedChecklists().map((c) => ({ ...c, source: 'shipped', id: null, originNode: null, districtId: null }));
}

/** Every version this node may plan with (an office: shipped and its own; the bureau: every office's too). */
export function listChecklists(ctx: CoreContext, input: { equipmentKind?: string | undefined }): Checklist[] {
  const self = getIdentity(ctx);
  const office = self?.role === 'district';
  const rows: Row[] = ctx.database.db
    .select(ROW)
    .from(lists)
    .where(and(isNull(lists.deletedAt), office ? eq(lists.originNode, self.id) : undefined))
    .orderBy(lists.key, lists.checklistVersion)
    .all();
  const known = [...shipped(), ...rows.map(fromRow)].filter((c) => input.equipmentKind === undefined || c.equipmentKind === input.equipmentKind || c.equipmentKind === null);
  const shippedMax = (key: string) => Math.max(0, ...shipped().filter((c) => c.key === key).map((c) => c.version));
  const rowMax = (origin: string | null, key: string) => Math.max(0, ...rows.filter((r) => r.originNode === origin && r.key === key).map((r) => r.checklistVersion));
  // the newest of a key as its owner sees it: the shipped versions and that office's own (an office's shipped: its own too)
  return known.map((c) => ({ ...c, latest: c.version === Math.max(shippedMax(c.key), rowMax(c.originNode ?? (office ? self.id : null), c.key)) }));
}

/** The pinned version for a plan of `originNode`: its own row first, else the shipped file. */
export function resolveChecklist(ctx: CoreContext, originNode: string, key: string, version: number): Resolved {
  const row = ctx.database.db
    .select(ROW)
    .from(lists)
    .where(and(isNull(lists.deletedAt), eq(lists.originNode, originNode), eq(lists.key, key), eq(lists.checklistVersion, version)))
    .get();
  if (row) return fromRow(row);
  const file = shipped().find((c) => c.key === key && c.version === version);
  if (!file) throw new AppError('NOT_FOUND', `找不到检查表 ${key} 第 ${version} 版，请重新选择检查表。`, { field: 'checklistKey' });
  return file;
}

/** The newest version of a key this office knows (shipped or its own), 0 if none. */
function newestVersion(ctx: CoreContext, originNode: string, key: string): number {
  const own = value(ctx.database.sqlite, sql<number | null>`SELECT max(${lists.checklistVersion}) AS v FROM ${lists} WHERE ${lists.originNode} = ${originNode} AND ${lists.key} = ${key}`);
  const file = Math.max(0, ...shipped().filter((c) => c.key === key).map((c) => c.version));
  return Math.max(own ?? 0, file);
}

/** A new version of a list (at the version the user started from) or a new list of the office. */
export function saveChecklist(ctx: CoreContext, input: ParsedInput<'inspections.saveChecklist'>): Checklist {
  const identity = requireDistrictIdentity(ctx);
  if (input.equipmentKind && loadCatalogue().get(input.equipmentKind)?.level !== 'kind') {
    throw new AppError('VALIDATION', `设备种类 ${input.equipmentKind} 不是目录中的种类代码，请重新选择。`, { field: 'equipmentKind' });
  }
  const codes = new Set<string>();
  for (const item of input.items) {
    if (codes.has(item.code)) throw new AppError('VALIDATION', `检查项目编号 ${item.code} 重复，请改为不同的编号。`, { field: 'items' });
    codes.add(item.code);
  }
  const w = beginWrite(ctx, identity, 'inspections.saveChecklist');
  const id = inTransaction(w, () => {
    let key = input.key;
    let version = 1;
    if (key) {
      const newest = newestVersion(ctx, identity.id, key);
      if (newest === 0) throw new AppError('NOT_FOUND', `找不到检查表 ${key}，请刷新后重试。`, { field: 'key' });
      if (input.basedOnVersion !== newest) {
        throw new AppError('CONFLICT', `检查表已有第 ${newest} 版（您修改的是第 ${input.basedOnVersion ?? '?'} 版），请刷新后在最新版本上修改。`, { currentVersion: newest });
      }
      version = newest + 1;
    } else {
      key = `office-${newId().replace(/-/g, '').slice(-12)}`;
    }
    const items = input.items.map((i) => ({ code: i.code, text: i.text, basis: i.basis ?? null }));
    const values = { districtId: identity.districtId, key, name: input.name, equipmentKind: input.equipmentKind, checklistVersion: version, items: JSON.stringify(items) };
    return checklistRows.insert(w, values, { audit: { after: { key, version, name: input.name, equipmentKind: input.equipmentKind, items: items.length } } }).id;
  });
  const saved = listChecklists(ctx, {}).find((c) => c.id === id);
  if (!saved) throw new AppError('INTERNAL', '检查表已保存但无法读取，请刷新。');
  return saved;
}
