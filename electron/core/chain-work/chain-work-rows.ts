import { managerFeedback, supervisorWorkEntries } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The chain's two synced tables as the write layer sees them, with the words the
// feedback register and the supervisors' work log have always used when a row
// cannot be changed here.

export const feedbackRows = syncedRows(managerFeedback, {
  notFound: '该问题反馈不存在或已被删除，请刷新列表。',
  foreign: '该问题反馈由其他节点登记，只能由登记它的分局办理。',
  conflict: '该问题反馈已被修改（可能在另一窗口），请刷新后再办理。',
});

export const workEntryRows = syncedRows(supervisorWorkEntries, {
  notFound: '该工作记录不存在或已被删除，请刷新。',
  foreign: '该工作记录由其他节点登记，只能由登记它的分局删除。',
  conflict: '该工作记录已被修改（可能在另一窗口），请刷新后再操作。',
});
