import { anyNode, call } from '../call-spec.ts';
import { FileOutput } from '../schemas/files.ts';
import { LedgerApplyInput, LedgerErrorReportInput, LedgerPreviewInput, LedgerSummary, LedgerUpdatesReportInput } from '../schemas/ledger.ts';

export const ledgerCalls = {
  'ledger.preview': call(LedgerPreviewInput, LedgerSummary, '读取并检查台账文件，生成导入计划（不写入）', anyNode),
  'ledger.apply': call(LedgerApplyInput, LedgerSummary, '按预览的计划导入台账（一个事务）', anyNode),
  'ledger.errorReport': call(LedgerErrorReportInput, FileOutput, '导出问题行（带“错误原因”列）供修改后重新导入', anyNode),
  'ledger.updatesReport': call(LedgerUpdatesReportInput, FileOutput, '导出更新明细（每个变化的字段的原值和新值）', anyNode),
} as const;
