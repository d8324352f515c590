import { z } from 'zod';
import { anyNode, call, districtAndBureau, districtOnly } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import { HazardDetail } from '../schemas/hazards.ts';
import {
  Checklist,
  ChecklistSaveInput,
  FindingInput,
  PlanCreateInput,
  PlanDetail,
  PlanListInput,
  PlanOptions,
  PlanStateInput,
  PlanSummary,
  PlanUpdateInput,
  RecordDetail,
  RecordListInput,
  RecordSaveInput,
  RecordSummary,
  Scope,
  ScopeUnit,
} from '../schemas/inspections.ts';
import {
  InspectionSettings,
  InspectionSettingsUpdate,
  InspectionStats,
  OrderCancelInput,
  OrderDetail,
  OrderIssueInput,
  OrderListInput,
  OrderRecheckInput,
  OrderSummary,
} from '../schemas/supervision-orders.ts';

// 专项检查: see schemas/inspections.ts and schemas/supervision-orders.ts.
export const inspectionCalls = {
  'inspections.checklists': call(z.object({ equipmentKind: z.string().optional().meta({ label: '设备种类' }) }), z.array(Checklist), '检查表：随程序提供的各类设备检查表和本分局自定的版本', anyNode),
  'inspections.saveChecklist': call(ChecklistSaveInput, Checklist, '保存检查表的新版本（或本分局的新检查表）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.planOptions': call(Empty, PlanOptions, '制定检查计划可选的小组、设备种类、监察人员和安全监督员', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.resolveScope': call(z.object({ scope: Scope.meta({ label: '检查范围' }) }), z.array(ScopeUnit), '检查范围包含的本辖区使用单位', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.listPlans': call(PlanListInput, z.array(PlanSummary), '检查计划列表', districtAndBureau('专项检查')),
  'inspections.getPlan': call(z.object({ id: Id.meta({ label: '编号' }) }), PlanDetail, '读取一个检查计划（范围内单位及其检查记录）', anyNode),
  'inspections.createPlan': call(PlanCreateInput, PlanDetail, '制定检查计划（检查组少于 2 人时提示）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.updatePlan': call(PlanUpdateInput, PlanDetail, '修改检查计划', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.setPlanState': call(PlanStateInput, PlanDetail, '启动、完成或取消检查计划', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.listRecords': call(RecordListInput, z.array(RecordSummary), '检查记录列表', anyNode),
  'inspections.getRecord': call(z.object({ id: Id.meta({ label: '编号' }) }), RecordDetail, '读取一份检查记录（检查项目、发现的隐患、指令书、照片和文件）', anyNode),
  'inspections.saveRecord': call(RecordSaveInput, RecordDetail, '新建或修改检查记录（草稿）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.finalizeRecord': call(z.object({ id: Id.meta({ label: '编号' }), version: z.number().int().meta({ label: '版本' }) }), RecordDetail, '检查记录定稿（此后不能修改）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.recordFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取检查记录的一张照片或一份文件', anyNode),
  'inspections.addFinding': call(FindingInput, HazardDetail, '将检查发现的问题登记为隐患（关联本次检查）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.issueOrder': call(OrderIssueInput, OrderDetail, '下达安全监察指令书（自动编号，整改期限按工作日计算）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.listOrders': call(OrderListInput, z.array(OrderSummary), '安全监察指令书列表', anyNode),
  'inspections.getOrder': call(z.object({ id: Id.meta({ label: '编号' }) }), OrderDetail, '读取一份安全监察指令书', anyNode),
  'inspections.recheckOrder': call(OrderRecheckInput, OrderDetail, '登记指令书的复查结论', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.cancelOrder': call(OrderCancelInput, OrderDetail, '作废一份指令书（编号不再使用）', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.settings': call(Empty, InspectionSettings, '专项检查设置：指令书编号前缀、默认整改期限', anyNode),
  'inspections.updateSettings': call(InspectionSettingsUpdate, InspectionSettings, '修改专项检查设置', districtOnly('专项检查由分局制定计划、记录和下达指令书；本机不是分局节点，只能查看。')),
  'inspections.stats': call(z.object({ districtId: Id.optional().meta({ label: '所属分局' }) }), InspectionStats, '专项检查统计：进行中的计划、本月和累计检查、按类型、未复查和逾期的指令书、检查组不足 2 人', anyNode),
} as const;
