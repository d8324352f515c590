import { signDetached, verifyDetached } from '../crypto/signing.ts';
import { fromBase32, toBase32 } from './base32.ts';
import { parsePayloadV1 } from './certificate-payload-v1.ts';
import type { CertificateFacts, ParsedPayload } from './certificate-facts.ts';

// The QR code of a supervisor certificate: a text a phone camera or a hand-held
// scanner reads in one go, checked offline against the issuer's public key.
// QKL2:<base32(body ‖ Ed25519 signature)>, every character in the QR alphanumeric
// set, so the code is encoded in alphanumeric mode (5.5 bits a character). The body
// is binary: format 2, the signing key's id (16 bytes), issue and expiry dates (days
// since 2000-01-01, 2 bytes each), then certificate number, holder, masked ID number
// and unit (length byte + UTF-8; 255 = none; the ID number as its 4 + 4 visible
// characters). The issuing node is the key's node: not repeated in the body.
// A typical certificate makes ~300 characters: QR version 10 at level M, printed
// 3 cm wide with modules over 0.5 mm. QKL1 codes printed earlier still verify.

export const CERT_DOMAIN = 'qkl-cert-v2\n';
const PREFIX = 'QKL2:';
const FORMAT = 2;
const SIGNATURE_BYTES = 64;
const KEY_ID_BYTES = 16;
const NONE = 255;
const EPOCH = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

const dayNumber = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY_MS);
const dateOf = (day: number) => new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);

function text(value: string | null, what: string): Buffer {
  if (value === null) return Buffer.from([NONE]);
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length === 0 || bytes.length >= NONE) throw new Error(`certificate ${what} must be 1–254 bytes of UTF-8`);
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** 3205**********123X is kept as its length and the 8 characters that show. */
function maskedId(value: string | null): Buffer {
  const m = value === null || value.length > 0x7f ? null : /^([0-9A-Za-z]{4})(\*+)([0-9A-Za-z]{4})$/.exec(value);
  if (!m) return text(value, 'ID number');
  return Buffer.concat([Buffer.from([0x80 | value!.length]), Buffer.from(m[1]! + m[3]!, 'ascii')]);
}

export function bodyOf(facts: CertificateFacts): Buffer {
  if (!/^[0-9a-f]{32}$/.test(facts.keyId)) throw new Error('certificate key id must be 32 hex characters');
  const dates = Buffer.alloc(4);
  dates.writeUInt16BE(dayNumber(facts.issueDate), 0);
  dates.writeUInt16BE(dayNumber(facts.validUntil), 2);
  return Buffer.concat([
    Buffer.from([FORMAT]),
    Buffer.from(facts.keyId, 'hex'),
    dates,
    text(facts.certificateNo, 'number'),
    text(facts.holderName, 'holder'),
    maskedId(facts.idNumberMasked),
    text(facts.unitName, 'unit'),
  ]);
}

export function makePayload(facts: CertificateFacts, sign: (domain: string, message: Buffer) => Buffer): string {
  const body = bodyOf(facts);
  return PREFIX + toBase32(Buffer.concat([body, sign(CERT_DOMAIN, body)]));
}

/** Signs with a raw private key (pkcs8 DER); for tests and the benchmark. */
export function signWithKey(privateKeyDer: Buffer) {
  return (domain: string, message: Buffer) => signDetached(domain, message, privateKeyDer);
}

/** Reads the fields of a QKL2 body; null when a length runs past the end or bytes are left over. */
function readBody(body: Buffer): CertificateFacts | null {
  if (body.length < 1 + KEY_ID_BYTES + 4 || body[0] !== FORMAT) return null;
  let at = 1 + KEY_ID_BYTES + 4;
  const readText = (): string | null | undefined => {
    const n = body[at++];
    if (n === undefined) return undefined;
    if (n === NONE) return null;
    if ((n & 0x80) !== 0) {
      const length = n & 0x7f;
      if (length <= 8 || at + 8 > body.length) return undefined;
      const shown = body.subarray(at, (at += 8)).toString('ascii');
      return shown.slice(0, 4) + '*'.repeat(length - 8) + shown.slice(4);
    }
    if (n === 0 || at + n > body.length) return undefined;
    const value = body.subarray(at, (at += n)).toString('utf8');
    return value.includes('\ufffd') ? undefined : value;
  };
  const [certificateNo, holderName, idNumberMasked, unitName] = [readText(), readText(), readText(), readText()];
  if (at !== body.length || !certificateNo || !holderName || idNumberMasked === undefined || unitName === undefined) return null;
  return {
    certificateNo,
    holderName,
    idNumberMasked,
    unitName,
    issueDate: dateOf(body.readUInt16BE(1 + KEY_ID_BYTES)),
    validUntil: dateOf(body.readUInt16BE(3 + KEY_ID_BYTES)),
    issuingNode: null,
    keyId: body.subarray(1, 1 + KEY_ID_BYTES).toString('hex'),
  };
}

/** Reads the text as scanned or typed (white space ignored; QKL2 in any letter case); never throws. */
export function parsePayload(text: string): ParsedPayload {
  const bad = { ok: false as const, message: '这不是安全监督员证的二维码内容（格式不正确）' };
  const compact = String(text ?? '').replace(/\s+/g, '');
  if (compact.length > 2000) return bad;
  if (compact.slice(0, PREFIX.length).toUpperCase() === PREFIX) {
    const bytes = fromBase32(compact.slice(PREFIX.length).toUpperCase());
    if (!bytes || bytes.length <= SIGNATURE_BYTES) return bad;
    const body = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
    const facts = readBody(body);
    return facts ? { ok: true, version: 2, facts, body, signature: bytes.subarray(bytes.length - SIGNATURE_BYTES), domain: CERT_DOMAIN } : bad;
  }
  return parsePayloadV1(compact) ?? bad;
}

export function signatureHolds(parsed: Extract<ParsedPayload, { ok: true }>, publicKey: string): boolean {
  return verifyDetached(parsed.domain, parsed.body, parsed.signature, publicKey);
}
