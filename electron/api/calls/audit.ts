import { anyNode, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { AuditEntries, AuditListInput, AuditVerification } from '../schemas/audit.ts';

export const auditCalls = {
  'audit.verify': call(Empty, AuditVerification, '核验本节点审计日志（哈希链与已签名锚点）', anyNode),
  'audit.list': call(AuditListInput, AuditEntries, '审计日志（最新在前；不含修改内容）', anyNode),
} as const;
