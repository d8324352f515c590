// Every word the user sees, in Simplified Chinese (the default language).
// en.ts must have exactly the same keys; the type below enforces it.
import { appZh, apiZh, navZh, commonZh, printZh, progressZh, gridZh, catalogueZh } from './shell.zh-CN.ts';
import { firstStartZh } from './first-start.zh-CN.ts';
import { unitsZh } from './units.zh-CN.ts';
import { overviewZh } from './overview.zh-CN.ts';
import { equipmentZh } from './equipment.zh-CN.ts';
import { managersZh } from './managers.zh-CN.ts';
import { listsZh } from './lists.zh-CN.ts';
import { ledgerFieldZh, ledgerZh } from './ledger.zh-CN.ts';
import { bundlesZh } from './bundles.zh-CN.ts';
import { cityZh } from './city.zh-CN.ts';
import { keysZh } from './keys.zh-CN.ts';
import { settingsZh } from './settings.zh-CN.ts';
import { ledgerReviewZh, registryEditZh } from './ledger-review.zh-CN.ts';
import { riskZh } from './risk.zh-CN.ts';
import { publicityZh } from './publicity.zh-CN.ts';
import { auditZh } from './audit.zh-CN.ts';
import { acceptanceZh } from './acceptance.zh-CN.ts';
import { hostZh } from './host.zh-CN.ts';
import { trainingZh } from './training.zh-CN.ts';
import { hazardsZh } from './hazards.zh-CN.ts';
import { inspectionsZh } from './inspections.zh-CN.ts';
import { complaintsZh } from './complaints.zh-CN.ts';
import { summariesZh } from './summaries.zh-CN.ts';
import { steeringZh } from './steering.zh-CN.ts';
import { blocksZh, chainZh } from './blocks.zh-CN.ts';
import { formsZh, peopleZh } from './people.zh-CN.ts';
import { chainWorkZh, routineZh } from './routine.zh-CN.ts';

export const zhCN = {
  app: appZh,
  api: apiZh,
  nav: navZh,
  firstStart: firstStartZh,
  common: commonZh,
  print: printZh,
  progress: progressZh,
  grid: gridZh,
  catalogue: catalogueZh,
  units: unitsZh,
  overview: overviewZh,
  equipment: equipmentZh,
  managers: managersZh,
  lists: listsZh,
  ledgerField: ledgerFieldZh,
  ledger: ledgerZh,
  bundles: bundlesZh,
  city: cityZh,
  keys: keysZh,
  settings: settingsZh,
  // 块 and 链 (blocks.zh-CN.ts)
  blocks: blocksZh,
  chain: chainZh,
  routine: routineZh,
  chainWork: chainWorkZh,
  // 示范单位验收 (acceptance.zh-CN.ts)
  acceptance: acceptanceZh,
  training: trainingZh,
  // 链 at work (issue 8): one file per page
  hazards: hazardsZh,
  ledgerReview: ledgerReviewZh,
  registryEdit: registryEditZh,
  inspections: inspectionsZh,
  complaints: complaintsZh,
  summaries: summariesZh,
  audit: auditZh,
  // the window's own words (host.zh-CN.ts)
  host: hostZh,
  // 经办人 and the form kit (people.zh-CN.ts)
  people: peopleZh,
  forms: formsZh,
  // 市局督导 (issue 19): targets, the rollout board, the assessment
  steering: steeringZh,
  // 风险分级管控 and 宣传培训 (issue 19)
  risk: riskZh,
  publicity: publicityZh,
};

/** The shape every language must have: same keys, string leaves (arrays of strings allowed). */
type Shape<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { [K in keyof T]: Shape<T[K]> };
export type Messages = Shape<typeof zhCN>;
