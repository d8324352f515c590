import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import { Block, BlockCandidate, BlockDetail, BlockDissolveInput, BlockFields, BlockList, BlockListInput, BlockManager, BlockSaveInput, BlockSettings, BlockSettingsUpdate, BlockSuggestions } from '../schemas/blocks.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import { HazardDetail } from '../schemas/hazards.ts';
import { BlockCheckDetail, BlockCheckListInput, BlockCheckSaveInput, BlockCheckSummary, BlockMeeting, BlockMeetingSaveInput, CalendarInput, CalendarOutput, CheckFindingInput, ScheduleRule, ScheduleRuleSaveInput } from '../schemas/routine.ts';

// 块 (安全管理小组), 监察人员 and 链 (工作联系): see schemas/blocks.ts.
export const blockCalls = {
  'blocks.list': call(BlockListInput, BlockList, '安全管理小组看板（成员、牵头单位、监察人员、在用设备、超期检验、问题）', anyNode),
  'blocks.get': call(z.object({ id: Id.meta({ label: '编号' }) }), BlockDetail, '读取一个安全管理小组及其成员变动记录', anyNode),
  'blocks.save': call(BlockSaveInput, Block, '新建或修改安全管理小组（成员、牵头单位、监察人员、监督员、活动安排）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.dissolve': call(BlockDissolveInput, Block, '解散安全管理小组（保留历史）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.candidates': call(z.object({ blockId: Id.optional().meta({ label: '安全管理小组' }) }), z.array(BlockCandidate), '可编入小组的本辖区使用单位', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.managers': call(z.object({ unitIds: z.array(Id).max(50).meta({ label: '使用单位' }) }), z.array(BlockManager), '所选单位的安全管理员（可指定为安全监督员）', anyNode),
  'blocks.suggest': call(Empty, BlockSuggestions, '智能分组建议：清单一中尚未编组的单位按镇、行业分组（不写入）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.acceptSuggestion': call(BlockFields, Block, '采纳一条分组建议（经用户修改后）并建立小组', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.settings': call(Empty, BlockSettings, '小组规模设置', anyNode),
  'blocks.updateSettings': call(BlockSettingsUpdate, BlockSettings, '修改小组规模设置', anyNode),
} as const;

// 块的日常: see schemas/routine.ts.
export const routineCalls = {
  'blocks.calendar': call(CalendarInput, CalendarOutput, '小组活动日历：按活动安排生成的自查、互查、会议，已开展、逾期或待开展', anyNode),
  'blocks.saveScheduleRule': call(ScheduleRuleSaveInput, ScheduleRule, '新增或修改小组活动安排的一条（类型、频次、截止日或指定日期、起止日期）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.checks': call(BlockCheckListInput, z.array(BlockCheckSummary), '小组自查、互查记录（可按小组、类型、检查人筛选）', anyNode),
  'blocks.getCheck': call(z.object({ id: Id.meta({ label: '编号' }) }), BlockCheckDetail, '读取一份自查或互查记录（检查项目、签字人、照片、发现的隐患）', anyNode),
  'blocks.saveCheck': call(BlockCheckSaveInput, BlockCheckDetail, '记录或修改一份自查、互查（互查由一家成员单位的安全管理员检查另一家成员单位）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.finalizeCheck': call(z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) }), BlockCheckDetail, '自查、互查记录定稿（全部项目已填、被检查单位已签字）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.checkFinding': call(CheckFindingInput, HazardDetail, '把定稿的自查、互查发现的问题登记为隐患（来源为该次检查和检查的安全管理员）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.meetings': call(z.object({ blockId: Id.optional().meta({ label: '安全管理小组' }) }), z.array(BlockMeeting), '小组会议和交流学习记录', anyNode),
  'blocks.saveMeeting': call(BlockMeetingSaveInput, BlockMeeting, '记录或修改小组会议、交流学习（主题、参加人员、纪要、照片）', districtOnly('小组的活动安排、自查互查和会议由分局记录；本机不是分局节点，只能查看。')),
  'blocks.routineFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取自查互查或会议记录的一张照片或一份文件', anyNode),
} as const;
