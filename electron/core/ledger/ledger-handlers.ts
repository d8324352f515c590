import type { ledgerCalls } from '../../api/calls/ledger.ts';
import { AppError } from '../../api/errors.ts';
import type { HandlerGroup } from '../handler-types.ts';

// Being built (issue 3): replaced by the import engine.
const notYet = (): never => {
  throw new AppError('INTERNAL', '台账导入功能尚在开发中');
};

export const ledgerHandlers: HandlerGroup<keyof typeof ledgerCalls> = {
  'ledger.preview': notYet,
  'ledger.apply': notYet,
  'ledger.errorReport': notYet,
};
