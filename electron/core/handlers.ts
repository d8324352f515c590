import { acceptanceHandlers } from './acceptance/acceptance-handlers.ts';
import { appHandlers } from './app-handlers.ts';
import { auditHandlers } from './audit/audit-handlers.ts';
import { blockHandlers } from './blocks/block-handlers.ts';
import { chainWorkHandlers } from './chain-work/chain-work-handlers.ts';
import { routineHandlers } from './routine/routine-handlers.ts';
import { bundleHandlers } from './bundles/bundle-handlers.ts';
import { dashboardHandlers } from './dashboard/dashboard-handlers.ts';
import { fileHandlers } from './files/file-handlers.ts';
import { hazardHandlers } from './hazards/hazard-handlers.ts';
import { summaryHandlers } from './summaries/summary-handlers.ts';
import { complaintHandlers } from './complaints/complaint-handlers.ts';
import { inspectionHandlers } from './inspections/inspection-handlers.ts';
import type { Handlers } from './handler-types.ts';
import { keyHandlers } from './keys/keys-handlers.ts';
import { ledgerHandlers } from './ledger/ledger-handlers.ts';
import { registryHandlers } from './registry/registry-handlers.ts';
import { nodeHandlers } from './node/node-handlers.ts';
import { peopleHandlers } from './people/people-handlers.ts';
import { steeringHandlers } from './steering/steering-handlers.ts';
import { trainingHandlers } from './training/training-handlers.ts';
import { unitHandlers } from './units/unit-handlers.ts';
import { riskHandlers } from './risk/risk-handlers.ts';
import { publicityHandlers } from './publicity/publicity-handlers.ts';

export type { Handler, Handlers } from './handler-types.ts';

// `satisfies` makes a call in the contract without a handler here a type error.
export const handlers = {
  ...appHandlers,
  ...nodeHandlers,
  ...peopleHandlers,
  ...unitHandlers,
  ...fileHandlers,
  ...ledgerHandlers,
  ...registryHandlers,
  ...bundleHandlers,
  ...keyHandlers,
  ...blockHandlers,
  ...routineHandlers,
  ...chainWorkHandlers,
  ...acceptanceHandlers,
  ...trainingHandlers,
  ...hazardHandlers,
  ...dashboardHandlers,
  ...summaryHandlers,
  ...complaintHandlers,
  ...inspectionHandlers,
  ...auditHandlers,
  ...steeringHandlers,
  ...riskHandlers,
  ...publicityHandlers,
} satisfies Handlers;
