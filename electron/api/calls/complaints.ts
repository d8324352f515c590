import { z } from 'zod';
import { anyNode, call, districtAndBureau, districtOnly } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import {
  ComplaintCreateInput,
  ComplaintDetail,
  ComplaintHandleInput,
  ComplaintListInput,
  ComplaintSettings,
  ComplaintSettingsUpdate,
  ComplaintStats,
  ComplaintStatsInput,
  ComplaintSummary,
  ComplaintUpdateInput,
  RewardApproveInput,
  RewardDetail,
  RewardPaidInput,
  RewardPreview,
  RewardPreviewInput,
  RewardProposeInput,
  RewardRejectInput,
} from '../schemas/complaints.ts';

// 投诉举报与奖励: see schemas/complaints.ts. The reporter in full appears only in complaints.get.
export const complaintCalls = {
  'complaints.list': call(ComplaintListInput, z.array(ComplaintSummary), '投诉举报登记簿（逾期的在前；可按状态、渠道、处理结果、是否逾期、单位筛选和搜索；举报人已脱敏）', districtAndBureau('投诉举报')),
  'complaints.get': call(z.object({ id: Id.meta({ label: '编号' }) }), ComplaintDetail, '读取一条投诉举报：登记、处理、奖励；仅此调用在登记它的分局返回举报人完整身份', anyNode),
  'complaints.create': call(ComplaintCreateInput, ComplaintDetail, '登记投诉举报（受理日期、渠道、举报人或匿名、内容、被举报单位和设备；处理期限默认按工作日计算）', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.update': call(ComplaintUpdateInput, ComplaintDetail, '修改投诉举报的登记信息（已提出奖励的不能修改）', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.handle': call(ComplaintHandleInput, ComplaintDetail, '记录处理情况；认定查实、部分查实或不实即办结；可关联检查记录或隐患', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.previewReward': call(RewardPreviewInput, RewardPreview, '按奖励标准试算奖励金额和计算依据（不保存）', anyNode),
  'complaints.proposeReward': call(RewardProposeInput, RewardDetail, '按国家或本地标准提出举报奖励（不实、无法辨别身份的匿名举报、本局工作人员不予奖励）', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.getReward': call(z.object({ id: Id.meta({ label: '编号' }) }), RewardDetail, '读取一笔举报奖励及其举报（举报人已脱敏），用于审批表', anyNode),
  'complaints.approveReward': call(RewardApproveInput, RewardDetail, '审批举报奖励；可在最低金额和上限之间调整金额并写明理由', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.rejectReward': call(RewardRejectInput, RewardDetail, '不予奖励（写明理由）', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.markRewardPaid': call(RewardPaidInput, RewardDetail, '登记奖励已发放', districtOnly('投诉举报由分局登记和办理；本机不是分局节点，只能查看。')),
  'complaints.stats': call(ComplaintStatsInput, ComplaintStats, '投诉举报统计：本月和累计的受理、办结、未办结、逾期，按渠道，奖励及金额', anyNode),
  'complaints.settings': call(Empty, ComplaintSettings, '投诉举报设置：默认处理期限（工作日）、国家奖励标准、本地奖励标准', anyNode),
  'complaints.updateSettings': call(ComplaintSettingsUpdate, ComplaintSettings, '修改投诉举报设置', anyNode),
} as const;
