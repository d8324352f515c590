import type { steeringCalls } from '../../api/calls/steering.ts';
import { XLSX_MIME } from '../../api/schemas/files.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { requireIdentity } from '../node/node-service.ts';
import { assessMonth, scoreEvidence } from './assessment.ts';
import { assessmentWorkbook } from './assessment-xlsx.ts';
import { restoreCityTemplate, withdrawCityTemplate } from './city-templates.ts';
import { progressBoard } from './progress.ts';
import { listRules, saveRules } from './rules.ts';
import { getSteeringSettings, updateSteeringSettings } from './steering-settings.ts';
import { listTargets, pilotCandidates, saveTarget } from './targets.ts';
import { trainingRegistryPreview } from './training-registry.ts';

export const steeringHandlers: HandlerGroup<keyof typeof steeringCalls> = {
  'steering.settings': (ctx) => {
    return getSteeringSettings(ctx);
  },
  'steering.updateSettings': updateSteeringSettings,
  'steering.targets': (ctx) => {
    return listTargets(ctx);
  },
  'steering.saveTarget': saveTarget,
  'steering.pilotCandidates': pilotCandidates,
  'steering.progress': (ctx) => progressBoard(ctx),
  'steering.rules': (ctx) => listRules(ctx),
  'steering.saveRules': saveRules,
  'steering.assessment': (ctx, input) => assessMonth(ctx, input.month),
  'steering.evidence': scoreEvidence,
  'steering.exportAssessment': async (ctx, input) => {
    const assessment = assessMonth(ctx, input.month);
    const content = await assessmentWorkbook(assessment, requireIdentity(ctx).name);
    return { fileName: `考核表-${input.month}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  },
  'steering.withdrawCityTemplate': withdrawCityTemplate,
  'steering.restoreCityTemplate': restoreCityTemplate,
  'steering.trainingRegistry': (ctx, input) => trainingRegistryPreview(ctx, input.trainingNode),
};
