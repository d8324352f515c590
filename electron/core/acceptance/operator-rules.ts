import operatorItemsV1 from '../../../resources/checklists/operator-items-v1.json' with { type: 'json' };
import { AppError } from '../../api/errors.ts';
import { OperatorRules } from '../../api/schemas/acceptance.ts';

// Which 作业项目 (TSG Z6001-2019) a unit's in-use kinds call for, for the 6.1 prefill.
// It is a reading of the rules, not the rules themselves, so it lives in a data file
// (resources/checklists) that a new version can correct without a code change.

let shared: OperatorRules | undefined;

export function parseOperatorRules(raw: unknown): OperatorRules {
  const parsed = OperatorRules.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `作业人员证件对照表格式不正确：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  }
  return parsed.data;
}

export function loadOperatorRules(): OperatorRules {
  shared ??= parseOperatorRules(operatorItemsV1);
  return shared;
}
