import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzleOf } from '../../../../db/drizzle-of.ts';
import { acceptanceDecisions, acceptanceFiles, supervisorCertificates, trustedKeys, units } from '../../../../db/schema/index.ts';
import { LATEST_CHECKLIST_VERSION } from '../../acceptance/checklist.ts';
import { insertManager, insertPieces, insertUnit } from '../../registry/testing/fixtures.ts';

// Units for the block tests: a name, a town in the address, pieces in use (list 1 at
// 20 or more), some overdue, and optionally a manager with a valid A certificate.

export interface BlockUnitFields {
  name: string;
  town?: string;
  industry?: string | null;
  /** pieces in use (elevators unless kind is given) */
  pieces: number;
  overdue?: number;
  kind?: { kind: string; category: string; variety: string };
  /** expiry date of an A certificate; null: no manager at all */
  managerExpiry?: string | null;
  managerName?: string;
  managerPhone?: string;
  managerIdNumber?: string;
}

export function addUnit(sqlite: Database.Database, f: BlockUnitFields): string {
  const id = insertUnit(sqlite, { name: f.name, address: f.town === '' ? undefined : `张家港市${f.town ?? '塘桥镇'}人民路 ${f.pieces} 号` });
  if (f.industry !== undefined) drizzleOf(sqlite).update(units).set({ industry: f.industry }).where(eq(units.id, id)).run();
  const overdue = f.overdue ?? 0;
  insertPieces(sqlite, id, f.pieces - overdue, { ...f.kind, next: '2027-06-01' });
  if (overdue > 0) insertPieces(sqlite, id, overdue, { ...f.kind, next: '2026-01-01' });
  const expiry = f.managerExpiry === undefined ? '2028-12-31' : f.managerExpiry;
  if (expiry !== null) {
    insertManager(sqlite, id, {
      name: f.managerName ?? '王建国',
      expiry,
      certificateNo: `TS${id.slice(-8)}`,
      phone: f.managerPhone ?? '13812345678',
      idNumber: f.managerIdNumber ?? null,
    });
  }
  return id;
}

/** n list-1 units of one town, named 张家港市<prefix>01机械有限公司 …, with pieces, pieces + 1 … in use (default 20). */
export function addUnits(sqlite: Database.Database, n: number, f: Partial<BlockUnitFields> & { prefix: string }): string[] {
  return Array.from({ length: n }, (_, i) => addUnit(sqlite, { ...f, pieces: (f.pieces ?? 20) + i, name: `张家港市${f.prefix}${String(i + 1).padStart(2, '0')}机械有限公司` }));
}

/**
 * An acceptance file for the unit as it stands after the bureau's word: 'passed' (in
 * 市局验收, answered by a pass decision) or an office state such as 'self_check'.
 * Written as rows, as a bureau bundle leaves them; the flow itself is tested in acceptance.
 */
/**
 * The city bureau this node trusts, as key enrolment leaves it: only rows a trusted bureau
 * made count as its decisions and reviews (sync/authority.ts, bureauRows).
 */
export function trustBureau(sqlite: Database.Database, nodeId = 'bureau'): void {
  drizzleOf(sqlite)
    .insert(trustedKeys)
    .values({
      id: `key-${nodeId}`,
      nodeId,
      nodeName: '张家港市市场监督管理局',
      role: 'bureau',
      signingKey: 'test-key',
      recipients: '[]',
      fingerprint: '00000',
      trustedAt: '2026-01-01T00:00:00Z',
      trustedBy: 'test',
    })
    .onConflictDoNothing()
    .run();
}

export function addAcceptanceFile(sqlite: Database.Database, unitId: string, state: 'passed' | 'self_check'): void {
  const fileId = `file-${unitId}`;
  const db = drizzleOf(sqlite);
  const at = '2026-06-01T00:00:00Z';
  db.insert(acceptanceFiles)
    .values({
      id: fileId,
      originNode: 'test',
      createdAt: at,
      updatedAt: at,
      districtId: 'seed-district-03',
      unitId,
      phase: 'pilot',
      checklistVersion: LATEST_CHECKLIST_VERSION,
      state: state === 'passed' ? 'city_review' : state,
      round: 1,
    })
    .run();
  if (state !== 'passed') return;
  trustBureau(sqlite);
  const decidedAt = '2026-06-20T00:00:00Z';
  db.insert(acceptanceDecisions)
    .values({
      id: `decision-${unitId}`,
      originNode: 'bureau',
      createdAt: decidedAt,
      updatedAt: decidedAt,
      fileId,
      officeNode: 'test',
      round: 1,
      outcome: 'pass',
      decidedOn: '2026-06-20',
      decidedBy: '市局特设科',
    })
    .run();
}

/** A 特种设备安全监督员证 of the manager, as the node that issued it holds it (training-centre rows arrive the same way). */
export function addSupervisorCertificate(sqlite: Database.Database, managerId: string, validUntil: string, certificateNo = '张特监〔2026〕第0001号'): void {
  const at = '2026-06-01T00:00:00Z';
  drizzleOf(sqlite)
    .insert(supervisorCertificates)
    .values({
      id: `cert-${managerId}`,
      originNode: 'training-centre',
      createdAt: at,
      updatedAt: at,
      certificateNo,
      year: 2026,
      seq: 1,
      holderName: '王建国',
      managerId,
      issueDate: '2026-06-01',
      validUntil,
      issuingNode: 'training-centre',
      payload: 'QKL1.test',
    })
    .run();
}
