import { examResults, exams, questionBanks, questions, supervisorCertificates, trainingAttendees, trainingSessions } from '../../../db/schema/index.ts';
import { syncedRows, type RowTexts } from '../data/synced-rows.ts';

// 培训考核's synced tables as the write layer sees them, with the words its pages have
// always used when a row cannot be changed (requireOwn / requireVersion in access.ts).

const texts = (what: string, notFound: string): RowTexts => ({
  notFound,
  foreign: `该${what}由其他单位建立，只能由建立的单位修改。`,
  conflict: `该${what}已被修改（可能在另一窗口），请刷新后重试`,
});

export const sessionRows = syncedRows(trainingSessions, texts('培训班', '培训班不存在或已删除，请刷新后重试'));
export const attendeeRows = syncedRows(trainingAttendees, texts('培训名单', '名单中有学员不存在或已删除，请刷新后重试'));
export const examRows = syncedRows(exams, texts('考试', '考试不存在或已删除，请刷新后重试'));
export const bankRows = syncedRows(questionBanks, texts('题库', '题库不存在或已删除，请刷新后重试'));
export const questionRows = syncedRows(questions, texts('试题', '试题不存在或已删除，请刷新后重试'));
export const resultRows = syncedRows(examResults, texts('成绩', '成绩不存在或已删除，请刷新后重试'));
export const certificateRows = syncedRows(supervisorCertificates, texts('证书', '证书不存在或已删除，请刷新后重试'));
