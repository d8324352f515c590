import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { SafetyManager } from '../../api/schemas/registry.ts';
import { type safetyManagers } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { Lookups } from '../ledger/lookups.ts';
import { requireIdentity } from '../node/node-service.ts';
import { nameInitials } from '../pinyin.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { checkManagerForm, type FormWarning } from './form-row.ts';
import { certificateDates } from './manager-query.ts';
import { managersByRowidsSql, toSafetyManager } from './manager-rows.ts';
import { liveUnitInScope } from './owned-row.ts';
import { managerRows } from './registry-rows.ts';

// 安全管理员, one at a time from its grid: the same checks as a ledger row (ID number
// per GB 11643, item codes, dates), a certificate registered twice refused, only
// this node's rows changed, deletion as a tombstone, every change audited (the ID
// number and phone are kept in full in the audit log, as the import keeps them).

type Fields = ParsedInput<'managers.create'>;
type Row = typeof safetyManagers.$inferSelect;

export function getManager(ctx: CoreContext, id: string): SafetyManager {
  const { sqlite } = ctx.database;
  const rowid = sqlite.prepare<[string], number>('SELECT rowid FROM safety_managers WHERE id = ? AND deleted_at IS NULL').pluck().get(id);
  const row = rowid === undefined ? undefined : sqlite.prepare<[string], Record<string, unknown>>(managersByRowidsSql).get(JSON.stringify([rowid]));
  if (!row) throw new AppError('NOT_FOUND', '该安全管理员不存在或已被删除，请刷新列表');
  return toSafetyManager(row, certificateDates(ctx, undefined));
}

function prepare(ctx: CoreContext, identity: NodeIdentity, input: Fields, before?: Row) {
  const unit = liveUnitInScope(ctx, identity, input.unitId);
  // the grid shows the ID number and phone masked: a form that leaves them out keeps what is stored
  const idNumber = input.idNumber === undefined ? (before?.idNumber ?? null) : input.idNumber;
  const phone = input.phone === undefined ? (before?.phone ?? null) : input.phone;
  const { record, warnings } = checkManagerForm(ctx, identity, {
    unitName: unit.name,
    uscc: unit.uscc,
    personName: input.name,
    idNumber,
    itemCode: input.itemCode,
    certificateNo: input.certificateNo,
    issuedDate: input.issuedDate,
    expiryDate: input.expiryDate,
    phone,
  });
  const v = record.values;
  const clash = new Lookups(ctx.database.sqlite).manager(v.certificateNo, v.idNumber, v.itemCode);
  if (clash && clash.id !== before?.id) {
    const sameCertificate = v.certificateNo && clash['certificateNo'] === v.certificateNo;
    throw new AppError(
      'DUPLICATE',
      sameCertificate
        ? `证书编号“${v.certificateNo}”已登记为“${clash['name']}”，同一本证书不能重复登记。请核对证书编号`
        : `身份证号 ${maskIdNumber(v.idNumber)} 的作业项目 ${v.itemCode} 已登记为“${clash['name']}”，同一人的同一作业项目不能重复登记`,
      { field: sameCertificate ? 'certificateNo' : 'idNumber' },
    );
  }
  const columns = {
    unitId: unit.id,
    name: v.name,
    nameInitials: nameInitials(v.name),
    idNumber: v.idNumber ?? null,
    itemCode: v.itemCode ?? null,
    certificateNo: v.certificateNo ?? null,
    issuedDate: v.issuedDate ?? null,
    expiryDate: v.expiryDate ?? null,
    phone: v.phone ?? null,
  };
  return { columns, warnings };
}

export function createManager(ctx: CoreContext, input: Fields): { manager: SafetyManager; warnings: FormWarning[] } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'managers.create');
  const { id, warnings } = inTransaction(w, () => {
    const prepared = prepare(ctx, w.node, input);
    const row = managerRows.insert(w, { extra: null, ...prepared.columns });
    return { id: row.id, warnings: prepared.warnings };
  });
  return { manager: getManager(ctx, id), warnings };
}

export function updateManager(ctx: CoreContext, input: ParsedInput<'managers.update'>): { manager: SafetyManager; warnings: FormWarning[] } {
  const w = beginWrite(ctx, requireIdentity(ctx), 'managers.update');
  const warnings = inTransaction(w, () => {
    const before = managerRows.owned(w, input.id, input.version);
    const prepared = prepare(ctx, w.node, input.data, before);
    managerRows.updateChanged(w, before, prepared.columns);
    return prepared.warnings;
  });
  return { manager: getManager(ctx, input.id), warnings };
}

export function deleteManager(ctx: CoreContext, input: ParsedInput<'managers.delete'>) {
  const w = beginWrite(ctx, requireIdentity(ctx), 'managers.delete');
  return inTransaction(w, () => managerRows.remove(w, managerRows.owned(w, input.id, input.version)));
}
