import { complaintRewards, complaints } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// The register's two synced tables as the write layer sees them, with the words the
// register has always used when a complaint or a reward cannot be changed here.

export const complaintRows = syncedRows(complaints, {
  notFound: '该投诉举报不存在或已被删除，请刷新列表。',
  foreign: '该投诉举报由其他节点登记，只能由登记它的分局办理。',
  conflict: '该投诉举报已被修改（可能在另一窗口），请刷新后再办理。',
});

export const rewardRows = syncedRows(complaintRewards, {
  notFound: '该举报奖励不存在或已被删除，请刷新后再试。',
  foreign: '该奖励由其他分局提出，只能由它审批和发放。',
  conflict: '该奖励已被修改（可能在另一窗口），请刷新后再办理。',
});
