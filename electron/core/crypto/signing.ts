import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

// Ed25519 through Node's crypto (OpenSSL): no extra dependency, and OpenSSL rejects
// non-canonical S values, so a signature cannot be malleated into a second valid one.

const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Signs with the node's private key, which stays inside the keys service (bundles, receipts, audit anchors, certificates). */
export interface Signer {
  keyId: string;
  sign(message: Buffer): Buffer;
}

export interface SigningKeyPair {
  /** base64 of the raw 32-byte Ed25519 public key: what is enrolled and printed */
  publicKey: string;
  /** pkcs8 DER: sealed by a KeyProtector before it touches the disk */
  privateKey: Buffer;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/**
 * The 32 raw key bytes, or null. Only canonical base64 is accepted, so one key has
 * exactly one spelling and its key id cannot be dodged by re-encoding it.
 */
export function decodePublicKey(publicKey: string): Buffer | null {
  if (typeof publicKey !== 'string' || publicKey.length !== 44) return null;
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== RAW_KEY_BYTES || raw.toString('base64') !== publicKey) return null;
  return raw;
}

/** First 32 hex characters of sha256(raw public key): what manifests and receipts name. */
export function keyIdOf(publicKey: string): string {
  const raw = decodePublicKey(publicKey);
  if (!raw) throw new Error('not an Ed25519 public key (base64 of 32 bytes)');
  return createHash('sha256').update(raw).digest('hex').slice(0, 32);
}

/** Signs domain + message, so a signature made for one purpose never verifies for another. */
export function signDetached(domain: string, message: Buffer, privateKeyDer: Buffer): Buffer {
  return sign(null, withDomain(domain, message), privateKeyOf(privateKeyDer));
}

/** Strict: anything of the wrong shape is simply "not valid"; never throws on bad input. */
export function verifyDetached(domain: string, message: Buffer, signature: Buffer, publicKey: string): boolean {
  try {
    if (!Buffer.isBuffer(signature) || signature.length !== SIGNATURE_BYTES) return false;
    if (!Buffer.isBuffer(message) || typeof domain !== 'string') return false;
    const raw = decodePublicKey(publicKey);
    if (!raw) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return verify(null, withDomain(domain, message), key, signature);
  } catch {
    return false;
  }
}

/** The Signer the bundle writer and receipts use; the caller adds the signing domain. */
export function signerFor(privateKeyDer: Buffer, publicKey: string): Signer {
  const key = privateKeyOf(privateKeyDer);
  // A mismatched pair would produce bundles that fail verification only at the bureau.
  if (!rawPublicKey(createPublicKey(key)).equals(decodePublicKey(publicKey) ?? Buffer.alloc(0))) {
    throw new Error('the private key does not belong to this public key');
  }
  return { keyId: keyIdOf(publicKey), sign: (message) => sign(null, message, key) };
}

function privateKeyOf(der: Buffer): KeyObject {
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  return key;
}

function rawPublicKey(key: KeyObject): Buffer {
  const spki = key.export({ format: 'der', type: 'spki' });
  if (spki.length !== SPKI_PREFIX.length + RAW_KEY_BYTES || !spki.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) {
    throw new Error('not an Ed25519 public key');
  }
  return spki.subarray(SPKI_PREFIX.length);
}

function withDomain(domain: string, message: Buffer): Buffer {
  return Buffer.concat([Buffer.from(domain, 'utf8'), message]);
}
