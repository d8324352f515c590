import { z } from 'zod';
import { pageLimit, Paging } from './common.ts';

/** One place where this node's audit chain does not hold. */
export const AuditProblem = z.object({ seq: z.number().int(), message: z.string() });

/** `qkl audit verify --json` prints exactly this (a product interface: extend, never rename). */
export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** the newest entry; null while the log is empty */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** the newest entry covered by a signed anchor this node sent out; null before the first bundle or receipt */
  anchoredSeq: z.number().int().nullable(),
  problems: z.array(AuditProblem),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

/** What an import found about the sender's audit chain (bundles with an anchor). */
export const AuditChainNote = z.object({
  status: z.enum(['first', 'extends', 'unchecked', 'break', 'invalid']),
  seq: z.number().int(),
  problemSeq: z.number().int().nullable(),
  message: z.string().nullable(),
});
export type AuditChainNote = z.infer<typeof AuditChainNote>;

export const AuditListInput = z.object(Paging).refine(...pageLimit);

/** An entry as the 审计日志 page lists it: who, when, which call, which table. No before/after: no personal data. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  call: z.string(),
  /** the call's one-line description from the contract (中文); the call name for entries of no call */
  callLabel: z.string(),
  tableName: z.string(),
  rows: z.number().int(),
});
export const AuditEntries = z.object({ total: z.number().int(), rows: z.array(AuditEntry) });
