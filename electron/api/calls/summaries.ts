import { z } from 'zod';
import { anyNode, call, districtOnly } from '../call-spec.ts';
import { Empty, Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import {
  CityView,
  CityViewInput,
  SummaryDetail,
  SummaryGetInput,
  SummaryListItem,
  SummaryReviewInput,
  SummarySaveInput,
  SummarySettings,
  SummarySettingsUpdate,
  SummaryStatusOutput,
  SummaryVersionInput,
} from '../schemas/summaries.ts';

// 月度工作小结: see schemas/summaries.ts.
export const summaryCalls = {
  'summaries.list': call(Empty, z.array(SummaryListItem), '本分局各月工作小结：状态、报送截止日、按时或逾期', districtOnly('工作小结由分局填写和报送；本机不是分局节点。')),
  'summaries.get': call(SummaryGetInput, SummaryDetail, '读取一个月的工作小结（未保存的按本月数据预填；已报送的为冻结数据）', { roles: ['district', 'bureau'], forbidden: '工作小结由分局填写、市局审阅；本机不能查看。' }),
  'summaries.save': call(SummarySaveInput, SummaryDetail, '保存工作小结草稿（工作经验、存在问题、意见建议、其他情况、附件）', districtOnly('工作小结由分局填写和报送；本机不是分局节点，只能查看。')),
  'summaries.refreshFigures': call(SummaryVersionInput, SummaryDetail, '按最新数据重新生成草稿中的工作开展情况', districtOnly('工作小结由分局填写和报送；本机不是分局节点，只能查看。')),
  'summaries.submit': call(SummaryVersionInput, SummaryDetail, '报送工作小结（冻结数据，随下一个数据包报市局）', districtOnly('工作小结由分局填写和报送；本机不是分局节点，只能查看。')),
  'summaries.status': call(Empty, SummaryStatusOutput, '本月工作小结的报送截止日、剩余天数和状态（首页倒计时）', anyNode),
  'summaries.exportDocx': call(SummaryGetInput, FileOutput, '工作小结导出为 Word 文档（.docx，公文格式）', { roles: ['district', 'bureau'], forbidden: '工作小结由分局填写、市局审阅；本机不能查看。' }),
  'summaries.attachmentFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取一份工作小结附件的内容', anyNode),
  'summaries.settings': call(Empty, SummarySettings, '工作小结报送截止日和倒计时开始日', anyNode),
  'summaries.updateSettings': call(SummarySettingsUpdate, SummarySettings, '修改工作小结报送截止日和倒计时开始日', anyNode),
  'summaries.cityView': call(CityViewInput, CityView, '市局：各分局各月工作小结报送情况（按时、逾期、未报、已退回）', { roles: ['bureau'], forbidden: '工作小结由市局审阅（退回或标记已收）；本机不是市局节点。' }),
  'summaries.review': call(SummaryReviewInput, SummaryDetail, '市局：退回工作小结（附意见）或标记已收', { roles: ['bureau'], forbidden: '工作小结由市局审阅（退回或标记已收）；本机不是市局节点。' }),
} as const;
