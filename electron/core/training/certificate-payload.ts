import { signDetached, verifyDetached } from '../crypto/signing.ts';

// The QR code of a supervisor certificate: a compact text a phone camera or a
// hand-held scanner reads in one go, checked offline against the issuer's public
// key. Shape: QKL1.<base64url(body)>.<base64url(Ed25519 signature)>, body a JSON
// array of the printed facts (ID number masked: the code is printed on paper).
// 2026-12-04: a JSON array rather than an object keeps the code under ~300
// characters (QR version 10–12 at level M), small enough to print 2 cm wide.

export const CERT_DOMAIN = 'qkl-cert-v1\n';
const PREFIX = 'QKL1';
const FORMAT = 1;

export interface CertificateFacts {
  certificateNo: string;
  holderName: string;
  idNumberMasked: string | null;
  unitName: string | null;
  issueDate: string;
  validUntil: string;
  issuingNode: string;
  /** key id (keyIdOf) of the signing key */
  keyId: string;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

function bodyOf(facts: CertificateFacts): Buffer {
  return Buffer.from(
    JSON.stringify([FORMAT, facts.certificateNo, facts.holderName, facts.idNumberMasked, facts.unitName, facts.issueDate, facts.validUntil, facts.issuingNode, facts.keyId]),
    'utf8',
  );
}

export function makePayload(facts: CertificateFacts, sign: (domain: string, message: Buffer) => Buffer): string {
  const body = bodyOf(facts);
  return `${PREFIX}.${b64url(body)}.${b64url(sign(CERT_DOMAIN, body))}`;
}

/** Signs with a raw private key (pkcs8 DER); for tests and the benchmark. */
export function signWithKey(privateKeyDer: Buffer) {
  return (domain: string, message: Buffer) => signDetached(domain, message, privateKeyDer);
}

export type ParsedPayload = { ok: true; facts: CertificateFacts; body: Buffer; signature: Buffer } | { ok: false; message: string };

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isOptionalText = (v: unknown): v is string | null => v === null || isText(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Reads the text as scanned or typed (surrounding spaces and line breaks are ignored); never throws. */
export function parsePayload(text: string): ParsedPayload {
  const bad = { ok: false as const, message: '这不是安全监督员证的二维码内容（格式不正确）' };
  const compact = String(text ?? '').replace(/\s+/g, '');
  if (compact.length > 2000) return bad;
  const parts = compact.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]!) || !/^[A-Za-z0-9_-]+$/.test(parts[2]!)) return bad;
  const body = Buffer.from(parts[1]!, 'base64url');
  const signature = Buffer.from(parts[2]!, 'base64url');
  let fields: unknown;
  try {
    fields = JSON.parse(body.toString('utf8'));
  } catch {
    return bad;
  }
  if (!Array.isArray(fields) || fields.length !== 9 || fields[0] !== FORMAT) return bad;
  const [, certificateNo, holderName, idNumberMasked, unitName, issueDate, validUntil, issuingNode, keyId] = fields as unknown[];
  if (!isText(certificateNo) || !isText(holderName) || !isOptionalText(idNumberMasked) || !isOptionalText(unitName) || !isDate(issueDate) || !isDate(validUntil) || !isText(issuingNode) || !isText(keyId)) {
    return bad;
  }
  return { ok: true, facts: { certificateNo, holderName, idNumberMasked, unitName, issueDate, validUntil, issuingNode, keyId }, body, signature };
}

export function signatureHolds(parsed: Extract<ParsedPayload, { ok: true }>, publicKey: string): boolean {
  return verifyDetached(CERT_DOMAIN, parsed.body, parsed.signature, publicKey);
}
