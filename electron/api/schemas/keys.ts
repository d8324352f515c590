import { z } from 'zod';
import { Id, Passphrase } from './common.ts';

export { Passphrase };
import { NodeRole } from './node.ts';


/** Read aloud over the phone: 40 digits in groups of 5. */
export const Fingerprint = z.string().regex(/^\d{5}( \d{5}){7}$/, '指纹格式不正确');

export const KeysStatus = z.object({
  hasKeys: z.boolean(),
  protection: z.enum(['safeStorage', 'passphrase']).nullable(),
  safeStorageAvailable: z.boolean(),
  signing: z.object({ keyId: z.string(), fingerprint: Fingerprint, createdAt: z.string() }).nullable(),
  /** this node's own age recipients (an office has one, the bureau a main and a backup) */
  recipients: z.array(z.object({ purpose: z.enum(['age', 'age-backup']), recipient: z.string(), fingerprint: Fingerprint })),
  /** private keys (current and retired) sealed with the passphrase: what a passphrase change re-seals; 0 where the OS key store seals them all */
  passphraseSealed: z.number().int(),
});
export type KeysStatus = z.infer<typeof KeysStatus>;

export const KeysCreateInput = z.object({ passphrase: Passphrase.meta({ label: '口令' }) });

/** The content of a .pub file (JSON text), as read by the user from a USB stick or share. */
export const PublicIdentityText = z.object({ content: z.string().min(2).max(64 * 1024, '公钥文件过大，请确认选择的是 .pub 文件').meta({ label: '内容' }) });

export const PublicIdentityInfo = z.object({
  nodeId: Id,
  nodeName: z.string(),
  role: NodeRole,
  districtId: Id.nullable(),
  keyId: z.string(),
  fingerprint: Fingerprint,
  recipients: z.array(z.string()),
  /** what trusting it means on this node */
  action: z.enum(['trust-bureau', 'enrol-office']),
  alreadyTrusted: z.boolean(),
});
export type PublicIdentityInfo = z.infer<typeof PublicIdentityInfo>;

export const KeysTrustInput = PublicIdentityText.extend({
  /** the fingerprint the user compared by phone; must equal the file's */
  fingerprint: Fingerprint.meta({ label: '指纹' }),
});

export const TrustedKey = z.object({
  keyId: z.string(),
  nodeId: Id,
  nodeName: z.string(),
  role: NodeRole,
  districtId: Id.nullable(),
  fingerprint: Fingerprint,
  recipients: z.array(z.string()),
  trustedAt: z.string(),
  trustedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type TrustedKey = z.infer<typeof TrustedKey>;

export const KeysRevokeInput = z.object({
  keyId: z.string().min(1).meta({ label: '密钥' }),
  reason: z.string().trim().min(1, '请填写吊销原因').max(200).meta({ label: '原因' }),
});

export const KeysRotateInput = z.object({
  passphrase: Passphrase.meta({ label: '口令' }),
  /** bureau only: the old key may be in wrong hands (a lost PC): every office revokes it with this reason */
  revokeReason: z.string().trim().min(1, '请填写吊销原因').max(200).optional().meta({ label: '吊销原因' }),
});

export const KeysChangePassphraseInput = z.object({
  /** the passphrase the keys are sealed with now (the host's QKL_PASSPHRASE when absent) */
  passphrase: Passphrase.meta({ label: '口令' }),
  newPassphrase: z.string().min(1, '请输入新口令').max(1024).meta({ label: '新口令' }),
});
export const PassphraseChanged = z.object({ resealed: z.number().int() });

const forgetAfterMinutes = z
  .number()
  .int('口令记忆时长应为整数分钟')
  .min(1, '口令记忆时长应在 1 到 240 分钟之间')
  .max(240, '口令记忆时长应在 1 到 240 分钟之间')
  .meta({ label: '口令记忆时长' });
/** How long the desktop keeps the passphrase in memory without user input; on lock it is forgotten at once. */
export const KeySessionSettings = z.object({ forgetAfterMinutes: forgetAfterMinutes.default(15) });
export type KeySessionSettings = z.infer<typeof KeySessionSettings>;
export const KeySessionSettingsUpdate = z.object({ forgetAfterMinutes });

export const RecoverySheetInput = z.object({ passphrase: Passphrase.meta({ label: '口令' }) });
/** What the bureau prints and locks away: the backup identity that opens every bundle if the main key is lost. */
export const RecoverySheet = z.object({
  nodeName: z.string(),
  nodeId: Id,
  printedAt: z.string(),
  backupRecipient: z.string(),
  backupFingerprint: Fingerprint,
  backupSecret: z.string(),
});
