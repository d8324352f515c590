import { blockChecks, blockMeetings, blockSchedules } from '../../../db/schema/index.ts';
import { syncedRows } from '../data/synced-rows.ts';

// A block's routine as the write layer sees it. A check is read once, through owned,
// with the words of the record at hand (自查记录 or 互查记录: check-service.ts); the
// texts here are said where no call names the record otherwise.

export const scheduleRows = syncedRows(blockSchedules, {
  notFound: '该活动安排不存在或已被删除，请刷新。',
  foreign: '该活动安排由其他节点登记，只能由登记它的分局修改。',
  conflict: '该活动安排已被修改（可能在另一窗口），请刷新后再操作。',
});

export const checkRows = syncedRows(blockChecks, {
  notFound: '该自查（互查）记录不存在或已被删除，请刷新列表。',
  foreign: '该自查（互查）记录由其他节点登记，只能由登记它的分局修改。',
  conflict: '该自查（互查）记录已被修改（可能在另一窗口），请刷新后再操作。',
});

export const meetingRows = syncedRows(blockMeetings, {
  notFound: '该会议记录不存在或已被删除，请刷新列表。',
  foreign: '该会议记录由其他节点登记，只能由登记它的分局修改。',
  conflict: '该会议记录已被修改（可能在另一窗口），请刷新后再操作。',
});
