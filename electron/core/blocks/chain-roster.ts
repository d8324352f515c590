import type { ChainProblem, ChainRoster, RosterBlock } from '../../api/schemas/blocks.ts';
import type { CoreContext } from '../context.ts';
import { isNull } from 'drizzle-orm';
import { inspectors, safetyManagers as sm } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
import { authorityName } from '../lists/list-titles.ts';
import { listScope } from '../lists/list-scope.ts';
import { maskIdNumber, maskPhone } from '../privacy/mask.ts';
import { addDays } from '../registry/as-of.ts';
import { A_ITEM_CODES, certificateStatus } from '../registry/status-sql.ts';
import { getRegistrySettings } from '../settings/settings-service.ts';
import { listBlocks } from './block-read.ts';

// 链: for each active block, its inspectors, each member unit's safety managers (ID
// numbers masked; phones masked too, except on the 工作联系表, whose purpose is to call
// them) and the block's supervisors. Flags a
// block without an inspector, a member unit without a manager holding a valid A
// certificate, and a manager whose A certificate expires within the reminder window
// (certificateExpiringDays, 90 by default).

interface ManagerRow {
  managerId: string;
  unitId: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  itemCode: string | null;
  certificateNo: string | null;
  expiryDate: string | null;
}

export function chainRoster(ctx: CoreContext, asOf: string, options: { contactSheet?: boolean } = {}): ChainRoster {
  const full = (phone: string | null | undefined) => (options.contactSheet ? (phone ?? null) : null);
  const settings = getRegistrySettings(ctx);
  const expiringLimit = addDays(asOf, settings.certificateExpiringDays);
  const scope = listScope(ctx);
  const board = listBlocks(ctx, { includeDissolved: false, asOf });
  const { sqlite, db } = ctx.database;
  const aCodes: readonly string[] = A_ITEM_CODES;

  const unitIds = board.blocks.flatMap((b) => b.members.map((m) => m.unitId));
  const managers = all(
    sqlite,
    sql<ManagerRow>`SELECT m.${sm.id} AS managerId, m.${sm.unitId} AS unitId, m.${sm.name}, m.${sm.idNumber} AS idNumber, m.${sm.phone}, m.${sm.itemCode} AS itemCode,
              m.${sm.certificateNo} AS certificateNo, m.${sm.expiryDate} AS expiryDate
       FROM ${sm} m WHERE m.${sm.unitId} IN (SELECT value FROM json_each(${JSON.stringify(unitIds)})) AND m.${sm.deletedAt} IS NULL
       ORDER BY m.${sm.nameSort}, m.${sm.id}`,
  );
  const phones = new Map(managers.map((m) => [m.managerId, m.phone]));
  const inspectorPhones = new Map(
    db
      .select({ id: inspectors.id, phone: inspectors.phone })
      .from(inspectors)
      .where(isNull(inspectors.deletedAt))
      .all()
      .map((r) => [r.id, r.phone]),
  );

  const problems: ChainProblem[] = [];
  const blocks: RosterBlock[] = board.blocks.map((block) => {
    const supervisorIds = new Set(block.supervisors.map((s) => s.managerId));
    const activeInspectors = block.inspectors.filter((i) => i.active);
    if (activeInspectors.length === 0) {
      problems.push({ code: 'no-inspector', blockId: block.id, blockName: block.name, unitId: null, managerId: null, message: `小组“${block.name}”未指定负责的监察人员` });
    }
    const units = block.members.map((member) => {
      const own = managers
        .filter((m) => m.unitId === member.unitId)
        .map((m) => {
          const isA = m.itemCode !== null && aCodes.includes(m.itemCode);
          const certificate = isA ? certificateStatus(m.expiryDate, asOf, expiringLimit) : ('not-a' as const);
          if (certificate === 'expiring') {
            problems.push({
              code: 'certificate-expiring',
              blockId: block.id,
              blockName: block.name,
              unitId: member.unitId,
              managerId: m.managerId,
              message: `“${member.name}”的安全管理员${m.name}的证书将于 ${m.expiryDate} 到期`,
            });
          }
          return {
            managerId: m.managerId,
            name: m.name,
            idNumberMasked: maskIdNumber(m.idNumber),
            phoneMasked: maskPhone(m.phone),
            phone: full(m.phone),
            itemCode: m.itemCode,
            certificateNo: m.certificateNo,
            expiryDate: m.expiryDate,
            certificate,
            isSupervisor: supervisorIds.has(m.managerId),
          };
        });
      if (member.validManagerCount === 0) {
        problems.push({
          code: 'unit-without-manager',
          blockId: block.id,
          blockName: block.name,
          unitId: member.unitId,
          managerId: null,
          message: `“${member.name}”没有持有效证书的安全管理员`,
        });
      }
      return { unitId: member.unitId, name: member.name, uscc: member.uscc, address: member.address, isLead: member.isLead, managers: own };
    });
    return {
      blockId: block.id,
      name: block.name,
      schedule: block.schedule,
      leadUnitName: block.members.find((m) => m.isLead)?.name ?? null,
      // inspectors are the bureau's own staff: their work phone is the point of the chain, shown in full
      inspectors: activeInspectors.map((i) => ({ inspectorId: i.inspectorId, name: i.name, enforcementNo: i.enforcementNo, phone: inspectorPhones.get(i.inspectorId) ?? null })),
      units,
      supervisors: block.supervisors.map((s) => ({ ...s, phoneMasked: maskPhone(phones.get(s.managerId)), phone: full(phones.get(s.managerId)) })),
    };
  });
  return {
    asOf,
    districtName: scope.districtName,
    authority: authorityName(scope.districtName),
    expiringDays: settings.certificateExpiringDays,
    blocks,
    problems,
  };
}
