import type { summaryCalls } from '../../api/calls/summaries.ts';
import { evidenceFile } from '../acceptance/acceptance-service.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { summaryDocx } from './summary-docx.ts';
import { listSummaries, summaryStatus } from './summary-list.ts';
import { getSummary } from './summary-read.ts';
import { cityView, reviewSummary } from './summary-review.ts';
import { refreshFigures, saveSummary, submitSummary } from './summary-service.ts';
import { getSummarySettings, updateSummarySettings } from './summary-settings.ts';

export const summaryHandlers: HandlerGroup<keyof typeof summaryCalls> = {
  'summaries.list': (ctx) => listSummaries(ctx),
  'summaries.get': getSummary,
  'summaries.save': saveSummary,
  'summaries.refreshFigures': refreshFigures,
  'summaries.submit': submitSummary,
  'summaries.status': (ctx) => summaryStatus(ctx),
  'summaries.exportDocx': (ctx, input) => summaryDocx(ctx, getSummary(ctx, input)),
  // the same attachments store as acceptance and hazard evidence: one reader
  'summaries.attachmentFile': evidenceFile,
  'summaries.settings': (ctx) => getSummarySettings(ctx),
  'summaries.updateSettings': updateSummarySettings,
  'summaries.cityView': cityView,
  'summaries.review': reviewSummary,
};
