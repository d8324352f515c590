import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import {
  Block,
  BlockCandidate,
  BlockDetail,
  BlockDissolveInput,
  BlockFields,
  BlockList,
  BlockListInput,
  BlockManager,
  BlockSaveInput,
  BlockSettings,
  BlockSettingsUpdate,
  BlockSuggestions,
  ChainRoster,
  ChainRosterInput,
  Inspector,
  InspectorListInput,
  InspectorSaveInput,
} from '../schemas/blocks.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';

// 块 (安全管理小组), 监察人员 and 链 (工作联系): see schemas/blocks.ts.
export const blockCalls = {
  'blocks.list': call(BlockListInput, BlockList, '安全管理小组看板（成员、牵头单位、监察人员、在用设备、超期检验、问题）', anyNode),
  'blocks.get': call(z.object({ id: Id }), BlockDetail, '读取一个安全管理小组及其成员变动记录', anyNode),
  'blocks.save': call(BlockSaveInput, Block, '新建或修改安全管理小组（成员、牵头单位、监察人员、监督员、活动安排）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.dissolve': call(BlockDissolveInput, Block, '解散安全管理小组（保留历史）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.candidates': call(z.object({ blockId: Id.optional() }), z.array(BlockCandidate), '可编入小组的本辖区使用单位', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.managers': call(z.object({ unitIds: z.array(Id).max(50) }), z.array(BlockManager), '所选单位的安全管理员（可指定为安全监督员）', anyNode),
  'blocks.suggest': call(Empty, BlockSuggestions, '智能分组建议：清单一中尚未编组的单位按镇、行业分组（不写入）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.acceptSuggestion': call(BlockFields, Block, '采纳一条分组建议（经用户修改后）并建立小组', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'blocks.settings': call(Empty, BlockSettings, '小组规模设置', anyNode),
  'blocks.updateSettings': call(BlockSettingsUpdate, BlockSettings, '修改小组规模设置', anyNode),
  'inspectors.list': call(InspectorListInput, z.array(Inspector), '本辖区监察人员', anyNode),
  'inspectors.save': call(InspectorSaveInput, Inspector, '新增或修改监察人员（含停用）', districtOnly('安全管理小组和监察人员由分局在本辖区内编排；本机不是分局节点，只能查看。')),
  'chain.roster': call(ChainRosterInput, ChainRoster, '工作联系名册：每个小组的监察人员、成员单位安全管理员和安全监督员', anyNode),
  'chain.exportXlsx': call(ChainRosterInput, FileOutput, '工作联系名册导出为 xlsx', anyNode),
} as const;
