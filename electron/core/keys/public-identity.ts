import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { readableFingerprint } from '../crypto/fingerprint.ts';
import { decodePublicKey, keyIdOf } from '../crypto/signing.ts';

// The .pub file: a node's public identity, carried on a USB stick or a share and
// confirmed by reading its fingerprint aloud over the phone. One schema writes and
// parses it, so what we write is always what we accept.

/** An age X25519 recipient: "age1" + 58 bech32 characters. */
export const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, '加密公钥格式不正确');

export const PublicIdentityFile = z.strictObject({
  format: z.literal(1),
  kind: z.literal('qkl-public-identity'),
  nodeId: z.string().min(1).max(64),
  role: z.enum(['district', 'training', 'bureau']),
  name: z.string().min(1).max(60),
  districtId: z.string().min(1).max(64).nullable(),
  /** base64 of the raw 32-byte Ed25519 public key */
  signingKey: z.string().refine((k) => decodePublicKey(k) !== null, '签名公钥格式不正确'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  /** an office: its one recipient; the bureau: main, then backup */
  recipients: z.array(AgeRecipient).min(1).max(2),
});
export type PublicIdentityFile = z.infer<typeof PublicIdentityFile>;

const FINGERPRINT_DOMAIN = 'qkl-public-identity-v1\n';

/**
 * The number two clerks read to each other. It covers everything a .pub makes this
 * node rely on — the node, its role, its signing key and its age recipients — so a
 * file whose recipients were swapped on the way (to read every bundle) shows other
 * digits, not only one whose signing key was swapped.
 */
export function identityFingerprint(identity: Pick<PublicIdentityFile, 'nodeId' | 'role' | 'districtId' | 'signingKey' | 'recipients'>): string {
  const canonical = JSON.stringify([identity.nodeId, identity.role, identity.districtId, identity.signingKey, identity.recipients]);
  return readableFingerprint(Buffer.from(FINGERPRINT_DOMAIN + canonical, 'utf8'));
}

/** The file's text, exactly as written: pretty JSON and a final newline. */
export function serializePublicIdentity(identity: PublicIdentityFile): string {
  return `${JSON.stringify(PublicIdentityFile.parse(identity), null, 2)}\n`;
}

/** Reads a .pub; anything else (another file, a changed key id) is refused with a Chinese message. */
export function parsePublicIdentity(content: string): PublicIdentityFile {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('VALIDATION', '这不是本系统的公钥文件（.pub）：内容无法读取。请确认选择的是对方导出的 .pub 文件。', { field: 'content' });
  }
  const parsed = PublicIdentityFile.safeParse(json);
  if (!parsed.success) {
    const kind = (json as { kind?: unknown } | null)?.kind;
    const format = (json as { format?: unknown } | null)?.format;
    if (kind === 'qkl-public-identity' && typeof format === 'number' && format > 1) {
      throw new AppError('VALIDATION', '公钥文件由更新版本的程序导出，请先升级本机程序。', { field: 'content' });
    }
    throw new AppError('VALIDATION', '这不是本系统的公钥文件（.pub），或文件内容已被改动。请让对方重新导出。', { field: 'content' });
  }
  if (keyIdOf(parsed.data.signingKey) !== parsed.data.keyId) {
    throw new AppError('VALIDATION', '公钥文件内容不一致（密钥编号与签名公钥不符），可能已被改动。请让对方重新导出。', { field: 'content' });
  }
  if (new Set(parsed.data.recipients).size !== parsed.data.recipients.length) {
    throw new AppError('VALIDATION', '公钥文件内容不一致（加密公钥重复），可能已被改动。请让对方重新导出。', { field: 'content' });
  }
  return parsed.data;
}
