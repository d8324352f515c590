import { eq } from 'drizzle-orm';
import { auditAnchors, nodeKeys } from '../../../db/schema/index.ts';
import { localDay } from '../registry/as-of.ts';
import type { AuditVerification } from '../../api/schemas/audit.ts';
import { walkAuditChain, type AuditRow, type ChainProblem } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { anchorSignatureHolds, type SignedAnchor } from './anchors.ts';

// The chain alone cannot show that its newest entries were deleted, or that it
// was rewritten with recomputed hashes: both leave a chain that holds. What it
// must still reach are the heads this node signed and sent out (anchors).

interface OwnAnchorRow extends SignedAnchor {
  /** 'export' or 'receipt' as the anchor writer stores it; the column itself is free text */
  source: string;
  loggedSeq: number | null;
}

const day = localDay;
const made = (a: OwnAnchorRow) => `${day(a.at)} ${a.source === 'export' ? '导出数据包' : '出具回执'}时签名锚定`;
const MAX_PROBLEMS = 200;

function anchorProblems(ctx: CoreContext, anchors: OwnAnchorRow[], headSeq: number): ChainProblem[] {
  const { sqlite, db } = ctx.database;
  const keys = new Map(db.select({ id: nodeKeys.id, publicKey: nodeKeys.publicKey }).from(nodeKeys).where(eq(nodeKeys.purpose, 'signing')).all().map((k) => [k.id, k.publicKey]));
  // kept and run once per anchor
  const entryAt = sqlite.prepare<[number], Pick<AuditRow, 'hash' | 'call' | 'after'>>('SELECT hash, call, after FROM audit_log WHERE seq = ?');
  const problems: ChainProblem[] = [];
  for (const a of anchors) {
    const key = keys.get(a.keyId);
    if (!key || !anchorSignatureHolds(a, key)) {
      problems.push({ seq: a.seq, message: `第 ${a.seq} 条的锚点签名无效：锚点记录被伪造或改动` });
      continue;
    }
    const entry = entryAt.get(a.seq);
    if (!entry) {
      problems.push({
        seq: a.seq,
        message: headSeq < a.seq ? `第 ${a.seq} 条已于 ${made(a)}，但审计日志现在只到第 ${headSeq} 条：最新的记录被删除` : `第 ${a.seq} 条已于 ${made(a)}，现在已不存在（记录被删除）`,
      });
    } else if (entry.hash !== a.hash) {
      problems.push({ seq: a.seq, message: `第 ${a.seq} 条与 ${made(a)}的哈希不符：审计链被改写（哈希被重算）` });
    }
    if (a.loggedSeq !== null && !recordsAnchor(entryAt.get(a.loggedSeq), a)) {
      problems.push({ seq: a.loggedSeq, message: `第 ${a.loggedSeq} 条（${a.source === 'export' ? '导出数据包' : '出具回执'}的经办记录，记下了第 ${a.seq} 条的锚点）已不存在或被改动` });
    }
  }
  return problems;
}

function noteOf(after: string | null): { seq: number; hash: string } | null {
  try {
    const note = (JSON.parse(after ?? 'null') as { auditAnchor?: { seq?: unknown; hash?: unknown } } | null)?.auditAnchor;
    return note && typeof note.seq === 'number' && typeof note.hash === 'string' ? { seq: note.seq, hash: note.hash } : null;
  } catch {
    return null;
  }
}

function recordsAnchor(entry: { call: string; after: string | null } | undefined, a: OwnAnchorRow): boolean {
  const note = entry ? noteOf(entry.after) : null;
  return !!entry && entry.call === (a.source === 'export' ? 'bundles.export' : 'bundles.writeReceipts') && note?.seq === a.seq && note.hash === a.hash;
}

/** Export and receipt entries name the anchor made with them: it must still be in the anchor table. */
function missingAnchors(ctx: CoreContext, anchors: OwnAnchorRow[]): ChainProblem[] {
  const kept = new Set(anchors.map((a) => `${a.seq}:${a.hash}`));
  const problems: ChainProblem[] = [];
  const rows = ctx.database.sqlite
    .prepare<[], Pick<AuditRow, 'seq' | 'after'>>("SELECT seq, after FROM audit_log WHERE call IN ('bundles.export', 'bundles.writeReceipts') AND after LIKE '%\"auditAnchor\"%' ORDER BY seq")
    .iterate();
  for (const row of rows) {
    const note = noteOf(row.after);
    if (note && !kept.has(`${note.seq}:${note.hash}`)) problems.push({ seq: row.seq, message: `第 ${row.seq} 条记下的第 ${note.seq} 条锚点在锚点表中不存在（锚点记录被删除）` });
  }
  return problems;
}

/** `qkl audit verify` and the 审计日志 page: the chain, then every anchor this node signed. */
export function verifyAudit(ctx: CoreContext): AuditVerification {
  const walk = walkAuditChain(ctx);
  const x = auditAnchors;
  const anchors: OwnAnchorRow[] = ctx.database.db
    .select({ nodeId: x.nodeId, seq: x.seq, hash: x.hash, at: x.at, keyId: x.keyId, signature: x.signature, source: x.source, loggedSeq: x.loggedSeq })
    .from(x)
    .where(eq(x.own, true))
    .orderBy(x.seq, x.id)
    .all();
  const all = [...walk.problems, ...anchorProblems(ctx, anchors, walk.head?.seq ?? 0), ...missingAnchors(ctx, anchors)].sort((a, b) => a.seq - b.seq);
  const problems = all.length > MAX_PROBLEMS ? [...all.slice(0, MAX_PROBLEMS), { seq: all[MAX_PROBLEMS]!.seq, message: `另有 ${all.length - MAX_PROBLEMS} 处问题未列出` }] : all;
  const anchoredSeq = anchors.length > 0 ? Math.max(...anchors.map((a) => a.seq)) : null;
  return { ok: all.length === 0, entries: walk.entries, head: walk.head, anchoredSeq, problems };
}
