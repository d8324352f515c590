import { appEn, apiEn, navEn, commonEn, printEn, progressEn, gridEn, catalogueEn } from './shell.en.ts';
import { firstStartEn } from './first-start.en.ts';
import { unitsEn } from './units.en.ts';
import { overviewEn } from './overview.en.ts';
import { equipmentEn } from './equipment.en.ts';
import { managersEn } from './managers.en.ts';
import { listsEn } from './lists.en.ts';
import { ledgerFieldEn, ledgerEn } from './ledger.en.ts';
import { bundlesEn } from './bundles.en.ts';
import { cityEn } from './city.en.ts';
import { keysEn } from './keys.en.ts';
import { settingsEn } from './settings.en.ts';
import { auditEn } from './audit.en.ts';
import { riskEn } from './risk.en.ts';
import { publicityEn } from './publicity.en.ts';
import { ledgerReviewEn, registryEditEn } from './ledger-review.en.ts';
import { acceptanceEn } from './acceptance.en.ts';
import { hostEn } from './host.en.ts';
import { trainingEn } from './training.en.ts';
import { hazardsEn } from './hazards.en.ts';
import { inspectionsEn } from './inspections.en.ts';
import { complaintsEn } from './complaints.en.ts';
import { summariesEn } from './summaries.en.ts';
import { steeringEn } from './steering.en.ts';
import { blocksEn, chainEn } from './blocks.en.ts';
import { formsEn, peopleEn } from './people.en.ts';
import { chainWorkEn, routineEn } from './routine.en.ts';
import type { Messages } from './zh-CN.ts';

// English, for the code's own tests and for reviewers. Same keys as zh-CN.
export const en: Messages = {
  app: appEn,
  api: apiEn,
  nav: navEn,
  firstStart: firstStartEn,
  common: commonEn,
  print: printEn,
  progress: progressEn,
  grid: gridEn,
  catalogue: catalogueEn,
  units: unitsEn,
  overview: overviewEn,
  equipment: equipmentEn,
  managers: managersEn,
  lists: listsEn,
  ledgerField: ledgerFieldEn,
  ledger: ledgerEn,
  bundles: bundlesEn,
  city: cityEn,
  keys: keysEn,
  settings: settingsEn,
  // 块 and 链 (blocks.en.ts)
  blocks: blocksEn,
  chain: chainEn,
  routine: routineEn,
  chainWork: chainWorkEn,
  acceptance: acceptanceEn,
  training: trainingEn,
  hazards: hazardsEn,
  ledgerReview: ledgerReviewEn,
  registryEdit: registryEditEn,
  inspections: inspectionsEn,
  complaints: complaintsEn,
  summaries: summariesEn,
  audit: auditEn,
  host: hostEn,
  people: peopleEn,
  forms: formsEn,
  steering: steeringEn,
  // 风险分级管控 and 宣传培训 (issue 19)
  risk: riskEn,
  publicity: publicityEn,
};
