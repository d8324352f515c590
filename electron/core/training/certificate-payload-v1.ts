import type { CertificateFacts, ParsedPayload } from './certificate-facts.ts';

// The first QR format, printed on certificates issued before the compact one:
// QKL1.<base64url(body)>.<base64url(Ed25519 signature)>, body a JSON array of the
// printed facts, signed under the domain 'qkl-cert-v1\n'. Still read and verified:
// those certificates stay valid for years. Made here only for tests.

export const CERT_DOMAIN_V1 = 'qkl-cert-v1\n';
export const PREFIX_V1 = 'QKL1';
const FORMAT = 1;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isOptionalText = (v: unknown): v is string | null => v === null || isText(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function makePayloadV1(facts: CertificateFacts & { issuingNode: string }, sign: (domain: string, message: Buffer) => Buffer): string {
  const body = Buffer.from(
    JSON.stringify([FORMAT, facts.certificateNo, facts.holderName, facts.idNumberMasked, facts.unitName, facts.issueDate, facts.validUntil, facts.issuingNode, facts.keyId]),
    'utf8',
  );
  return `${PREFIX_V1}.${body.toString('base64url')}.${sign(CERT_DOMAIN_V1, body).toString('base64url')}`;
}

/** The text without white space; null when it is not a well-formed QKL1 payload. */
export function parsePayloadV1(compact: string): Extract<ParsedPayload, { ok: true }> | null {
  const parts = compact.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX_V1 || !/^[A-Za-z0-9_-]+$/.test(parts[1]!) || !/^[A-Za-z0-9_-]+$/.test(parts[2]!)) return null;
  const body = Buffer.from(parts[1]!, 'base64url');
  const signature = Buffer.from(parts[2]!, 'base64url');
  let fields: unknown;
  try {
    fields = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 9 || fields[0] !== FORMAT) return null;
  const [, certificateNo, holderName, idNumberMasked, unitName, issueDate, validUntil, issuingNode, keyId] = fields as unknown[];
  if (!isText(certificateNo) || !isText(holderName) || !isOptionalText(idNumberMasked) || !isOptionalText(unitName) || !isDate(issueDate) || !isDate(validUntil) || !isText(issuingNode) || !isText(keyId)) {
    return null;
  }
  return { ok: true, version: 1, facts: { certificateNo, holderName, idNumberMasked, unitName, issueDate, validUntil, issuingNode, keyId }, body, signature, domain: CERT_DOMAIN_V1 };
}
