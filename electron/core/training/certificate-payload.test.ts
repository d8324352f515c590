import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf } from '../crypto/signing.ts';
import { fromBase32, toBase32 } from './base32.ts';
import { makePayload, parsePayload, signatureHolds, signWithKey } from './certificate-payload.ts';
import { makePayloadV1 } from './certificate-payload-v1.ts';

// The QR payload: QKL2 (compact, alphanumeric) made and read, QKL1 still read.

const keys = generateSigningKeyPair();
const facts = {
  certificateNo: '张特监〔2026〕第0001号',
  holderName: '王小明',
  idNumberMasked: '3205**********123X',
  unitName: '张家港市塘桥机械有限公司',
  issueDate: '2026-12-04',
  validUntil: '2030-12-03',
  issuingNode: null,
  keyId: keyIdOf(keys.publicKey),
};
const sign = signWithKey(keys.privateKey);

describe('base32', () => {
  it('round-trips every length and refuses what is not its alphabet or has stray bits', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      const text = toBase32(bytes);
      expect(text).toMatch(/^[A-Z2-7]*$/);
      expect(fromBase32(text)).toEqual(bytes);
    }
    expect(toBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(fromBase32('MZXW6YTBO1')).toBeNull();
    expect(fromBase32('MZXW6YTBOJ')).toBeNull();
  });
});

describe('certificate payload QKL2', () => {
  it('round-trips, fits QR version 10 at level M in alphanumeric mode, and verifies only under the issuer key and its domain', () => {
    const payload = makePayload(facts, sign);
    expect(payload).toMatch(/^QKL2:[A-Z2-7]+$/);
    const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    expect(qr.segments.every((s) => s.mode.id !== 'Byte')).toBe(true);
    expect(qr.version).toBeLessThanOrEqual(10);
    // as a scanner hands it over, or typed in lower case with line breaks
    const parsed = parsePayload(`  ${payload.slice(0, 40).toLowerCase()}\n${payload.slice(40)} `);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.facts).toEqual(facts);
    expect(signatureHolds(parsed, keys.publicKey)).toBe(true);
    expect(signatureHolds(parsed, generateSigningKeyPair().publicKey)).toBe(false);
    // a signature made by the same key for another purpose does not verify as a certificate
    const otherDomain = parsePayload(makePayload(facts, (_domain, message) => sign('qkl-bundle-v1\n', message)));
    if (!otherDomain.ok) throw new Error(otherDomain.message);
    expect(signatureHolds(otherDomain, keys.publicKey)).toBe(false);
  });

  it('carries no ID number, an odd one in full, and a long unit name still within version 13', () => {
    const none = parsePayload(makePayload({ ...facts, idNumberMasked: null, unitName: null }, sign));
    expect(none.ok && none.facts).toMatchObject({ idNumberMasked: null, unitName: null });
    const odd = parsePayload(makePayload({ ...facts, idNumberMasked: '******' }, sign));
    expect(odd.ok && odd.facts.idNumberMasked).toBe('******');
    const long = makePayload({ ...facts, unitName: '张家港保税区长江国际港务集团有限公司第二码头分公司机械设备' }, sign);
    expect(QRCode.create(long, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(13);
  });

  it('refuses a changed date or anything not a payload, without throwing', () => {
    const payload = makePayload(facts, sign);
    const bytes = fromBase32(payload.slice(5))!;
    // the expiry date's low byte, one day later
    bytes[1 + 16 + 3] = bytes[1 + 16 + 3]! + 1;
    const forged = parsePayload(`QKL2:${toBase32(bytes)}`);
    if (!forged.ok) throw new Error('should parse');
    expect(forged.facts.validUntil).toBe('2030-12-04');
    expect(signatureHolds(forged, keys.publicKey)).toBe(false);
    const truncated = toBase32(bytes.subarray(0, 70));
    for (const bad of ['', 'hello', 'QKL2:', 'QKL2:AAAA', `QKL2:${truncated}`, payload.slice(0, -3) + '1AA', 'QKL1.a.b', 'x'.repeat(5000)]) {
      expect(parsePayload(bad).ok, bad.slice(0, 20)).toBe(false);
    }
  });
});

describe('certificate payload QKL1 (printed before QKL2)', () => {
  const v1 = { ...facts, issuingNode: 'node-1' };

  it('still reads and verifies', () => {
    const payload = makePayloadV1(v1, sign);
    expect(payload).toMatch(/^QKL1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const parsed = parsePayload(`  ${payload.slice(0, 40)}\n${payload.slice(40)} `);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.facts).toEqual(v1);
    expect(signatureHolds(parsed, keys.publicKey)).toBe(true);
  });

  it('refuses a changed field', () => {
    const [p, body, sig] = makePayloadV1(v1, sign).split('.');
    const changed = Buffer.from(Buffer.from(body!, 'base64url').toString('utf8').replace('2030-12-03', '2040-12-03')).toString('base64url');
    const forged = parsePayload(`${p}.${changed}.${sig}`);
    if (!forged.ok) throw new Error('should parse');
    expect(signatureHolds(forged, keys.publicKey)).toBe(false);
    for (const bad of ['QKL1.' + Buffer.from('[1]').toString('base64url') + '.' + sig, `QKL3.${body}.${sig}`]) expect(parsePayload(bad).ok).toBe(false);
  });
});
