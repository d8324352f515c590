import { acceptanceDecisions, acceptanceEvidence, acceptanceFiles, acceptanceItems, acceptanceTemplates } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The acceptance tables as the write layer sees them, with the words the acceptance
// pages have always used when a row cannot be changed.

export const fileRows = syncedRows(acceptanceFiles, {
  notFound: '该验收档案不存在或已被删除，请刷新',
  foreign: '该档案由其他分局建立，只能由建档的分局填写。',
  conflict: '该档案已被修改（可能在另一窗口），请刷新后重新编辑',
});

// an item and its evidence belong to the file: the office that made the file made them
export const itemRows = syncedRows(acceptanceItems, {
  notFound: '该检查项不存在，请刷新',
  foreign: '该档案由其他分局建立，只能由建档的分局填写。',
  conflict: '该检查项已被修改（可能在另一窗口），请刷新后重新填写',
});

export const evidenceRows = syncedRows(acceptanceEvidence, {
  notFound: '该佐证材料不存在或已被删除，请刷新',
  foreign: '该档案由其他分局建立，只能由建档的分局填写。',
});

// a decision is the bureau's row, never edited after it is made
export const decisionRows = syncedRows(acceptanceDecisions, {
  notFound: '该验收意见不存在，请刷新',
  foreign: '验收意见只能由填写它的市局修改。',
});

export const templateRows = syncedRows(acceptanceTemplates, {
  notFound: '该样本不存在，请刷新',
  foreign: '只能由发布它的分局撤下。',
});
