import type { VerifyResult } from '../../api/schemas/certificates.ts';
import type { CoreContext } from '../context.ts';
import { keyIdOf } from '../crypto/signing.ts';
import { trustedSigner } from '../keys/keys.ts';
import { allKeys } from '../keys/own-keys.ts';
import { getIdentity } from '../node/node-service.ts';
import { resolveAsOf, localDay } from '../registry/as-of.ts';
import { parsePayload, signatureHolds } from './certificate-payload.ts';
import { BUREAU_POOL_ROWS } from './pool.ts';
import { all, get, sql, sqlRaw } from '../data/query.ts';

// 核验证书 (offline): a scanned or typed QR payload is genuine when it is signed by a
// key this node knows for its issuer — its own key, a key it enrolled (the bureau),
// or the issuer key the bureau published with its pool (an office) — and then
// revoked / expired by the record this node holds.

interface Issuer {
  publicKey: string;
  nodeId: string;
  name: string | null;
  revokedAt: string | null;
}

function issuerOf(ctx: CoreContext, keyId: string): Issuer | null {
  const self = getIdentity(ctx);
  const own = allKeys(ctx).find((k) => k.purpose === 'signing' && keyIdOf(k.publicKey) === keyId);
  if (own && self) return { publicKey: own.publicKey, nodeId: self.id, name: self.name, revokedAt: null };
  const trusted = trustedSigner(ctx, keyId);
  if (trusted) return { publicKey: trusted.signingKey, nodeId: trusted.nodeId, name: trusted.nodeName, revokedAt: trusted.revokedAt };
  const published = all(
    ctx.database.sqlite,
    sql<{ k: string; n: string; name: string | null }>`SELECT DISTINCT issuer_key AS k, issuing_node AS n, issuer_name AS name FROM supervisor_pool WHERE issuer_key IS NOT NULL AND deleted_at IS NULL AND ${sqlRaw(BUREAU_POOL_ROWS)}`,
  );
  const hit = published.find((p) => {
    try {
      return keyIdOf(p.k) === keyId;
    } catch {
      return false;
    }
  });
  return hit ? { publicKey: hit.k, nodeId: hit.n, name: hit.name, revokedAt: null } : null;
}

function recordOf(ctx: CoreContext, issuingNode: string, certificateNo: string): { revokedAt: string | null; revokedReason: string | null } | null {
  const { sqlite } = ctx.database;
  const own = get(sqlite, sql<{ revokedAt: string | null; revokedReason: string | null }>`SELECT revoked_at AS revokedAt, revoked_reason AS revokedReason FROM supervisor_certificates WHERE origin_node = ${issuingNode} AND certificate_no = ${certificateNo} AND deleted_at IS NULL`);
  if (own) return own;
  const pooled = get(
    sqlite,
    sql<{ revokedAt: string | null; revokedReason: string | null }>`SELECT revoked_at AS revokedAt, revoked_reason AS revokedReason FROM supervisor_pool
      WHERE issuing_node = ${issuingNode} AND certificate_no = ${certificateNo} AND deleted_at IS NULL AND ${sqlRaw(BUREAU_POOL_ROWS)} ORDER BY updated_at DESC LIMIT 1`,
  );
  return pooled ?? null;
}

const empty = { certificateNo: null, holderName: null, idNumberMasked: null, unitName: null, issueDate: null, validUntil: null, issuingNode: null, issuerName: null, revokedReason: null, recordFound: false };

export function verifyCertificate(ctx: CoreContext, input: { payload: string; asOf?: string }): VerifyResult {
  const parsed = parsePayload(input.payload);
  if (!parsed.ok) return { ...empty, status: 'malformed', message: parsed.message };
  const { keyId, ...f } = parsed.facts;
  const issuer = issuerOf(ctx, keyId);
  // a QKL2 code names no node: its issuer is the node of the key that signed it
  const issuingNode = f.issuingNode ?? issuer?.nodeId ?? null;
  const facts = { ...f, issuingNode };
  if (!issuer || issuer.nodeId !== issuingNode) {
    return { ...empty, ...facts, status: 'unknown-issuer', message: '无法核验：签发单位的公钥本机未登记（请先导入市局发布的监督员库，或登记该单位公钥）。' };
  }
  if (!signatureHolds(parsed, issuer.publicKey)) {
    return { ...empty, ...facts, issuerName: issuer.name, status: 'forged', message: '证书内容与签名不符：该证书是伪造的或已被篡改。' };
  }
  const base = { ...empty, ...facts, issuerName: issuer.name };
  if (issuer.revokedAt) return { ...base, status: 'unknown-issuer', message: `签发单位的这把密钥已于 ${localDay(issuer.revokedAt)} 吊销，无法确认证书真伪，请联系签发单位。` };
  const record = recordOf(ctx, issuer.nodeId, f.certificateNo);
  if (record?.revokedAt) {
    return { ...base, recordFound: true, revokedReason: record.revokedReason, status: 'revoked', message: `证书已于 ${localDay(record.revokedAt)} 撤销${record.revokedReason ? `（${record.revokedReason}）` : ''}。` };
  }
  const asOf = resolveAsOf(ctx, input.asOf);
  if (f.validUntil < asOf) return { ...base, recordFound: record !== null, status: 'expired', message: `证书真实，但已于 ${f.validUntil} 过期。` };
  const note = record ? '' : '（本机没有该证书的记录，无法确认是否已撤销）';
  return { ...base, recordFound: record !== null, status: 'genuine', message: `证书真实有效，有效期至 ${f.validUntil}${note}。` };
}
