import { z } from 'zod';
import { Id } from './common.ts';

// 特种设备安全监督员证 and the supervisor pool (监督员库). A certificate's QR code holds a
// payload signed by the issuing node (core/training/certificate-payload.ts).

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
});
export type Certificate = z.infer<typeof Certificate>;
export const CertificatesIssued = z.object({ issued: z.array(Certificate), alreadyCertified: z.number().int() });

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
  districtId: Id.optional(),
  /** only certificates valid today that expire within this many days (default: the setting, 90) */
  expiringWithin: z.boolean().default(false),
  status: PoolStatus.optional(),
  search: z.string().trim().max(50).optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export const RevokeCertificateInput = z.object({ id: Id, reason: z.string().trim().min(1, '请写明撤销原因').max(200) });
export const PoolPublished = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** certificates left out: not signed by an enrolled key of the node that holds and names itself their issuer */
  unverified: z.number().int(),
});

export const VerifyStatus = z.enum(['genuine', 'expired', 'revoked', 'forged', 'unknown-issuer', 'malformed']);
export const VerifyInput = z.object({ payload: z.string().max(4000), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });
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
