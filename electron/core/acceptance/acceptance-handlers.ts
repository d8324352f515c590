import type { acceptanceCalls } from '../../api/calls/acceptance.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { board, getDetail, listFiles } from './acceptance-read.ts';
import { decide } from './acceptance-decide.ts';
import { acceptanceCandidates, attachEvidence, createFile, evidenceFile, removeEvidence, saveItem, transition, updateFile } from './acceptance-service.ts';
import { getAcceptanceSettings, updateAcceptanceSettings } from './acceptance-settings.ts';
import { loadChecklist } from './checklist.ts';
import { listTemplates, publishTemplate, withdrawTemplate } from './templates.ts';

export const acceptanceHandlers: HandlerGroup<keyof typeof acceptanceCalls> = {
  'acceptance.checklist': (_ctx, input) => loadChecklist(input.version),
  'acceptance.board': (ctx) => board(ctx),
  'acceptance.list': listFiles,
  'acceptance.get': (ctx, input) => getDetail(ctx, input.id),
  'acceptance.candidates': acceptanceCandidates,
  'acceptance.create': createFile,
  'acceptance.update': updateFile,
  'acceptance.saveItem': saveItem,
  'acceptance.attachEvidence': attachEvidence,
  'acceptance.removeEvidence': removeEvidence,
  'acceptance.evidenceFile': evidenceFile,
  'acceptance.transition': transition,
  'acceptance.decide': decide,
  'acceptance.settings': (ctx) => getAcceptanceSettings(ctx),
  'acceptance.updateSettings': updateAcceptanceSettings,
  'acceptance.templates': listTemplates,
  'acceptance.publishTemplate': publishTemplate,
  'acceptance.withdrawTemplate': withdrawTemplate,
};
