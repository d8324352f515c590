import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import {
  AcceptanceBoard,
  AcceptanceCandidate,
  AcceptanceCandidatesInput,
  AcceptanceCreateInput,
  AcceptanceDetail,
  AcceptanceItem,
  AcceptanceListInput,
  AcceptanceSettings,
  AcceptanceSettingsUpdate,
  AcceptanceSummary,
  AcceptanceTemplate,
  AcceptanceUpdateInput,
  AttachEvidenceInput,
  ChecklistTemplate,
  DecideInput,
  Evidence,
  PublishTemplateInput,
  SaveItemInput,
  TransitionInput,
} from '../schemas/acceptance.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';

// 示范单位验收: see schemas/acceptance.ts.
export const acceptanceCalls = {
  'acceptance.checklist': call(z.object({ version: z.string().max(10).optional().meta({ label: '版本' }) }), ChecklistTemplate, '示范单位验收检查表模板（默认最新版本）', anyNode),
  'acceptance.board': call(Empty, AcceptanceBoard, '示范单位创建进度看板（按辖区、阶段统计，及每家单位缺少的佐证材料）', anyNode),
  'acceptance.list': call(AcceptanceListInput, z.array(AcceptanceSummary), '验收档案列表', anyNode),
  'acceptance.get': call(z.object({ id: Id.meta({ label: '编号' }) }), AcceptanceDetail, '读取一份验收档案（检查项、结果、佐证材料、市局意见、经办记录）', anyNode),
  'acceptance.candidates': call(AcceptanceCandidatesInput, z.array(AcceptanceCandidate), '可创建示范单位的本辖区使用单位（可按名称、信用代码或拼音首字母查找）', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.create': call(AcceptanceCreateInput, AcceptanceDetail, '为一家使用单位建立验收档案（按当前检查表版本，自动预判可由数据核对的项目）', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.update': call(AcceptanceUpdateInput, AcceptanceDetail, '修改验收档案的阶段、指导监察人员、日期、备注', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.saveItem': call(SaveItemInput, AcceptanceItem, '填写检查项结果（符合 / 不符合 / 不适用及理由）和说明；与系统核对结果不一致时须写明理由', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.attachEvidence': call(AttachEvidenceInput, Evidence, '为检查项添加佐证材料（PDF、图片、Word、Excel）', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.removeEvidence': call(z.object({ id: Id.meta({ label: '编号' }) }), z.object({ removed: z.boolean() }), '移除一份佐证材料', districtOnly('示范单位验收档案由分局建立和填写；本机不是分局节点，只能查看（市局在此填写验收意见）。')),
  'acceptance.evidenceFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取一份佐证材料或样本文件的内容', anyNode),
  'acceptance.transition': call(TransitionInput, AcceptanceDetail, '办理验收档案：开始自查、提交分局审核、退回自查、报市局验收、开始整改、复查、撤销', anyNode),
  'acceptance.decide': call(DecideInput, AcceptanceDetail, '市局验收意见：验收通过（发牌）、退回整改（逐项意见）或撤销；一票否决项与系统核对结果不一致时，通过须确认并写明意见', { roles: ['bureau'], forbidden: '验收意见由市局特设科填写；本机不是市局节点。' }),
  'acceptance.settings': call(Empty, AcceptanceSettings, '示范单位牌匾编号格式等设置', anyNode),
  'acceptance.updateSettings': call(AcceptanceSettingsUpdate, AcceptanceSettings, '修改牌匾编号格式等设置', anyNode),
  'acceptance.templates': call(z.object({ districtId: Id.optional().meta({ label: '所属分局' }), includeWithdrawn: z.boolean().default(false).meta({ label: '含已撤回' }) }), z.array(AcceptanceTemplate), '制度文件标准化样本库', anyNode),
  'acceptance.publishTemplate': call(PublishTemplateInput, AcceptanceTemplate, '将已验收单位的制度文件发布为本辖区标准化样本', anyNode),
  'acceptance.withdrawTemplate': call(z.object({ id: Id.meta({ label: '编号' }) }), AcceptanceTemplate, '撤下一份标准化样本', anyNode),
} as const;
