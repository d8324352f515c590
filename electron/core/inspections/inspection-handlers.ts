import type { inspectionCalls } from '../../api/calls/inspections.ts';
import { evidenceFile } from '../acceptance/acceptance-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { listChecklists, saveChecklist } from './checklists.ts';
import { addFinding } from './findings.ts';
import { getInspectionSettings, updateInspectionSettings } from './inspection-settings.ts';
import { inspectionStats } from './inspection-stats.ts';
import { getOrder, listOrders } from './order-read.ts';
import { cancelOrder, issueOrder, recheckOrder } from './order-service.ts';
import { getPlan, listPlans } from './plan-read.ts';
import { createPlan, setPlanState, updatePlan } from './plan-service.ts';
import { getRecord, listRecords } from './record-read.ts';
import { finalizeRecord, saveRecord } from './record-service.ts';
import { planOptions, resolveScope } from './scope.ts';
import { requireDistrictIdentity } from '../node/node-service.ts';

export const inspectionHandlers: HandlerGroup<keyof typeof inspectionCalls> = {
  'inspections.checklists': listChecklists,
  'inspections.saveChecklist': saveChecklist,
  'inspections.planOptions': (ctx) => planOptions(ctx),
  'inspections.resolveScope': (ctx, input) => resolveScope(ctx, requireDistrictIdentity(ctx), input.scope),
  'inspections.listPlans': listPlans,
  'inspections.getPlan': (ctx, input) => getPlan(ctx, input.id),
  'inspections.createPlan': createPlan,
  'inspections.updatePlan': updatePlan,
  'inspections.setPlanState': setPlanState,
  'inspections.listRecords': listRecords,
  'inspections.getRecord': (ctx, input) => getRecord(ctx, input.id),
  'inspections.saveRecord': saveRecord,
  'inspections.finalizeRecord': finalizeRecord,
  // the same attachments store as acceptance and hazard evidence: one reader
  'inspections.recordFile': evidenceFile,
  'inspections.addFinding': addFinding,
  'inspections.issueOrder': issueOrder,
  'inspections.listOrders': listOrders,
  'inspections.getOrder': (ctx, input) => getOrder(ctx, input.id),
  'inspections.recheckOrder': recheckOrder,
  'inspections.cancelOrder': cancelOrder,
  'inspections.settings': (ctx) => getInspectionSettings(ctx),
  'inspections.updateSettings': updateInspectionSettings,
  'inspections.stats': inspectionStats,
};
