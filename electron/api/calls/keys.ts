import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import {
  KeySessionSettings,
  KeySessionSettingsUpdate,
  KeysChangePassphraseInput,
  KeysCreateInput,
  KeysRevokeInput,
  KeysRotateInput,
  KeysStatus,
  KeysTrustInput,
  PassphraseChanged,
  PublicIdentityInfo,
  PublicIdentityText,
  RecoverySheet,
  RecoverySheetInput,
  TrustedKey,
} from '../schemas/keys.ts';

export const keyCalls = {
  'keys.status': call(Empty, KeysStatus, '本节点的密钥状态与指纹', anyNode),
  'keys.create': call(KeysCreateInput, KeysStatus, '为本节点创建签名密钥与加密身份', anyNode),
  'keys.exportPublic': call(Empty, FileOutput, '导出本节点公钥文件（.pub）', anyNode),
  'keys.inspect': call(PublicIdentityText, PublicIdentityInfo, '读取对方公钥文件，显示指纹供电话核对', anyNode),
  'keys.trust': call(KeysTrustInput, TrustedKey, '核对指纹后信任对方公钥', anyNode),
  'keys.trusted': call(Empty, z.array(TrustedKey), '已信任的公钥', anyNode),
  'keys.revoke': call(KeysRevokeInput, TrustedKey, '吊销一个已信任的公钥', anyNode),
  'keys.rotate': call(KeysRotateInput, KeysStatus, '更换本节点密钥（旧密钥保留用于打开旧数据包）', anyNode),
  'keys.changePassphrase': call(KeysChangePassphraseInput, PassphraseChanged, '更换保护私钥的口令（当前和已停用的私钥一并重新保护）', anyNode),
  'keys.sessionSettings': call(Empty, KeySessionSettings, '口令记忆时长：无操作多少分钟后界面忘记口令', anyNode),
  'keys.updateSessionSettings': call(KeySessionSettingsUpdate, KeySessionSettings, '修改口令记忆时长', anyNode),
  'keys.recoverySheet': call(RecoverySheetInput, RecoverySheet, '市局备用密钥恢复单（打印后妥善保管）', { roles: ['bureau'], forbidden: '只有市局节点有备用密钥和恢复单。' }),
} as const;
