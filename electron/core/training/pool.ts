import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract.ts';
import type { SupervisorCertificateRef } from '../../api/schemas/blocks.ts';
import type { PoolEntry, PoolPublished } from '../../api/schemas/certificates.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { trustedSigner } from '../keys/keys.ts';
import { requireIdentity } from '../node/node-service.ts';
import { addDays, resolveAsOf } from '../registry/as-of.ts';
import { parsePayload, signatureHolds } from './certificate-payload.ts';
import { getTrainingSettings } from './training-settings.ts';
import { bureauRows } from '../sync/authority.ts';

// 监督员库: everyone certified, with unit, district, validity and the blocks they serve
// as supervisors (block_supervisors, through the certificate's safety-manager link).
// A node sees the certificates it holds (its own; at the bureau all received) and,
// on an office, the bureau's published pool.

type Row = Omit<PoolEntry, 'status' | 'blocks' | 'districtName'> & { revokedAt: string | null; districtName: string | null };

/**
 * Pool rows count only when the bureau made them: at an office the bureau it trusts,
 * at the bureau itself. Merge refuses an office's rows of this table; a row that
 * reached the database otherwise must neither show in the pool nor lend its issuer
 * key to a forgery.
 */
export const BUREAU_POOL_ROWS = bureauRows();

const poolSql = `SELECT x.*, d.name AS districtName FROM (
  SELECT 'certificate' AS source, id AS certificateId, certificate_no AS certificateNo, holder_name AS holderName, unit_name AS unitName, unit_uscc AS unitUscc,
         district_id AS districtId, manager_id AS managerId, issue_date AS issueDate, valid_until AS validUntil, issuing_node AS issuingNode, revoked_at AS revokedAt, revoked_reason AS revokedReason
  FROM supervisor_certificates WHERE deleted_at IS NULL AND issuing_node = origin_node
  UNION ALL
  SELECT 'pool', certificate_id, certificate_no, holder_name, unit_name, unit_uscc, district_id, manager_id, issue_date, valid_until, issuing_node, revoked_at, revoked_reason
  FROM supervisor_pool WHERE deleted_at IS NULL AND ${BUREAU_POOL_ROWS} AND certificate_id NOT IN (SELECT id FROM supervisor_certificates)
) x LEFT JOIN districts d ON d.id = x.districtId`;

export function statusOf(row: { revokedAt: string | null; validUntil: string }, asOf: string, expiringDays: number): PoolEntry['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.validUntil < asOf) return 'expired';
  return row.validUntil <= addDays(asOf, expiringDays) ? 'expiring' : 'valid';
}

const rank: Record<PoolEntry['status'], number> = { valid: 0, expiring: 1, expired: 2, revoked: 3 };

/** Each manager's best supervisor certificate (valid before expiring, expired, revoked; then the latest), for the blocks that name supervisors. */
export function supervisorCertificatesOf(ctx: CoreContext, managerIds: readonly string[], asOf: string): Map<string, SupervisorCertificateRef> {
  const out = new Map<string, SupervisorCertificateRef>();
  if (managerIds.length === 0) return out;
  const { expiringDays } = getTrainingSettings(ctx);
  const rows = ctx.database.sqlite.prepare(`${poolSql} WHERE x.managerId IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...new Set(managerIds)])) as Row[];
  for (const r of rows) {
    const candidate: SupervisorCertificateRef = { certificateNo: r.certificateNo, validUntil: r.validUntil, status: statusOf(r, asOf, expiringDays) };
    const held = out.get(r.managerId!);
    if (!held || rank[candidate.status] < rank[held.status] || (rank[candidate.status] === rank[held.status] && candidate.validUntil > held.validUntil)) out.set(r.managerId!, candidate);
  }
  return out;
}

export function queryPool(ctx: CoreContext, input: ParsedInput<'training.pool'>): PoolEntry[] {
  const asOf = resolveAsOf(ctx, input.asOf);
  const { expiringDays } = getTrainingSettings(ctx);
  const { sqlite } = ctx.database;
  const blocksOf = sqlite.prepare(
    `SELECT b.id, b.name FROM block_supervisors s JOIN blocks b ON b.id = s.block_id
     WHERE s.manager_id = ? AND s.removed_at IS NULL AND s.deleted_at IS NULL AND b.dissolved_at IS NULL AND b.deleted_at IS NULL ORDER BY b.name`,
  );
  const search = input.search?.toLowerCase();
  return (sqlite.prepare(`${poolSql} ORDER BY x.validUntil, x.certificateNo`).all() as Row[])
    .map(({ revokedAt, ...r }) => ({ ...r, status: statusOf({ revokedAt, validUntil: r.validUntil }, asOf, expiringDays), blocks: r.managerId ? (blocksOf.all(r.managerId) as PoolEntry['blocks']) : [] }))
    .filter((e) => !input.districtId || e.districtId === input.districtId)
    .filter((e) => !input.expiringWithin || e.status === 'expiring')
    .filter((e) => !input.status || e.status === input.status)
    .filter((e) => !search || [e.holderName, e.certificateNo, e.unitName ?? ''].some((t) => t.toLowerCase().includes(search)));
}

const cols = ['certificate_no', 'holder_name', 'manager_id', 'unit_name', 'unit_uscc', 'district_id', 'issue_date', 'valid_until', 'issuing_node', 'issuer_name', 'issuer_key', 'revoked_at', 'revoked_reason', 'payload'] as const;

/**
 * The bureau publishes the certificates it received as its own pool rows, which go to
 * every office in its bundles (bureauBroadcastTables); a revocation received later
 * updates the row. The issuer's key comes from the bureau's enrolment of that node.
 */
export function publishPool(ctx: CoreContext): z.infer<typeof PoolPublished> {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const certificates = sqlite
      .prepare(`SELECT id, origin_node, id_number, ${cols.filter((c) => c !== 'issuer_name' && c !== 'issuer_key').join(', ')} FROM supervisor_certificates WHERE deleted_at IS NULL ORDER BY id`)
      .all() as Array<Record<string, string | null> & { id: string; payload: string }>;
    // the bureau holds every office's registry: it links a holder the training centre
    // knew only by ID number, or by a manager row of its own registry that no office
    // has, to the office's safety-manager row (no ID number leaves in the pool)
    const knownManager = sqlite.prepare('SELECT 1 FROM safety_managers WHERE id = ? AND deleted_at IS NULL');
    const managerById = sqlite.prepare(
      `SELECT m.id AS managerId, u.district_id AS districtId, u.uscc, u.name AS unitName FROM safety_managers m JOIN units u ON u.id = m.unit_id
       WHERE m.id_number = ? AND m.deleted_at IS NULL AND u.deleted_at IS NULL ORDER BY m.updated_at DESC LIMIT 1`,
    );
    const existing = new Map(
      (sqlite.prepare(`SELECT id, certificate_id AS certificateId, ${cols.join(', ')} FROM supervisor_pool WHERE origin_node = ? AND deleted_at IS NULL`).all(identity.id) as Array<Record<string, string | null> & { id: string; certificateId: string }>).map(
        (r) => [r.certificateId, r],
      ),
    );
    const now = ctx.now().toISOString();
    const insert = sqlite.prepare(`INSERT INTO supervisor_pool (id, origin_node, created_at, updated_at, version, certificate_id, ${cols.join(', ')}) VALUES (?, ?, ?, ?, 1, ?, ${cols.map(() => '?').join(', ')})`);
    const update = sqlite.prepare(`UPDATE supervisor_pool SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`);
    const counts = { inserted: 0, updated: 0, unchanged: 0, unverified: 0 };
    const changed: string[] = [];
    for (const c of certificates) {
      const parsed = parsePayload(c.payload);
      const key = parsed.ok ? trustedSigner(ctx, parsed.facts.keyId) : null;
      // only what its issuer signed goes out in the bureau's name
      const genuine =
        parsed.ok && key !== null && key.nodeId === c['origin_node'] && c['issuing_node'] === c['origin_node'] && (parsed.facts.issuingNode ?? key.nodeId) === c['origin_node'] &&
        parsed.facts.certificateNo === c['certificate_no'] && signatureHolds(parsed, key.signingKey);
      if (!genuine) {
        counts.unverified++;
        continue;
      }
      const linked = c['manager_id'] && knownManager.get(c['manager_id']) ? c['manager_id'] : null;
      const manager = linked || !c['id_number'] ? undefined : (managerById.get(c['id_number']) as { managerId: string; districtId: string; uscc: string; unitName: string } | undefined);
      const values: Record<string, string | null> = {
        ...c,
        manager_id: linked ?? manager?.managerId ?? null,
        district_id: c['district_id'] ?? manager?.districtId ?? null,
        unit_uscc: c['unit_uscc'] ?? manager?.uscc ?? null,
        unit_name: c['unit_name'] ?? manager?.unitName ?? null,
        issuer_name: key.nodeName,
        issuer_key: key.signingKey,
      };
      const row = cols.map((k) => values[k] ?? null);
      const before = existing.get(c.id);
      if (!before) {
        const id = newId();
        insert.run(id, identity.id, now, now, c.id, ...row);
        counts.inserted++;
        changed.push(id);
      } else if (cols.some((k) => (before[k] ?? null) !== (values[k] ?? null))) {
        update.run(...row, now, before.id);
        counts.updated++;
        changed.push(before.id);
      } else counts.unchanged++;
    }
    appendAudit(ctx, { nodeId: identity.id, call: 'training.publishPool', table: 'supervisor_pool', rowIds: changed, after: counts });
    return counts;
  })();
}
