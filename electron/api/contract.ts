import type { z } from 'zod';
import { acceptanceCalls } from './calls/acceptance.ts';
import { appCalls } from './calls/app.ts';
import { auditCalls } from './calls/audit.ts';
import { blockCalls, routineCalls } from './calls/blocks.ts';
import { bundleCalls } from './calls/bundles.ts';
import { dashboardCalls } from './calls/dashboard.ts';
import { fileCalls } from './calls/files.ts';
import { hazardCalls } from './calls/hazards.ts';
import { hostCalls } from './calls/host.ts';
import { summaryCalls } from './calls/summaries.ts';
import { complaintCalls } from './calls/complaints.ts';
import { inspectionCalls } from './calls/inspections.ts';
import { keyCalls } from './calls/keys.ts';
import { ledgerCalls } from './calls/ledger.ts';
import { registryCalls } from './calls/registry.ts';
import { trainingCalls } from './calls/training.ts';
import { nodeCalls } from './calls/node.ts';
import { steeringCalls } from './calls/steering.ts';
import { unitCalls } from './calls/units.ts';
import { riskCalls } from './calls/risk.ts';
import { publicityCalls } from './calls/publicity.ts';
import { chainCalls, chainWorkCalls } from './calls/chain.ts';
import { cityCalls } from './calls/city.ts';
import { districtCalls } from './calls/districts.ts';
import { equipmentCalls } from './calls/equipment.ts';
import { formCalls } from './calls/forms.ts';
import { gridCalls } from './calls/grid.ts';
import { inspectorCalls } from './calls/inspectors.ts';
import { jobCalls } from './calls/jobs.ts';
import { listCalls } from './calls/lists.ts';
import { managerCalls } from './calls/managers.ts';
import { sessionCalls } from './calls/session.ts';
import { settingCalls } from './calls/settings.ts';
import { staffCalls } from './calls/staff.ts';
import { statsCalls } from './calls/stats.ts';
import type { Result } from './errors.ts';

/**
 * The only list of calls, assembled from calls/, one file per namespace (calls/<namespace>.ts). The IPC
 * binding, the preload, the renderer client, the CLI and the browser host are all
 * derived from it; the core's handler table must satisfy it, so a call without a
 * handler fails the type check.
 */
export const contract = {
  ...appCalls,
  ...statsCalls,
  ...nodeCalls,
  ...districtCalls,
  ...sessionCalls,
  ...staffCalls,
  ...formCalls,
  ...unitCalls,
  ...fileCalls,
  ...jobCalls,
  ...ledgerCalls,
  ...registryCalls,
  ...equipmentCalls,
  ...gridCalls,
  ...listCalls,
  ...managerCalls,
  ...settingCalls,
  ...keyCalls,
  ...bundleCalls,
  ...cityCalls,
  ...blockCalls,
  ...chainCalls,
  ...inspectorCalls,
  ...routineCalls,
  ...chainWorkCalls,
  ...acceptanceCalls,
  ...trainingCalls,
  ...hazardCalls,
  ...dashboardCalls,
  ...summaryCalls,
  ...complaintCalls,
  ...inspectionCalls,
  ...auditCalls,
  ...hostCalls,
  ...steeringCalls,
  // 风险分级管控 and 宣传培训 (issue 19)
  ...riskCalls,
  ...publicityCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The window's own calls (host.*): answered by the host, never by the core. */
export type HostCallName = Extract<CallName, `host.${string}`>;
/** Every call the core answers. */
export type CoreCallName = Exclude<CallName, HostCallName>;

export function isHostCallName(name: string): name is HostCallName {
  return name.startsWith('host.') && isCallName(name);
}

/** The shape of window.qkl: one function per call, each resolving to a result envelope. */
export type QklBridge = {
  [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

export const IPC_PREFIX = 'qkl:';
