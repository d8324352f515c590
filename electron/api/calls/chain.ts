import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import { ChainRoster, ChainRosterInput } from '../schemas/blocks.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import { ChainWorkSettings, ChainWorkSettingsUpdate, Feedback, FeedbackAnswerInput, FeedbackCloseInput, FeedbackHazardInput, FeedbackList, FeedbackListInput, FeedbackSaveInput, SupervisorLogInput, SupervisorWorkAddInput, SupervisorWorkOutput, WorkLogEntry } from '../schemas/chain-work.ts';

// 链 at work: see schemas/chain-work.ts.
export const chainWorkCalls = {
  'chain.feedback': call(FeedbackListInput, FeedbackList, '安全管理员问题反馈：列表和按安全管理员的汇总（可按安全管理员、小组、状态筛选）', anyNode),
  'chain.getFeedback': call(z.object({ id: Id.meta({ label: '编号' }) }), Feedback, '读取一条问题反馈', anyNode),
  'chain.saveFeedback': call(FeedbackSaveInput, Feedback, '登记安全管理员的问题反馈（由监察人员或小组牵头单位接收），或修改尚未办理的反馈', districtOnly('问题反馈由分局登记和办理；本机不是分局节点，只能查看。')),
  'chain.answerFeedback': call(FeedbackAnswerInput, Feedback, '答复问题反馈', districtOnly('问题反馈由分局登记和办理；本机不是分局节点，只能查看。')),
  'chain.feedbackToHazard': call(FeedbackHazardInput, Feedback, '把问题反馈登记为隐患（来源为该安全管理员），或关联已登记的隐患', districtOnly('问题反馈由分局登记和办理；本机不是分局节点，只能查看。')),
  'chain.closeFeedback': call(FeedbackCloseInput, Feedback, '问题反馈办结（已答复，或所转隐患已闭环销号）', districtOnly('问题反馈由分局登记和办理；本机不是分局节点，只能查看。')),
  'chain.supervisorWork': call(z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ label: '截至日期' }) }), SupervisorWorkOutput, '安全监督员工作情况：检查、反馈、会议、专项检查和手工记录的次数，最近一次工作，是否活跃', anyNode),
  'chain.supervisorLog': call(SupervisorLogInput, z.array(WorkLogEntry), '一名安全监督员的工作记录（由各项记录生成，加手工登记的）', anyNode),
  'chain.addSupervisorWork': call(SupervisorWorkAddInput, WorkLogEntry, '手工登记安全监督员的一项工作', districtOnly('监督员工作记录由分局登记；本机不是分局节点，只能查看。')),
  'chain.removeSupervisorWork': call(z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) }), z.object({ removed: z.literal(true) }), '删除一条手工登记的监督员工作记录', districtOnly('监督员工作记录由分局登记；本机不是分局节点，只能查看。')),
  'chain.workSettings': call(Empty, ChainWorkSettings, '监督员活跃的判断天数（默认 90 天）', anyNode),
  'chain.updateWorkSettings': call(ChainWorkSettingsUpdate, ChainWorkSettings, '修改监督员活跃的判断天数', anyNode),
} as const;

export const chainCalls = {
  'chain.roster': call(ChainRosterInput, ChainRoster, '工作联系名册：每个小组的监察人员、成员单位安全管理员和安全监督员', anyNode),
  'chain.exportXlsx': call(ChainRosterInput, FileOutput, '工作联系名册导出为 xlsx', anyNode),
} as const;
