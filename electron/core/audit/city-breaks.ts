import type { CoreContext } from '../context.ts';

export interface OfficeAuditChain {
  /** the newest anchor received from the office (bundles and receipts); null before any */
  auditAnchorSeq: number | null;
  /** how many of its anchors did not extend the ones before */
  auditBreaks: number;
  /** the newest break: when it was found, at which entry, why */
  lastAuditBreak: { at: string; seq: number; message: string } | null;
}

/** Per office, for the city view: the state of its audit chain as its anchors showed it. */
export function officeAuditChains(ctx: CoreContext): (nodeId: string) => OfficeAuditChain {
  const sqlite = ctx.database.sqlite;
  const newest = sqlite.prepare<[string], { seq: number | null }>("SELECT max(seq) AS seq FROM audit_anchors WHERE own = 0 AND node_id = ? AND status != 'invalid'");
  const breaks = sqlite.prepare<[string], { n: number }>("SELECT count(*) AS n FROM audit_anchors WHERE own = 0 AND node_id = ? AND status IN ('break', 'invalid')");
  const last = sqlite.prepare<[string], NonNullable<OfficeAuditChain['lastAuditBreak']>>(
    "SELECT recorded_at AS at, coalesce(problem_seq, seq) AS seq, coalesce(problem, '') AS message FROM audit_anchors WHERE own = 0 AND node_id = ? AND status IN ('break', 'invalid') ORDER BY id DESC LIMIT 1",
  );
  return (nodeId) => ({
    auditAnchorSeq: newest.get(nodeId)?.seq ?? null,
    auditBreaks: breaks.get(nodeId)?.n ?? 0,
    lastAuditBreak: last.get(nodeId) ?? null,
  });
}
