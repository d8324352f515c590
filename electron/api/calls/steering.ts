import { z } from 'zod';
import { bureauOnly, call } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import {
  Assessment,
  AssessmentInput,
  AssessmentRules,
  CityTemplateWithdrawInput,
  DistrictTarget,
  Evidence,
  EvidenceInput,
  PilotCandidate,
  PilotCandidatesInput,
  Progress,
  RulesOutput,
  SaveRulesInput,
  SaveTargetInput,
  SteeringSettings,
  SteeringSettingsUpdate,
  TrainingRegistryPreview,
} from '../schemas/steering.ts';

// 市局督导: see schemas/steering.ts.
export const steeringCalls = {
  'steering.settings': call(Empty, SteeringSettings, '市局：推广单位数和监督员目标的默认值、各培训中心负责的分局', bureauOnly('推进目标')),
  'steering.updateSettings': call(SteeringSettingsUpdate, SteeringSettings, '市局：修改推进目标默认值和培训中心负责的分局', bureauOnly('推进目标和培训中心负责的分局')),
  'steering.targets': call(Empty, z.array(DistrictTarget), '市局：各分局的推进目标（试点单位、推广单位数、监督员目标）', bureauOnly('推进目标')),
  'steering.saveTarget': call(SaveTargetInput, DistrictTarget, '市局：设置一个分局的推进目标', bureauOnly('推进目标')),
  'steering.pilotCandidates': call(PilotCandidatesInput, z.array(PilotCandidate), '市局：可选为试点单位的本辖区使用单位（来自分局报送的台账）', bureauOnly('推进目标')),
  'steering.progress': call(Empty, Progress, '市局：推进看板（各分局报送情况、试点单位、推广单位、监督员对照目标）', bureauOnly('推进看板')),
  'steering.rules': call(Empty, RulesOutput, '市局：考核指标和权重（当前规则及历次版本）', bureauOnly('考核规则')),
  'steering.saveRules': call(SaveRulesInput, AssessmentRules, '市局：保存新版考核规则（自某月起施行）', bureauOnly('考核规则')),
  'steering.assessment': call(AssessmentInput, Assessment, '市局：某月各分局考核得分（按指标、合计、折算得分、排名）', bureauOnly('考核')),
  'steering.evidence': call(EvidenceInput, Evidence, '市局：一个得分的依据（哪些小结、隐患、设备、档案、证书）', bureauOnly('考核')),
  'steering.exportAssessment': call(AssessmentInput, FileOutput, '市局：考核表导出为 Excel（公文格式，含签字栏）', bureauOnly('考核')),
  'steering.withdrawCityTemplate': call(CityTemplateWithdrawInput, z.object({ id: Id, withdrawnAt: z.string() }), '市局：将一份样本从全市标准化样本库撤下（写明理由）', bureauOnly('全市标准化样本')),
  'steering.restoreCityTemplate': call(z.object({ id: Id.meta({ label: '编号' }) }), z.object({ id: Id, publishedAt: z.string() }), '市局：将撤下的样本重新发布到全市', bureauOnly('全市标准化样本')),
  'steering.trainingRegistry': call(z.object({ trainingNode: Id.meta({ label: '培训中心节点' }) }), TrainingRegistryPreview, '市局：发往培训中心的安全管理员名单（按分局统计）', bureauOnly('培训中心安全管理员名单')),
} as const;
