import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import { Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import { HazardDetail } from '../schemas/hazards.ts';
import {
  BlockCheckDetail,
  BlockCheckListInput,
  BlockCheckSaveInput,
  BlockCheckSummary,
  BlockMeeting,
  BlockMeetingSaveInput,
  CalendarInput,
  CalendarOutput,
  CheckFindingInput,
  ScheduleRule,
  ScheduleRuleSaveInput,
} from '../schemas/routine.ts';

// 块的日常: see schemas/routine.ts.
export const routineCalls = {
  'blocks.calendar': call(CalendarInput, CalendarOutput, '小组活动日历：按活动安排生成的自查、互查、会议，已开展、逾期或待开展', anyNode),
  'blocks.saveScheduleRule': call(ScheduleRuleSaveInput, ScheduleRule, '新增或修改小组活动安排的一条（类型、频次、截止日或指定日期、起止日期）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.checks': call(BlockCheckListInput, z.array(BlockCheckSummary), '小组自查、互查记录（可按小组、类型、检查人筛选）', anyNode),
  'blocks.getCheck': call(z.object({ id: Id }), BlockCheckDetail, '读取一份自查或互查记录（检查项目、签字人、照片、发现的隐患）', anyNode),
  'blocks.saveCheck': call(BlockCheckSaveInput, BlockCheckDetail, '记录或修改一份自查、互查（互查由一家成员单位的安全管理员检查另一家成员单位）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.finalizeCheck': call(z.object({ id: Id, version: z.number().int() }), BlockCheckDetail, '自查、互查记录定稿（全部项目已填、被检查单位已签字）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.checkFinding': call(CheckFindingInput, HazardDetail, '把定稿的自查、互查发现的问题登记为隐患（来源为该次检查和检查的安全管理员）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.meetings': call(z.object({ blockId: Id.optional() }), z.array(BlockMeeting), '小组会议和交流学习记录', anyNode),
  'blocks.saveMeeting': call(BlockMeetingSaveInput, BlockMeeting, '记录或修改小组会议、交流学习（主题、参加人员、纪要、照片）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.routineFile': call(z.object({ attachmentId: Id }), FileOutput, '读取自查互查或会议记录的一张照片或一份文件', anyNode),
} as const;
