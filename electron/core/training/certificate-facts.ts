// What a certificate's QR code says, in either format (certificate-payload.ts for
// QKL2, certificate-payload-v1.ts for QKL1).

export interface CertificateFacts {
  certificateNo: string;
  holderName: string;
  idNumberMasked: string | null;
  unitName: string | null;
  issueDate: string;
  validUntil: string;
  /** the issuer's node id; null in a QKL2 code, where it is the node of the signing key */
  issuingNode: string | null;
  /** key id (keyIdOf) of the signing key */
  keyId: string;
}

export type ParsedPayload =
  | { ok: true; version: 1 | 2; facts: CertificateFacts; body: Buffer; signature: Buffer; domain: string }
  | { ok: false; message: string };
