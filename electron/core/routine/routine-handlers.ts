import type { routineCalls } from '../../api/calls/blocks.ts';
import { evidenceFile } from '../acceptance/acceptance-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { blockCalendar } from './calendar-read.ts';
import { getCheck, listChecks } from './check-read.ts';
import { addCheckFinding, finalizeCheck, saveCheck } from './check-service.ts';
import { listMeetings, saveMeeting } from './meeting-service.ts';
import { saveScheduleRule } from './schedule-service.ts';

export const routineHandlers: HandlerGroup<keyof typeof routineCalls> = {
  'blocks.calendar': blockCalendar,
  'blocks.saveScheduleRule': saveScheduleRule,
  'blocks.checks': listChecks,
  'blocks.getCheck': (ctx, input) => getCheck(ctx, input.id),
  'blocks.saveCheck': saveCheck,
  'blocks.finalizeCheck': finalizeCheck,
  'blocks.checkFinding': addCheckFinding,
  'blocks.meetings': listMeetings,
  'blocks.saveMeeting': saveMeeting,
  'blocks.routineFile': evidenceFile,
};
