import { z } from 'zod';
import { call } from '../call-spec.ts';
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
  'steering.settings': call(Empty, SteeringSettings, '市局：推广单位数和监督员目标的默认值、各培训中心负责的分局'),
  'steering.updateSettings': call(SteeringSettingsUpdate, SteeringSettings, '市局：修改推进目标默认值和培训中心负责的分局'),
  'steering.targets': call(Empty, z.array(DistrictTarget), '市局：各分局的推进目标（试点单位、推广单位数、监督员目标）'),
  'steering.saveTarget': call(SaveTargetInput, DistrictTarget, '市局：设置一个分局的推进目标'),
  'steering.pilotCandidates': call(PilotCandidatesInput, z.array(PilotCandidate), '市局：可选为试点单位的本辖区使用单位（来自分局报送的台账）'),
  'steering.progress': call(Empty, Progress, '市局：推进看板（各分局报送情况、试点单位、推广单位、监督员对照目标）'),
  'steering.rules': call(Empty, RulesOutput, '市局：考核指标和权重（当前规则及历次版本）'),
  'steering.saveRules': call(SaveRulesInput, AssessmentRules, '市局：保存新版考核规则（自某月起施行）'),
  'steering.assessment': call(AssessmentInput, Assessment, '市局：某月各分局考核得分（按指标、合计、折算得分、排名）'),
  'steering.evidence': call(EvidenceInput, Evidence, '市局：一个得分的依据（哪些小结、隐患、设备、档案、证书）'),
  'steering.exportAssessment': call(AssessmentInput, FileOutput, '市局：考核表导出为 Excel（公文格式，含签字栏）'),
  'steering.withdrawCityTemplate': call(CityTemplateWithdrawInput, z.object({ id: Id, withdrawnAt: z.string() }), '市局：将一份样本从全市标准化样本库撤下（写明理由）'),
  'steering.restoreCityTemplate': call(z.object({ id: Id }), z.object({ id: Id, publishedAt: z.string() }), '市局：将撤下的样本重新发布到全市'),
  'steering.trainingRegistry': call(z.object({ trainingNode: Id }), TrainingRegistryPreview, '市局：发往培训中心的安全管理员名单（按分局统计）'),
} as const;
