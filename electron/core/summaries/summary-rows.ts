import { monthlySummaries, summaryReviews } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The summaries' two synced tables as the write layer sees them: an office's monthly
// summary and the bureau's answers to it, with the words the page has always used.

export const summaryRows = syncedRows(monthlySummaries, {
  notFound: '该工作小结不存在，请刷新后重试。',
  foreign: '该工作小结由其他分局填写和报送，本机只能查看。',
  conflict: '该工作小结已被修改（可能在另一窗口），请刷新后再操作。',
});

export const reviewRows = syncedRows(summaryReviews, {
  notFound: '该审阅意见不存在，请刷新后重试。',
  foreign: '该审阅意见由市局写出，本机只能查看。',
});
