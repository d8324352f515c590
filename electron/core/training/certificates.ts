import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Certificate, CertificatesIssued } from '../../api/schemas/certificates.ts';
import { formatPlaqueNo } from '../acceptance/plaque.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { loadSigner } from '../keys/keys.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { addDays, localDate } from '../registry/as-of.ts';
import { requireOwn, requireTrainingNode } from './access.ts';
import { makePayload } from './certificate-payload.ts';
import { loadExamRow } from './exams.ts';
import { getTrainingSettings } from './training-settings.ts';

// 特种设备安全监督员证: issued to the candidates who passed, from published results,
// numbered from the pattern (the plaque numbering of acceptance, reused), sequential
// per year of issue and unique on this node; each carries its signed QR payload.

/** Issue date + N years − 1 day: 2026-12-04 for 4 years → 2030-12-03 (29 Feb falls back to 28 Feb). */
export function validUntil(issueDate: string, years: number): string {
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const same = `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return addDays(same, -1);
}

const certificateSql = `SELECT id, version, certificate_no AS certificateNo, holder_name AS holderName, id_number AS idNumber, unit_name AS unitName, issue_date AS issueDate,
  valid_until AS validUntil, issuing_node AS issuingNode, revoked_at AS revokedAt, revoked_reason AS revokedReason, payload, origin_node AS originNode
  FROM supervisor_certificates WHERE deleted_at IS NULL`;

type CertificateRow = Omit<Certificate, 'idNumberMasked'> & { idNumber: string | null; originNode: string };
const toCertificate = ({ idNumber, originNode: _o, ...c }: CertificateRow): Certificate => ({ ...c, idNumberMasked: maskIdNumber(idNumber) });

export function getCertificate(ctx: CoreContext, id: string): Certificate {
  const row = ctx.database.sqlite.prepare(`${certificateSql} AND id = ?`).get(id) as CertificateRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '证书不存在或已删除', { field: 'id' });
  return toCertificate(row);
}

export function listCertificates(ctx: CoreContext, examId?: string): Certificate[] {
  const rows = (examId
    ? ctx.database.sqlite.prepare(`${certificateSql} AND exam_id = ? ORDER BY year, seq`).all(examId)
    : ctx.database.sqlite.prepare(`${certificateSql} ORDER BY issue_date DESC, certificate_no`).all()) as CertificateRow[];
  return rows.map(toCertificate);
}

export function issueCertificates(ctx: CoreContext, input: ParsedInput<'training.issueCertificates'>): z.infer<typeof CertificatesIssued> {
  const identity = requireTrainingNode(ctx, '发证');
  const exam = loadExamRow(ctx, input.examId);
  requireOwn(identity, exam, '考试');
  const { sqlite } = ctx.database;
  const pending = sqlite
    .prepare(
      `SELECT r.id AS resultId, r.state, c.name, c.id_number AS idNumber, c.manager_id AS managerId, c.unit_name AS unitName, c.unit_uscc AS unitUscc, c.district_id AS districtId,
              (SELECT 1 FROM supervisor_certificates s WHERE s.result_id = r.id AND s.deleted_at IS NULL) AS certified
       FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id
       WHERE r.exam_id = ? AND r.passed = 1 AND r.deleted_at IS NULL ORDER BY c.candidate_no`,
    )
    .all(exam.id) as Array<{ resultId: string; state: string; name: string; idNumber: string | null; managerId: string | null; unitName: string | null; unitUscc: string | null; districtId: string | null; certified: number | null }>;
  if (pending.some((p) => p.state !== 'published')) throw new AppError('CONFLICT', '成绩尚未发布（或已解锁修改中），请先“发布成绩”再发证。');
  const todo = pending.filter((p) => !p.certified);
  if (todo.length === 0) return { issued: [], alreadyCertified: pending.length };
  const settings = getTrainingSettings(ctx);
  const issueDate = input.issueDate ?? localDate(ctx.now());
  const until = validUntil(issueDate, settings.validityYears);
  const year = Number(issueDate.slice(0, 4));
  // the key is opened before the transaction: a wrong passphrase changes nothing
  const signer = loadSigner(ctx, input.passphrase);
  const sign = (domain: string, message: Buffer) => signer.sign(Buffer.concat([Buffer.from(domain, 'utf8'), message]));
  const ids: string[] = [];
  sqlite.transaction(() => {
    const used = new Set((sqlite.prepare('SELECT certificate_no AS n FROM supervisor_certificates WHERE origin_node = ? AND deleted_at IS NULL').all(identity.id) as Array<{ n: string }>).map((r) => r.n));
    let seq = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM supervisor_certificates WHERE origin_node = ? AND year = ?').get(identity.id, year) as { n: number }).n;
    const insert = sqlite.prepare(
      `INSERT INTO supervisor_certificates (id, origin_node, created_at, updated_at, version, certificate_no, year, seq, holder_name, id_number, manager_id, unit_name, unit_uscc,
         district_id, exam_id, result_id, issue_date, valid_until, issuing_node, payload)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = ctx.now().toISOString();
    for (const p of todo) {
      let certificateNo: string;
      do certificateNo = formatPlaqueNo(settings.certificatePattern, year, ++seq);
      while (used.has(certificateNo));
      used.add(certificateNo);
      const payload = makePayload(
        { certificateNo, holderName: p.name, idNumberMasked: maskIdNumber(p.idNumber), unitName: p.unitName, issueDate, validUntil: until, issuingNode: identity.id, keyId: signer.keyId },
        sign,
      );
      const id = newId();
      insert.run(id, identity.id, now, now, certificateNo, year, seq, p.name, p.idNumber, p.managerId, p.unitName, p.unitUscc, p.districtId, exam.id, p.resultId, issueDate, until, identity.id, payload);
      ids.push(id);
    }
    appendAudit(ctx, { nodeId: identity.id, call: 'training.issueCertificates', table: 'supervisor_certificates', rowIds: ids, after: { examId: exam.id, issueDate, validUntil: until, count: ids.length } });
  })();
  return { issued: ids.map((id) => getCertificate(ctx, id)), alreadyCertified: pending.length - todo.length };
}

/** 撤销: by the issuing node, with a reason; the pool and verification show it from the next bundle on. */
export function revokeCertificate(ctx: CoreContext, input: ParsedInput<'training.revokeCertificate'>): Certificate {
  const identity = requireTrainingNode(ctx, '撤销证书');
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const row = sqlite.prepare(`${certificateSql} AND id = ?`).get(input.id) as CertificateRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', '证书不存在或已删除', { field: 'id' });
    requireOwn(identity, row, '证书');
    if (row.revokedAt) throw new AppError('CONFLICT', `证书“${row.certificateNo}”已于 ${row.revokedAt.slice(0, 10)} 撤销`);
    const now = ctx.now().toISOString();
    sqlite.prepare('UPDATE supervisor_certificates SET revoked_at = ?, revoked_reason = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(now, input.reason, now, row.id);
    appendAudit(ctx, { nodeId: identity.id, call: 'training.revokeCertificate', table: 'supervisor_certificates', rowIds: [row.id], before: { revokedAt: null }, after: { certificateNo: row.certificateNo, revokedAt: now, reason: input.reason } });
  })();
  return getCertificate(ctx, input.id);
}
