import { inspectionChecklists, inspectionPlans, inspectionRecords, supervisionOrders } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The inspections' synced tables as the write layer sees them, with the words each
// register has always used. The services read a row once, for its page (names and counts
// joined), refuse it in the record's words (checkOwn) and hand that row to update, whose
// version guard says these texts only when the row moved between the read and the write.

export const checklistRows = syncedRows(inspectionChecklists, {
  notFound: '该检查表不存在或已被删除，请刷新后重试。',
  foreign: '该检查表由其他节点登记，只能由登记它的分局修改。',
});

export const planRows = syncedRows(inspectionPlans, {
  notFound: '该检查计划不存在或已被删除，请刷新列表。',
  foreign: '该检查计划由其他节点登记，只能由登记它的分局修改。',
  conflict: '该检查计划已被修改（可能在另一窗口），请刷新后再操作。',
});

export const recordRows = syncedRows(inspectionRecords, {
  notFound: '该检查记录不存在或已被删除，请刷新列表。',
  foreign: '该检查记录由其他节点登记，只能由登记它的分局修改。',
  conflict: '该检查记录已被修改（可能在另一窗口），请刷新后再操作。',
});

export const orderRows = syncedRows(supervisionOrders, {
  notFound: '该安全监察指令书不存在或已被删除，请刷新列表。',
  foreign: '该指令书由其他节点登记，只能由登记它的分局修改。',
  conflict: '该指令书已被修改（可能在另一窗口），请刷新后再操作。',
});
