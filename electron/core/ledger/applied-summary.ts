import type { LedgerIssue, LedgerSummary, LedgerUpdate } from '../../api/schemas/ledger.ts';
import type { RowRef } from './types.ts';

// The preview speaks of what the import will do ("将按…导入", "该日期将不导入");
// the result of ledger.apply says what it did. One place turns the one into the
// other, and counts the held identity changes the user accepted as updates.

const pastTense: [RegExp, string][] = [
  [/将不导入/g, '未导入'],
  [/将跳过（不导入）/g, '已跳过（未导入）'],
  [/本行不导入/g, '本行未导入'],
  [/照常导入/g, '已导入'],
  [/将按/g, '已按'],
  [/将保持原样/g, '已保持原样'],
  [/将删除后按/g, '已删除后按'],
  [/已确认接受，将更新/g, '已确认接受，已更新'],
  [/本行暂不更新。核对无误后请在预览中确认接受（命令行加 --accept-identity-changes）/g, '本行未更新。核对无误后可重新导入并确认接受（命令行加 --accept-identity-changes）'],
];

export function inPastTense(message: string): string {
  return pastTense.reduce((m, [pattern, replacement]) => m.replace(pattern, replacement), message);
}

const countKey: Record<LedgerUpdate['entity'], 'units' | 'equipment' | 'managers'> = { unit: 'units', equipment: 'equipment', manager: 'managers' };

export function appliedSummary(preview: LedgerSummary, accepted: { ref: Pick<RowRef, 'sheet' | 'row'>; entity: LedgerUpdate['entity'] }[]): LedgerSummary {
  const acceptedRows = new Set(accepted.map((a) => `${a.ref.sheet}\u0000${a.ref.row}`));
  const counts = { units: { ...preview.units }, equipment: { ...preview.equipment }, managers: { ...preview.managers } };
  for (const a of accepted) counts[countKey[a.entity]].updated++;
  const warning = (w: LedgerIssue): LedgerIssue => {
    let message = w.message;
    if (w.code === 'IDENTITY_CHANGED' && acceptedRows.has(`${w.sheet}\u0000${w.row}`)) {
      message = message.replace(/。识别编号或名称改变.*$/, '。已确认接受，将更新');
    }
    return { ...w, message: inPastTense(message) };
  };
  return {
    ...preview,
    dryRun: false,
    ...counts,
    errors: preview.errors.map((e) => ({ ...e, message: inPastTense(e.message) })),
    warnings: preview.warnings.map(warning),
  };
}
