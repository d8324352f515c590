import type { hazardCalls } from '../../api/calls/hazards.ts';
import { evidenceFile } from '../acceptance/acceptance-service.ts';
import { calendarFor, workingDeadline } from '../calendar/calendar.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { getIdentity } from '../node/node-service.ts';
import { getHazard, listHazards } from './hazard-read.ts';
import { createHazard, escalateOverdue, transitionHazard, updateHazard } from './hazard-service.ts';
import { getHazardSettings, updateHazardSettings } from './hazard-settings.ts';
import { hazardStats } from './hazard-stats.ts';

export const hazardHandlers: HandlerGroup<keyof typeof hazardCalls> = {
  'hazards.list': listHazards,
  'hazards.get': (ctx, input) => getHazard(ctx, input.id, getIdentity(ctx)?.id ?? null),
  'hazards.stats': hazardStats,
  'hazards.create': createHazard,
  'hazards.update': updateHazard,
  'hazards.transition': transitionHazard,
  'hazards.escalateOverdue': (ctx) => escalateOverdue(ctx),
  'hazards.deadlinePreview': (ctx, input) => workingDeadline(calendarFor(ctx), input.from, input.workingDays),
  // the same attachments store as acceptance evidence: one reader
  'hazards.evidenceFile': evidenceFile,
  'hazards.settings': (ctx) => getHazardSettings(ctx),
  'hazards.updateSettings': updateHazardSettings,
};
