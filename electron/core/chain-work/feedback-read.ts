import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Feedback, FeedbackByManager, FeedbackList } from '../../api/schemas/chain-work.ts';
import { readDistrict } from '../blocks/block-scope.ts';
import type { CoreContext } from '../context.ts';
import { get, sql, sqlRaw } from '../data/query.ts';
import { getIdentity } from '../node/node-service.ts';

// Reading the 问题反馈: the list (open ones first, newest first) and, per safety manager,
// how many were received, are open, were answered, became hazards and were closed.

type Row = Omit<Feedback, 'actions'>;
type FeedbackFilter = { district: string | null; manager: string | null; block: string | null; state: string | null; open: number | null };

const SELECT = `SELECT f.id, f.origin_node AS originNode, f.version, f.district_id AS districtId, f.manager_id AS managerId, m.name AS managerName,
  m.unit_id AS managerUnitId, mu.name AS managerUnitName, f.block_id AS blockId, b.name AS blockName, f.unit_id AS unitId, u.name AS unitName,
  f.equipment_id AS equipmentId, coalesce(e.equipment_code, e.registration_code) AS equipmentCode, f.reported_on AS reportedOn,
  f.taken_by_kind AS takenByKind, f.taken_by_inspector_id AS takenByInspectorId, f.taken_by_name AS takenByName, f.content,
  f.answer, f.answered_on AS answeredOn, f.answered_by AS answeredBy, f.hazard_id AS hazardId, h.state AS hazardState, h.description AS hazardDescription,
  f.closed_on AS closedOn, f.close_note AS closeNote, f.state
  FROM manager_feedback f JOIN safety_managers m ON m.id = f.manager_id JOIN units mu ON mu.id = m.unit_id
  LEFT JOIN blocks b ON b.id = f.block_id LEFT JOIN units u ON u.id = f.unit_id LEFT JOIN equipment e ON e.id = f.equipment_id
  LEFT JOIN hazards h ON h.id = f.hazard_id`;

/** Hazard states in which a 问题反馈 turned into that hazard may be closed. */
export const HAZARD_DONE = ['closed', 'archived'];

function actionsOf(row: Row, self: string | null): Feedback['actions'] {
  if (row.originNode !== self) return [];
  switch (row.state) {
    case 'registered':
      return ['edit', 'answer', 'hazard'];
    case 'answered':
      return ['hazard', 'close'];
    case 'hazard':
      return HAZARD_DONE.includes(row.hazardState ?? '') ? ['close'] : [];
    default:
      return [];
  }
}

const toFeedback = (row: Row, self: string | null): Feedback => ({ ...row, actions: actionsOf(row, self) });

export function loadFeedback(ctx: CoreContext, id: string): Feedback {
  const row = get(ctx.database.sqlite, sql<Row>`${sqlRaw(SELECT)} WHERE f.id = ${id} AND f.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '该问题反馈不存在或已被删除，请刷新列表。');
  return toFeedback(row, getIdentity(ctx)?.id ?? null);
}

function byManager(items: readonly Feedback[]): FeedbackByManager[] {
  const out = new Map<string, FeedbackByManager>();
  for (const f of items) {
    const m = out.get(f.managerId) ?? { managerId: f.managerId, managerName: f.managerName, unitName: f.managerUnitName, blockName: f.blockName, received: 0, open: 0, answered: 0, hazards: 0, closed: 0 };
    m.received += 1;
    if (f.state !== 'closed') m.open += 1;
    if (f.answer) m.answered += 1;
    if (f.hazardId) m.hazards += 1;
    if (f.state === 'closed') m.closed += 1;
    m.blockName ??= f.blockName;
    out.set(f.managerId, m);
  }
  return [...out.values()].sort((a, b) => b.open - a.open || b.received - a.received || a.managerName.localeCompare(b.managerName, 'zh-CN'));
}

/** The district's reports (every district's on the bureau); the per-manager table counts the same filtered list. */
export function listFeedback(ctx: CoreContext, input: ParsedInput<'chain.feedback'>): FeedbackList {
  const self = getIdentity(ctx)?.id ?? null;
  const open = input.open === undefined ? null : input.open ? 1 : 0;
  // named parameters, each used twice: a typed statement keeps the text as measured
  const rows = ctx.database.sqlite
    .prepare<[FeedbackFilter], Row>(
      `${SELECT} WHERE f.deleted_at IS NULL AND (@district IS NULL OR f.district_id = @district) AND (@manager IS NULL OR f.manager_id = @manager)
       AND (@block IS NULL OR f.block_id = @block) AND (@state IS NULL OR f.state = @state) AND (@open IS NULL OR (f.state <> 'closed') = @open)
       ORDER BY f.state = 'closed', f.reported_on DESC, f.created_at DESC, f.id`,
    )
    .all({ district: readDistrict(ctx), manager: input.managerId ?? null, block: input.blockId ?? null, state: input.state ?? null, open });
  const items = rows.map((r) => toFeedback(r, self));
  return { items, byManager: byManager(items) };
}
