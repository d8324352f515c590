import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Certificate } from '../../api/schemas/certificates.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { addDays, localDay } from '../registry/as-of.ts';
import { requireOwn } from './access.ts';
import { requireIdentity } from '../node/node-service.ts';
import { certificateRows } from './training-rows.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';

// 特种设备安全监督员证 as held on this node: read, listed, revoked. Issuing is in
// certificate-issue.ts.

/** Issue date + N years − 1 day: 2026-12-04 for 4 years → 2030-12-03 (29 Feb falls back to 28 Feb). */
export function validUntil(issueDate: string, years: number): string {
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const same = `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return addDays(same, -1);
}

// the issuer's name: this node's own, else the name it enrolled the issuer under
const certificateSql = sqlRaw(`SELECT s.id, s.version, s.certificate_no AS certificateNo, s.holder_name AS holderName, s.id_number AS idNumber, s.unit_name AS unitName, s.issue_date AS issueDate,
  s.valid_until AS validUntil, s.issuing_node AS issuingNode, s.revoked_at AS revokedAt, s.revoked_reason AS revokedReason, s.payload, s.origin_node AS originNode,
  s.override_problem AS overrideProblem, s.override_reason AS overrideReason,
  coalesce((SELECT name FROM node_identity WHERE id = s.issuing_node), (SELECT node_name FROM trusted_keys WHERE node_id = s.issuing_node ORDER BY trusted_at DESC LIMIT 1)) AS issuerName
  FROM supervisor_certificates s WHERE s.deleted_at IS NULL`);

type CertificateRow = Omit<Certificate, 'idNumberMasked'> & { idNumber: string | null; originNode: string };
const toCertificate = ({ idNumber, originNode: _o, ...c }: CertificateRow): Certificate => ({ ...c, idNumberMasked: maskIdNumber(idNumber) });

export function getCertificate(ctx: CoreContext, id: string): Certificate {
  const row = get(ctx.database.sqlite, sql<CertificateRow>`${certificateSql} AND s.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', '证书不存在或已删除', { field: 'id' });
  return toCertificate(row);
}

export function listCertificates(ctx: CoreContext, examId?: string): Certificate[] {
  const query = examId
    ? sql<CertificateRow>`${certificateSql} AND s.exam_id = ${examId} ORDER BY s.year, s.seq`
    : sql<CertificateRow>`${certificateSql} ORDER BY s.issue_date DESC, s.certificate_no`;
  const rows = all(ctx.database.sqlite, query);
  return rows.map(toCertificate);
}

/** 撤销: by the issuing node, with a reason; the pool and verification show it from the next bundle on. */
export function revokeCertificate(ctx: CoreContext, input: ParsedInput<'training.revokeCertificate'>): Certificate {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'training.revokeCertificate');
  inTransaction(w, () => {
    const row = get(sqlite, sql<CertificateRow>`${certificateSql} AND s.id = ${input.id}`);
    if (!row) throw new AppError('NOT_FOUND', '证书不存在或已删除', { field: 'id' });
    requireOwn(identity, row, '证书');
    if (row.revokedAt) throw new AppError('CONFLICT', `证书“${row.certificateNo}”已于 ${localDay(row.revokedAt)} 撤销`);
    certificateRows.update(
      w,
      certificateRows.owned(w, row.id),
      { revokedAt: w.now, revokedReason: input.reason },
      { before: { revokedAt: null }, after: { certificateNo: row.certificateNo, revokedAt: w.now, reason: input.reason } },
    );
  });
  return getCertificate(ctx, input.id);
}
