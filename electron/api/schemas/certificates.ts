import { z } from 'zod';
import { Id } from './common.ts';

// 特种设备安全监督员证 and the supervisor pool (监督员库). A certificate's QR code holds a
// payload signed by the issuing node (core/training/certificate-payload.ts).

/**
 * Why a candidate who passed may not be certified without 特批: not on the exam's
 * roster (or the exam has none); no registry record to check the A certificate
 * against (or its expiry not recorded); no A certificate; the A certificate expired
 * on the issue date.
 */
export const EligibilityProblem = z.enum(['not-on-roster', 'not-verifiable', 'no-a-certificate', 'a-expired']);
export type EligibilityProblem = z.infer<typeof EligibilityProblem>;

export const Certificate = z.object({
  id: Id,
  version: z.number().int(),
  certificateNo: z.string(),
  holderName: z.string(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  issueDate: z.string(),
  validUntil: z.string(),
  issuingNode: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  payload: z.string(),
  /** the issuing node's name as this node knows it (its own, or an enrolled node's); printed on the certificate */
  issuerName: z.string().nullable(),
  /** issued by 特批: what the check found at issue, and the issuer's reason; null otherwise */
  overrideProblem: EligibilityProblem.nullable(),
  overrideReason: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

export const CandidateCheck = z.object({
  candidateId: Id,
  candidateNo: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  /** null: on the roster with a valid A certificate */
  problem: EligibilityProblem.nullable(),
  /** one Chinese line: the A certificate found, or what is missing */
  message: z.string(),
});
export type CandidateCheck = z.infer<typeof CandidateCheck>;

/** What 颁发 would sign, for the dialog to show before the passphrase is asked. */
export const CertificatePreview = z.object({
  examId: Id,
  issueDate: z.string(),
  validUntil: z.string(),
  issuerName: z.string(),
  eligible: z.array(CandidateCheck),
  /** the others, roster problems first: issued only by 特批 */
  blocked: z.array(CandidateCheck),
  alreadyCertified: z.number().int(),
  /** the numbers the next certificates take, in order, one per candidate of eligible and blocked */
  nextNumbers: z.array(z.string()),
  /** false while results are unpublished (or unlocked): nothing can be issued yet */
  resultsPublished: z.boolean(),
});
export type CertificatePreview = z.infer<typeof CertificatePreview>;

export const CertificatesIssued = z.object({
  issued: z.array(Certificate),
  alreadyCertified: z.number().int(),
  /** passed but not issued: they failed the check and were not in the 特批 */
  withheld: z.array(CandidateCheck),
});

export const PoolStatus = z.enum(['valid', 'expiring', 'expired', 'revoked']);
export const PoolEntry = z.object({
  certificateId: Id,
  certificateNo: z.string(),
  holderName: z.string(),
  unitName: z.string().nullable(),
  unitUscc: z.string().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  managerId: z.string().nullable(),
  issueDate: z.string(),
  validUntil: z.string(),
  issuingNode: z.string(),
  status: PoolStatus,
  revokedReason: z.string().nullable(),
  /** blocks the holder (as a safety manager) is an active supervisor of (block_supervisors) */
  blocks: z.array(z.object({ id: Id, name: z.string() })),
  /** 'certificate': this node holds the certificate; 'pool': known from the bureau's pool */
  source: z.enum(['certificate', 'pool']),
});
export type PoolEntry = z.infer<typeof PoolEntry>;
export const PoolInput = z.object({
  districtId: Id.optional().meta({ label: '所属分局' }),
  /** only certificates valid today that expire within this many days (default: the setting, 90) */
  expiringWithin: z.boolean().default(false).meta({ label: '即将到期' }),
  status: PoolStatus.optional().meta({ label: '证书状态' }),
  search: z.string().trim().max(50).optional().meta({ label: '搜索' }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ label: '截至日期' }),
});
export const RevokeCertificateInput = z.object({ id: Id.meta({ label: '编号' }), reason: z.string().trim().min(1, '请写明撤销原因').max(200).meta({ label: '原因' }) });
export const PoolPublished = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** certificates left out: not signed by an enrolled key of the node that holds and names itself their issuer */
  unverified: z.number().int(),
});

export const VerifyStatus = z.enum(['genuine', 'expired', 'revoked', 'forged', 'unknown-issuer', 'malformed']);
export const VerifyInput = z.object({ payload: z.string().max(4000).meta({ label: '证书二维码内容' }), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ label: '截至日期' }) });
export const VerifyResult = z.object({
  status: VerifyStatus,
  /** one Chinese line for the screen and the CLI */
  message: z.string(),
  certificateNo: z.string().nullable(),
  holderName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  unitName: z.string().nullable(),
  issueDate: z.string().nullable(),
  validUntil: z.string().nullable(),
  issuingNode: z.string().nullable(),
  issuerName: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** false when the signature holds but this node holds no record to check revocation against */
  recordFound: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
