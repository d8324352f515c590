import type Database from 'better-sqlite3';
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
  if (f.industry !== undefined) sqlite.prepare('UPDATE units SET industry = ? WHERE id = ?').run(f.industry, id);
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
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO trusted_keys (id, node_id, node_name, role, signing_key, recipients, fingerprint, trusted_at, trusted_by)
       VALUES (?, ?, '张家港市市场监督管理局', 'bureau', 'test-key', '[]', '00000', '2026-01-01T00:00:00Z', 'test')`,
    )
    .run(`key-${nodeId}`, nodeId);
}

export function addAcceptanceFile(sqlite: Database.Database, unitId: string, state: 'passed' | 'self_check'): void {
  const fileId = `file-${unitId}`;
  sqlite
    .prepare(
      `INSERT INTO acceptance_files (id, origin_node, created_at, updated_at, district_id, unit_id, phase, checklist_version, state, round)
       VALUES (?, 'test', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z', 'seed-district-03', ?, 'pilot', ?, ?, 1)`,
    )
    .run(fileId, unitId, LATEST_CHECKLIST_VERSION, state === 'passed' ? 'city_review' : state);
  if (state !== 'passed') return;
  trustBureau(sqlite);
  sqlite
    .prepare(
      `INSERT INTO acceptance_decisions (id, origin_node, created_at, updated_at, file_id, office_node, round, outcome, decided_on, decided_by)
       VALUES (?, 'bureau', '2026-06-20T00:00:00Z', '2026-06-20T00:00:00Z', ?, 'test', 1, 'pass', '2026-06-20', '市局特设科')`,
    )
    .run(`decision-${unitId}`, fileId);
}

/** A 特种设备安全监督员证 of the manager, as the node that issued it holds it (training-centre rows arrive the same way). */
export function addSupervisorCertificate(sqlite: Database.Database, managerId: string, validUntil: string, certificateNo = '张特监〔2026〕第0001号'): void {
  sqlite
    .prepare(
      `INSERT INTO supervisor_certificates (id, origin_node, created_at, updated_at, certificate_no, year, seq, holder_name, manager_id, issue_date, valid_until, issuing_node, payload)
       VALUES (?, 'training-centre', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z', ?, 2026, 1, '王建国', ?, '2026-06-01', ?, 'training-centre', 'QKL1.test')`,
    )
    .run(`cert-${managerId}`, certificateNo, managerId, validUntil);
}
