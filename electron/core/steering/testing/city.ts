import { eq } from 'drizzle-orm';
import type { ExchangeNode } from '../../../../tests/support/exchange.ts';
import { BUREAU, exchangeNetwork, type ExchangeNetwork } from '../../../../tests/support/exchange-network.ts';
import { equipment, units } from '../../../../db/schema/index.ts';
import type { AcceptanceDetail } from '../../../api/schemas/acceptance.ts';
import { fillFile } from '../../acceptance/testing/fill.ts';
import { insertPieces, insertUnit, type PieceFields } from '../../registry/testing/fixtures.ts';
import { insertRow } from '../../summaries/testing/fixtures.ts';

// The city bureau and the offices it steers, each a real core on its own SQLite file,
// trusting each other, exchanging real bundles. Every node reads the same settable
// clock, at 10:00 China time on `clock.day`; files are staged on the real clock
// (staging prunes by the files' real age).

export const TANGQIAO = 'seed-district-03';
export const JINFENG = 'seed-district-04';
export const NANFENG = 'seed-district-05';

export const clock = { day: '2026-10-15', real: false };
export const now = () => (clock.real ? new Date() : new Date(`${clock.day}T02:00:00Z`));

/** The nodes, with `send(from, to)` for the next bundle of `from` imported at `to`. */
export type City = ExchangeNetwork<'bureau' | 'tangqiao' | 'jinfeng'>;

/** 市局, 塘桥分局 and 锦丰分局, enrolled at the bureau on clock.day. */
export async function city(): Promise<City> {
  return exchangeNetwork(
    {
      bureau: BUREAU,
      tangqiao: { role: 'district', name: '塘桥分局', districtId: TANGQIAO },
      jinfeng: { role: 'district', name: '锦丰分局', districtId: JINFENG },
    },
    { now },
  );
}

/** A unit of the office's registry with its pieces, owned by the office (as its ledger import writes them). */
export function unitWithPieces(office: ExchangeNode, districtId: string, name: string, pieces: Array<{ n: number } & PieceFields>): string {
  const sqlite = office.core.ctx.database.sqlite;
  const unitId = insertUnit(sqlite, { name, districtId });
  for (const p of pieces) insertPieces(sqlite, unitId, p.n, p);
  const { db } = office.core.ctx.database;
  db.update(units).set({ originNode: office.id }).where(eq(units.id, unitId)).run();
  db.update(equipment).set({ originNode: office.id }).where(eq(equipment.unitId, unitId)).run();
  return unitId;
}

/** A row of the office's own, as its service writes it. */
export function officeRow(office: ExchangeNode, table: string, fields: Record<string, unknown>): string {
  return insertRow(office.core.ctx.database.sqlite, table, { origin_node: office.id, ...fields });
}

/** A hazard the office registered, with its deadline and (if closed) the day it was closed. */
export function hazard(office: ExchangeNode, districtId: string, unitId: string, description: string, deadline: string, closedOn: string | null): string {
  return officeRow(office, 'hazards', {
    district_id: districtId,
    unit_id: unitId,
    description,
    level: 'general',
    found_by: '陈监察',
    found_on: '2026-10-20',
    deadline,
    state: closedOn ? 'closed' : 'rectifying',
    closed_on: closedOn,
  });
}

let certificateSeq = 0;
/** A supervisor certificate the office issued (an office certifies for its own sessions). */
export function certificate(office: ExchangeNode, districtId: string, holder: string, issued: string, revokedAt: string | null = null): string {
  const seq = ++certificateSeq;
  return officeRow(office, 'supervisor_certificates', {
    certificate_no: `张特监〔2026〕第${String(seq).padStart(4, '0')}号`,
    year: 2026,
    seq,
    holder_name: holder,
    id_number: `32058219800101${String(1000 + seq)}`,
    unit_name: '塘桥示范电梯有限公司',
    district_id: districtId,
    issue_date: issued,
    valid_until: '2030-10-31',
    issuing_node: office.id,
    revoked_at: revokedAt,
    revoked_reason: revokedAt ? '调离' : null,
    payload: `QKL2:TEST${seq}`,
  });
}

/** The office's acceptance file for the unit, filled and sent to the bureau's review (市局验收). */
export async function fileInCityReview(office: ExchangeNode, unitId: string, phase: 'pilot' | 'rollout'): Promise<AcceptanceDetail> {
  let file = await office.ok('acceptance.create', { unitId, phase, inspectorName: '陈监察' });
  file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'start' });
  clock.real = true;
  try {
    // the system's findings on today's real date, which fillFile answers item by item
    file = await office.ok('acceptance.get', { id: file.id });
    await fillFile(office, file);
  } finally {
    clock.real = false;
  }
  file = await office.ok('acceptance.get', { id: file.id });
  file = await office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit' });
  return office.ok('acceptance.transition', { id: file.id, version: file.version, action: 'submit_city' });
}
