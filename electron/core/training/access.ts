import { AppError } from '../../api/errors.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';

// Who may do what in 培训考核 is declared with each call (trainingWork in the contract):
// the training centre runs training and exams and issues certificates; a district office
// may do the same for its own sessions; the bureau only reads, verifies and publishes
// the pool. Here: every row is changed only by the node that made it.

/** A row this node owns; others' rows (received in bundles) are read-only here. */
export function requireOwn(identity: NodeIdentity, row: { originNode: string }, what: string): void {
  if (row.originNode !== identity.id) throw new AppError('FORBIDDEN', `该${what}由其他单位建立，只能由建立的单位修改。`);
}

export function requireVersion(row: { version: number }, version: number | undefined, what: string): void {
  if (version !== undefined && row.version !== version) throw new AppError('CONFLICT', `该${what}已被修改（可能在另一窗口），请刷新后重试`, { currentVersion: row.version });
}
