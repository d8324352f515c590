import { z } from 'zod';
import { anyNode, call, districtAndBureau, districtOnly } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import {
  DeadlinePreview,
  DeadlinePreviewInput,
  HazardCreateInput,
  HazardDetail,
  HazardListInput,
  HazardSettings,
  HazardSettingsUpdate,
  HazardStats,
  HazardSummary,
  HazardTransitionInput,
  HazardUpdateInput,
} from '../schemas/hazards.ts';

// 隐患闭环: see schemas/hazards.ts.
export const hazardCalls = {
  'hazards.list': call(HazardListInput, z.array(HazardSummary), '隐患列表（逾期的在前；可按状态、等级、小组、单位、是否逾期筛选）', districtAndBureau('隐患排查治理')),
  'hazards.get': call(z.object({ id: Id.meta({ label: '编号' }) }), HazardDetail, '读取一条隐患（整改记录、佐证材料、可办理的操作、预警对象）', anyNode),
  'hazards.stats': call(z.object({ districtId: Id.optional().meta({ label: '所属分局' }) }), HazardStats, '隐患统计：未闭环、逾期、闭环率、平均闭环用时，按小组汇总', anyNode),
  'hazards.create': call(HazardCreateInput, HazardDetail, '登记一条隐患（可附整改前佐证材料）', districtOnly('隐患由分局登记和办理；本机不是分局节点，只能查看。')),
  'hazards.update': call(HazardUpdateInput, HazardDetail, '修改隐患的描述、等级、设备、发现人、发现日期、整改措施', districtOnly('隐患由分局登记和办理；本机不是分局节点，只能查看。')),
  'hazards.transition': call(HazardTransitionInput, HazardDetail, '办理隐患：下达整改、开始整改、提交整改、复查、通过（闭环销号）、不通过、归档', districtOnly('隐患由分局登记和办理；本机不是分局节点，只能查看。')),
  'hazards.escalateOverdue': call(Empty, z.object({ escalated: z.array(Id) }), '将本分局逾期未整改的隐患标记为升级预警（通知所在小组的组长单位和监察人员）', districtOnly('隐患由分局登记和办理；本机不是分局节点，只能查看。')),
  'hazards.deadlinePreview': call(DeadlinePreviewInput, DeadlinePreview, '按法定节假日和调休计算整改期限（工作日）', anyNode),
  'hazards.evidenceFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取一份隐患佐证材料的内容', anyNode),
  'hazards.settings': call(Empty, HazardSettings, '隐患整改期限默认值（工作日）', anyNode),
  'hazards.updateSettings': call(HazardSettingsUpdate, HazardSettings, '修改隐患整改期限默认值', anyNode),
} as const;
