import type { chainWorkCalls } from '../../api/calls/chain.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { listFeedback, loadFeedback } from './feedback-read.ts';
import { answerFeedback, closeFeedback, feedbackToHazard, saveFeedback } from './feedback-service.ts';
import { supervisorLog, supervisorWork } from './supervisor-work.ts';
import { addSupervisorWork, removeSupervisorWork } from './work-entries.ts';
import { getChainWorkSettings, updateChainWorkSettings } from './work-settings.ts';

export const chainWorkHandlers: HandlerGroup<keyof typeof chainWorkCalls> = {
  'chain.feedback': listFeedback,
  'chain.getFeedback': (ctx, input) => loadFeedback(ctx, input.id),
  'chain.saveFeedback': saveFeedback,
  'chain.answerFeedback': answerFeedback,
  'chain.feedbackToHazard': feedbackToHazard,
  'chain.closeFeedback': closeFeedback,
  'chain.supervisorWork': supervisorWork,
  'chain.supervisorLog': supervisorLog,
  'chain.addSupervisorWork': addSupervisorWork,
  'chain.removeSupervisorWork': removeSupervisorWork,
  'chain.workSettings': (ctx) => getChainWorkSettings(ctx),
  'chain.updateWorkSettings': updateChainWorkSettings,
};
