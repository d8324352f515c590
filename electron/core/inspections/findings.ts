import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { HazardDetail } from '../../api/schemas/hazards.ts';
import type { TeamMember } from '../../api/schemas/inspections.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { createHazard } from '../hazards/hazard-service.ts';
import { checkOwn, parseJson } from './office.ts';
import { loadRecordRow } from './record-read.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

// A finding of a visit becomes a hidden danger through the hazards service itself
// (its checks, event and audit entry), linked back by source_inspection_id; found on
// the day of the visit by the visit's team. One transaction: the hazard's own is
// nested in it (a savepoint), so a refusal here leaves no hazard behind.

export function addFinding(ctx: CoreContext, input: ParsedInput<'inspections.addFinding'>): HazardDetail {
  const identity = requireDistrictIdentity(ctx);
  return ctx.database.sqlite.transaction(() => {
    const record = loadRecordRow(ctx, input.recordId);
    checkOwn(identity, record, undefined, '检查记录');
    if (record.planState === 'cancelled') throw new AppError('CONFLICT', '该检查计划已取消，不能再登记发现的问题。');
    const team = parseJson<TeamMember[]>(record.team, []);
    const foundBy = input.foundBy ?? (team.map((m) => m.name).join('、') || null);
    if (!foundBy) throw new AppError('VALIDATION', '请填写发现人（本记录的检查组为空）。', { field: 'foundBy' });
    const hazard = createHazard(ctx, {
      unitId: record.unitId,
      equipmentId: input.equipmentId,
      description: input.description,
      level: input.level,
      foundBy: foundBy.slice(0, 100),
      foundOn: record.inspectedOn,
      measures: input.measures,
      comment: `专项检查“${record.planTitle}”发现`,
      evidence: input.evidence,
      sourceInspectionId: record.id,
    });
    appendAudit(ctx, { nodeId: identity.id, call: 'inspections.addFinding', table: 'hazards', rowIds: [hazard.id, record.id], after: { recordId: record.id, hazardId: hazard.id, level: input.level, description: input.description } });
    return hazard;
  })();
}
