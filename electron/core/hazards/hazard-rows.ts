import { hazards } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// Hazards as the write layer sees them, with the words the register has always used
// when a hazard cannot be changed here.

export const hazardRows = syncedRows(hazards, {
  notFound: '该隐患不存在或已被删除，请刷新列表。',
  foreign: '该隐患由其他节点登记，只能由登记它的分局办理。',
  conflict: '该隐患已被修改（可能在另一窗口），请刷新后再办理。',
});
