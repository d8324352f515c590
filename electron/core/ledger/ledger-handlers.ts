import type { ledgerCalls } from '../../api/calls/ledger.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { applyLedger } from './apply.ts';
import { errorReport } from './error-report.ts';
import { previewLedger } from './preview.ts';
import { updatesReport } from './updates-report.ts';

// 台账导入 (issue 3): the wizard and `qkl import-ledger` both go through these.
export const ledgerHandlers: HandlerGroup<keyof typeof ledgerCalls> = {
  'ledger.preview': previewLedger,
  'ledger.apply': applyLedger,
  'ledger.errorReport': errorReport,
  'ledger.updatesReport': updatesReport,
};
