import type { AcceptanceDecision, AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { OfficeState } from '../../api/schemas/steering.ts';
import { decisionsOf } from '../acceptance/acceptance-read.ts';
import { effectiveState } from '../acceptance/state.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { all, sql } from '../data/query.ts';

// What the bureau knows of each district from the offices' bundles: which office is
// enrolled for it and when it last reported, and its demonstration-unit files with the
// bureau's own decisions on them.

export interface DistrictOffice {
  state: OfficeState;
  nodes: Array<{ nodeId: string; nodeName: string }>;
  /** the first office key of the district trusted here: before it, nothing could reach the bureau */
  enrolledAt: string | null;
  lastCreatedAt: string | null;
  lastImportedAt: string | null;
}

/** Per district: its enrolled offices (keys of role district), their latest bundle. A district without a key is absent. */
export function officesByDistrict(ctx: CoreContext): Map<string, DistrictOffice> {
  const rows = all(ctx.database.sqlite, sql<{ districtId: string; nodeId: string; nodeName: string; trustedAt: string; allRevoked: number; lastCreatedAt: string | null; lastImportedAt: string | null }>`SELECT k.district_id AS districtId, k.node_id AS nodeId, max(k.node_name) AS nodeName, min(k.trusted_at) AS trustedAt,
              min(CASE WHEN k.revoked_at IS NULL THEN 0 ELSE 1 END) AS allRevoked,
              (SELECT max(created_at) FROM bundles_received b WHERE b.node_id = k.node_id) AS lastCreatedAt,
              (SELECT max(imported_at) FROM bundles_received b WHERE b.node_id = k.node_id) AS lastImportedAt
       FROM trusted_keys k WHERE k.role = 'district' AND k.district_id IS NOT NULL GROUP BY k.district_id, k.node_id ORDER BY nodeName`);
  const out = new Map<string, DistrictOffice & { live: boolean }>();
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  for (const r of rows) {
    const o = out.get(r.districtId) ?? { state: 'silent', nodes: [], enrolledAt: null, lastCreatedAt: null, lastImportedAt: null, live: false };
    o.nodes.push({ nodeId: r.nodeId, nodeName: r.nodeName });
    o.enrolledAt = o.enrolledAt === null || r.trustedAt < o.enrolledAt ? r.trustedAt : o.enrolledAt;
    o.lastCreatedAt = later(o.lastCreatedAt, r.lastCreatedAt);
    o.lastImportedAt = later(o.lastImportedAt, r.lastImportedAt);
    o.live ||= r.allRevoked === 0;
    out.set(r.districtId, o);
  }
  for (const o of out.values()) o.state = !o.live ? 'revoked' : o.lastImportedAt ? 'reporting' : 'silent';
  return new Map([...out].map(([k, { live: _live, ...o }]) => [k, o]));
}

export interface DemoFile {
  id: string;
  unitId: string;
  unitName: string;
  phase: 'pilot' | 'rollout';
  createdAt: string;
  state: AcceptanceState;
  decisions: AcceptanceDecision[];
}

/** The district's acceptance files (oldest first) with their state as shown and the bureau's decisions. */
export function demoFiles(ctx: CoreContext, districtId: string): DemoFile[] {
  const files = all(ctx.database.sqlite, sql<Omit<DemoFile, 'decisions'> & { round: number }>`SELECT f.id, f.unit_id AS unitId, u.name AS unitName, f.phase, f.created_at AS createdAt, f.state, f.round
       FROM acceptance_files f JOIN units u ON u.id = f.unit_id WHERE f.district_id = ${districtId} AND f.deleted_at IS NULL ORDER BY f.created_at, f.id`);
  const decisions = decisionsOf(ctx, files.map((f) => f.id));
  return files.map(({ round, ...f }) => {
    const own = decisions.get(f.id) ?? [];
    return { ...f, state: effectiveState(f.state, round, own), decisions: own };
  });
}

/**
 * The plaque a file held on a date: passed by the bureau on or before it and not revoked
 * by then (a unit under 复查 keeps its plaque). Null when it held none.
 */
export function plaqueOn(file: DemoFile, date: string): { plaqueNo: string | null; decidedOn: string } | null {
  const upTo = file.decisions.filter((d) => d.decidedOn <= date);
  if (upTo.some((d) => d.outcome === 'revoke')) return null;
  const pass = upTo.filter((d) => d.outcome === 'pass').pop();
  return pass ? { plaqueNo: pass.plaqueNo, decidedOn: pass.decidedOn } : null;
}

/** The plaque a file holds now, whatever date the bureau wrote on its decisions. */
export function plaqueNow(file: DemoFile): { plaqueNo: string | null; decidedOn: string } | null {
  return plaqueOn(file, '9999-12-31');
}

/** Files still on their way now: neither holding a plaque nor closed. */
export function inProgress(file: DemoFile): boolean {
  return plaqueNow(file) === null && file.state !== 'revoked';
}

export interface SupervisorCertificate {
  id: string;
  certificateNo: string;
  holderName: string;
  idNumber: string | null;
  unitName: string | null;
  issueDate: string;
  validUntil: string;
  revokedAt: string | null;
}

/**
 * The district's supervisors (安全监督员证) valid on the date, one per person (by ID
 * number, else name and unit): issued by then, not expired, not revoked by then. A
 * certificate without a district counts where its holder's unit is.
 */
export function supervisorsOn(ctx: CoreContext, districtId: string, date: string): SupervisorCertificate[] {
  const rows = all(ctx.database.sqlite, sql<SupervisorCertificate>`SELECT c.id, c.certificate_no AS certificateNo, c.holder_name AS holderName, c.id_number AS idNumber, c.unit_name AS unitName,
              c.issue_date AS issueDate, c.valid_until AS validUntil, c.revoked_at AS revokedAt
       FROM supervisor_certificates c LEFT JOIN safety_managers m ON m.id = c.manager_id LEFT JOIN units u ON u.id = m.unit_id
       WHERE c.deleted_at IS NULL AND coalesce(c.district_id, u.district_id) = ${districtId} AND c.issue_date <= ${date} AND c.valid_until >= ${date}
       ORDER BY c.issue_date, c.certificate_no`);
  const people = new Map<string, SupervisorCertificate>();
  for (const c of rows) {
    // revoked_at is an instant: a revocation later than the date leaves the certificate valid on it
    if (c.revokedAt && localDate(new Date(c.revokedAt)) <= date) continue;
    people.set(c.idNumber ?? `${c.holderName}|${c.unitName ?? ''}`, c);
  }
  return [...people.values()];
}
