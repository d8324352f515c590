import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { supervisorCertificates, supervisorPool } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { SupervisorCertificateRef } from '../../api/schemas/blocks.ts';
import type { PoolEntry, PoolPublished } from '../../api/schemas/certificates.ts';
import { appendAudit } from '../audit.ts';
import { all, sql as rowsSql, sqlRaw } from '../data/query.ts';
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
  const rows = all(ctx.database.sqlite, rowsSql<Row>`${sqlRaw(poolSql)} WHERE x.managerId IN (SELECT value FROM json_each(${JSON.stringify([...new Set(managerIds)])}))`);
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
  // run once per pool entry: kept prepared
  const blocksOf = sqlite.prepare<[string], PoolEntry['blocks'][number]>(
    `SELECT b.id, b.name FROM block_supervisors s JOIN blocks b ON b.id = s.block_id
     WHERE s.manager_id = ? AND s.removed_at IS NULL AND s.deleted_at IS NULL AND b.dissolved_at IS NULL AND b.deleted_at IS NULL ORDER BY b.name`,
  );
  const search = input.search?.toLowerCase();
  return all(sqlite, rowsSql<Row>`${sqlRaw(poolSql)} ORDER BY x.validUntil, x.certificateNo`)
    .map(({ revokedAt, ...r }) => ({ ...r, status: statusOf({ revokedAt, validUntil: r.validUntil }, asOf, expiringDays), blocks: r.managerId ? blocksOf.all(r.managerId) : [] }))
    .filter((e) => !input.districtId || e.districtId === input.districtId)
    .filter((e) => !input.expiringWithin || e.status === 'expiring')
    .filter((e) => !input.status || e.status === input.status)
    .filter((e) => !search || [e.holderName, e.certificateNo, e.unitName ?? ''].some((t) => t.toLowerCase().includes(search)));
}

/** The pool row's own fields (all but the sync columns and the certificate it copies), as publishPool compares them. */
type PoolFields = Omit<typeof supervisorPool.$inferSelect, 'id' | 'originNode' | 'createdAt' | 'updatedAt' | 'version' | 'deletedAt' | 'certificateId'>;
const poolFields = [
  'certificateNo',
  'holderName',
  'managerId',
  'unitName',
  'unitUscc',
  'districtId',
  'issueDate',
  'validUntil',
  'issuingNode',
  'issuerName',
  'issuerKey',
  'revokedAt',
  'revokedReason',
  'payload',
] as const satisfies readonly (keyof PoolFields)[];

/**
 * The bureau publishes the certificates it received as its own pool rows, which go to
 * every office in its bundles (bureauBroadcastTables); a revocation received later
 * updates the row. The issuer's key comes from the bureau's enrolment of that node.
 * One audit entry names every row the publication changed, so the rows go through
 * drizzle's builder with the sync columns set here, not through the one-row write layer.
 */
export function publishPool(ctx: CoreContext): z.infer<typeof PoolPublished> {
  const identity = requireIdentity(ctx);
  const { sqlite, db } = ctx.database;
  return sqlite.transaction(() => {
    const c = supervisorCertificates;
    const certificates = db
      .select({
        id: c.id,
        originNode: c.originNode,
        idNumber: c.idNumber,
        certificateNo: c.certificateNo,
        holderName: c.holderName,
        managerId: c.managerId,
        unitName: c.unitName,
        unitUscc: c.unitUscc,
        districtId: c.districtId,
        issueDate: c.issueDate,
        validUntil: c.validUntil,
        issuingNode: c.issuingNode,
        revokedAt: c.revokedAt,
        revokedReason: c.revokedReason,
        payload: c.payload,
      })
      .from(c)
      .where(isNull(c.deletedAt))
      .orderBy(asc(c.id))
      .all();
    // the bureau holds every office's registry: it links a holder the training centre
    // knew only by ID number, or by a manager row of its own registry that no office
    // has, to the office's safety-manager row (no ID number leaves in the pool)
    const knownManager = sqlite.prepare('SELECT 1 FROM safety_managers WHERE id = ? AND deleted_at IS NULL');
    const managerById = sqlite.prepare<[string], { managerId: string; districtId: string; uscc: string; unitName: string }>(
      `SELECT m.id AS managerId, u.district_id AS districtId, u.uscc, u.name AS unitName FROM safety_managers m JOIN units u ON u.id = m.unit_id
       WHERE m.id_number = ? AND m.deleted_at IS NULL AND u.deleted_at IS NULL ORDER BY m.updated_at DESC LIMIT 1`,
    );
    const p = supervisorPool;
    const existing = new Map(
      db
        .select()
        .from(p)
        .where(and(eq(p.originNode, identity.id), isNull(p.deletedAt)))
        .all()
        .map((r) => [r.certificateId, r]),
    );
    const now = ctx.now().toISOString();
    const counts = { inserted: 0, updated: 0, unchanged: 0, unverified: 0 };
    const changed: string[] = [];
    for (const cert of certificates) {
      const parsed = parsePayload(cert.payload);
      const key = parsed.ok ? trustedSigner(ctx, parsed.facts.keyId) : null;
      // only what its issuer signed goes out in the bureau's name
      const genuine =
        parsed.ok && key !== null && key.nodeId === cert.originNode && cert.issuingNode === cert.originNode && (parsed.facts.issuingNode ?? key.nodeId) === cert.originNode &&
        parsed.facts.certificateNo === cert.certificateNo && signatureHolds(parsed, key.signingKey);
      if (!genuine) {
        counts.unverified++;
        continue;
      }
      const linked = cert.managerId && knownManager.get(cert.managerId) ? cert.managerId : null;
      const manager = linked || !cert.idNumber ? undefined : managerById.get(cert.idNumber);
      const values: PoolFields = {
        certificateNo: cert.certificateNo,
        holderName: cert.holderName,
        managerId: linked ?? manager?.managerId ?? null,
        unitName: cert.unitName ?? manager?.unitName ?? null,
        unitUscc: cert.unitUscc ?? manager?.uscc ?? null,
        districtId: cert.districtId ?? manager?.districtId ?? null,
        issueDate: cert.issueDate,
        validUntil: cert.validUntil,
        issuingNode: cert.issuingNode,
        issuerName: key.nodeName,
        issuerKey: key.signingKey,
        revokedAt: cert.revokedAt,
        revokedReason: cert.revokedReason,
        payload: cert.payload,
      };
      const before = existing.get(cert.id);
      if (!before) {
        const id = newId();
        db.insert(p)
          .values({ id, originNode: identity.id, createdAt: now, updatedAt: now, version: 1, certificateId: cert.id, ...values })
          .run();
        counts.inserted++;
        changed.push(id);
      } else if (poolFields.some((k) => (before[k] ?? null) !== (values[k] ?? null))) {
        db.update(p)
          .set({ ...values, updatedAt: now, version: sql`${p.version} + 1` })
          .where(eq(p.id, before.id))
          .run();
        counts.updated++;
        changed.push(before.id);
      } else counts.unchanged++;
    }
    appendAudit(ctx, { nodeId: identity.id, call: 'training.publishPool', table: 'supervisor_pool', rowIds: changed, after: counts });
    return counts;
  })();
}
