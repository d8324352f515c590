import type { CandidateCheck, EligibilityProblem } from '../../api/schemas/certificates.ts';
import type { CoreContext } from '../context.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import type { ExamRow } from './exams.ts';
import { receivedCertificates } from './received-registry.ts';
import { all, get, sql } from '../data/query.ts';

// Who may receive a 特种设备安全监督员证: the seed issues it to 特种设备安全管理员 who
// passed, so a candidate who passed must be on the exam's roster and hold a valid A
// certificate (作业项目 A, legacy A1–A8 counting as A, not expired on the issue date)
// by this node's registry — the safety manager the roster links to, or any manager
// row with the candidate's ID number; at a training centre, the managers the bureau
// sent it (training_registry). The others are listed before signing and are
// certified only by 特批 (training.issueCertificates, override).

/**
 * SQL: 1 when the safety manager row (alias) — or another live row with the same ID
 * number — holds 作业项目 A (A1–A8 were merged into A on 2020-01-01) valid on the date
 * bound at `date`; else 0. The block board uses it for its supervisors.
 */
export function holdsValidA(alias: string, date: string): string {
  return `EXISTS (SELECT 1 FROM safety_managers a WHERE a.deleted_at IS NULL AND (a.id = ${alias}.id OR (${alias}.id_number IS NOT NULL AND a.id_number = ${alias}.id_number))
    AND (upper(trim(a.item_code)) = 'A' OR upper(trim(a.item_code)) GLOB 'A[1-8]') AND a.expiry_date >= ${date})`;
}

export interface PendingCandidate {
  resultId: string;
  candidateId: string;
  candidateNo: string;
  name: string;
  idNumber: string | null;
  managerId: string | null;
  attendeeId: string | null;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
}

/** The A certificate a candidate was found to hold, and its unit (for a candidate the roster knew only by name). */
export interface HeldA {
  managerId: string;
  certificateNo: string | null;
  expiryDate: string;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
}

export interface CheckedCandidate extends PendingCandidate {
  problem: EligibilityProblem | null;
  message: string;
  held: HeldA | null;
}

interface ManagerRow {
  id: string;
  itemCode: string | null;
  certificateNo: string | null;
  expiryDate: string | null;
  unitName: string | null;
  unitUscc: string | null;
  districtId: string | null;
}

/** Passed results of the exam without a certificate yet, in 准考证号 order. */
export function pendingCandidates(ctx: CoreContext, examId: string): { pending: PendingCandidate[]; certified: number; published: boolean } {
  const rows = all(ctx.database.sqlite, sql<PendingCandidate & { state: string; certified: number | null }>`SELECT r.id AS resultId, r.state, c.id AS candidateId, c.candidate_no AS candidateNo, c.name, c.id_number AS idNumber, c.manager_id AS managerId, c.attendee_id AS attendeeId,
              c.unit_name AS unitName, c.unit_uscc AS unitUscc, c.district_id AS districtId,
              (SELECT 1 FROM supervisor_certificates s WHERE s.result_id = r.id AND s.deleted_at IS NULL) AS certified
       FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id
       WHERE r.exam_id = ${examId} AND r.passed = 1 AND r.deleted_at IS NULL ORDER BY c.candidate_no`);
  return {
    pending: rows.filter((r) => !r.certified).map(({ state: _s, certified: _c, ...p }) => p),
    certified: rows.filter((r) => r.certified).length,
    published: rows.every((r) => r.state === 'published'),
  };
}

/** Checks each candidate against the roster and the registry on the issue date. */
export function checkCandidates(ctx: CoreContext, exam: ExamRow, pending: readonly PendingCandidate[], issueDate: string): CheckedCandidate[] {
  const { sqlite } = ctx.database;
  const session = exam.sessionId ? get(sqlite, sql<{ title: string }>`SELECT title FROM training_sessions WHERE id = ${exam.sessionId}`) : undefined;
  const onRoster = sqlite.prepare('SELECT 1 FROM training_attendees WHERE id = ? AND session_id = ? AND deleted_at IS NULL');
  // run once per candidate
  const managers = sqlite.prepare<[string | null, string | null, string | null], ManagerRow>(
    `SELECT m.id, m.item_code AS itemCode, m.certificate_no AS certificateNo, m.expiry_date AS expiryDate, u.name AS unitName, u.uscc AS unitUscc, u.district_id AS districtId
     FROM safety_managers m LEFT JOIN units u ON u.id = m.unit_id AND u.deleted_at IS NULL
     WHERE m.deleted_at IS NULL AND (m.id = ? OR (? IS NOT NULL AND m.id_number = ?))`,
  );
  const isA = (code: string | null) => code !== null && /^A[1-8]?$/.test(code.trim().toUpperCase());
  return pending.map((p) => {
    const verdict = (problem: EligibilityProblem | null, message: string, held: HeldA | null = null): CheckedCandidate => ({ ...p, problem, message, held });
    if (!exam.sessionId) return verdict('not-on-roster', '本场考试未关联培训班，无法核对培训名单');
    if (!p.attendeeId || !onRoster.get(p.attendeeId, exam.sessionId)) return verdict('not-on-roster', `不在培训班“${session?.title ?? ''}”的名单中`);
    // the ledger of this node, and at a training centre the managers the bureau sent it
    const rows = [...managers.all(p.managerId, p.idNumber, p.idNumber), ...receivedCertificates(ctx, p.managerId, p.idNumber)];
    if (rows.length === 0) return verdict('not-verifiable', '本机台账中没有此人的安全管理员记录，无法核实 A 证');
    const a = rows.filter((r) => isA(r.itemCode));
    if (a.length === 0) return verdict('no-a-certificate', '台账中此人没有特种设备安全管理（A）证书');
    const dated = a.filter((r) => r.expiryDate).sort((x, y) => y.expiryDate!.localeCompare(x.expiryDate!));
    const best = dated[0];
    if (best && best.expiryDate! >= issueDate) {
      const held = { managerId: best.id, certificateNo: best.certificateNo, expiryDate: best.expiryDate!, unitName: best.unitName, unitUscc: best.unitUscc, districtId: best.districtId };
      return verdict(null, `A 证${best.certificateNo ? ` ${best.certificateNo}` : ''}有效期至 ${best.expiryDate}`, held);
    }
    if (dated.length < a.length) return verdict('not-verifiable', '台账中此人的 A 证未登记有效期，无法核实');
    return verdict('a-expired', `A 证${best!.certificateNo ? ` ${best!.certificateNo}` : ''}已于 ${best!.expiryDate} 过期`);
  });
}

const order: Record<EligibilityProblem, number> = { 'not-on-roster': 0, 'not-verifiable': 1, 'no-a-certificate': 2, 'a-expired': 3 };

/** The candidates who failed the check, roster problems first, then by 准考证号. */
export function blockedFirst(checked: readonly CheckedCandidate[]): CheckedCandidate[] {
  return checked.filter((c) => c.problem !== null).sort((a, b) => order[a.problem!] - order[b.problem!] || a.candidateNo.localeCompare(b.candidateNo));
}

export function toCandidateCheck(c: CheckedCandidate): CandidateCheck {
  return { candidateId: c.candidateId, candidateNo: c.candidateNo, name: c.name, idNumberMasked: maskIdNumber(c.idNumber), unitName: c.unitName ?? c.held?.unitName ?? null, problem: c.problem, message: c.message };
}
