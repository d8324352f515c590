import { publicityActivities } from '../../../db/schema/index.ts';
import { syncedRows, type RowTexts } from '../data/synced-rows.ts';

// The publicity log as the write layer sees it, with the words the log has always
// used when an activity cannot be changed (修改) or deleted (删除) here.

const texts = (verb: '修改' | '删除'): RowTexts => ({
  notFound: '该活动记录不存在或已被删除，请刷新。',
  foreign: `该活动由其他节点登记，只能由登记它的分局${verb}。`,
  conflict: `该活动记录已被修改（可能在另一窗口），请刷新后再${verb}。`,
});

export const activityRows = syncedRows(publicityActivities, texts('修改'));
/** The same rows, for a deletion's words. */
export const activityRemovals = syncedRows(publicityActivities, texts('删除'));
