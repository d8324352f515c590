import type { AcceptanceState } from '../../api/schemas/acceptance.ts';
import type { BlockProblem, BlockSettings } from '../../api/schemas/blocks.ts';
import { stateLabels } from '../acceptance/state.ts';

export interface ProblemInput {
  dissolved: boolean;
  members: ReadonlyArray<{ unitId: string; name: string; validManagerCount: number }>;
  /** the lead unit, when it is a current member */
  lead: { unitId: string; name: string; demoState: AcceptanceState | null } | null;
  activeInspectors: number;
  /** the block's supervisors with the certificate each holds (none: not yet certified) and whether the registry shows a valid A certificate */
  supervisors: ReadonlyArray<{ name: string; supervisorCertificate: { status: string } | null; holdsValidA: boolean }>;
  settings: BlockSettings;
  /** activities of the 活动安排 past their due date without a record, worded (2026年3月互查 …) */
  overdueActivities?: readonly string[];
}

const MAX_NAMED = 5;

function named(names: string[]): string {
  return names.length <= MAX_NAMED ? names.join('、') : `${names.slice(0, MAX_NAMED).join('、')} 等`;
}

/**
 * What needs attention on a block, in the board's order. A dissolved block has none.
 * lead-not-demo is a warning, not an error: the seed has the lead copy a demonstration
 * unit's standards, and most leads are candidates on their way to acceptance.
 */
export function blockProblems(input: ProblemInput): BlockProblem[] {
  if (input.dissolved) return [];
  const problems: BlockProblem[] = [];
  const { minSize, maxSize } = input.settings;
  const n = input.members.length;
  if (n < minSize) problems.push({ code: 'too-small', severity: 'error', message: `成员 ${n} 家，少于 ${minSize} 家`, unitIds: [] });
  if (n > maxSize) problems.push({ code: 'too-large', severity: 'error', message: `成员 ${n} 家，多于 ${maxSize} 家`, unitIds: [] });
  if (!input.lead) problems.push({ code: 'no-lead', severity: 'error', message: '未指定牵头单位', unitIds: [] });
  else if (input.lead.demoState !== 'passed') {
    const where = input.lead.demoState ? `验收档案：${stateLabels[input.lead.demoState]}` : '尚未建立验收档案';
    problems.push({ code: 'lead-not-demo', severity: 'warning', message: `牵头单位“${input.lead.name}”尚未通过示范单位验收（${where}）`, unitIds: [input.lead.unitId] });
  }
  const without = input.members.filter((m) => m.validManagerCount === 0);
  if (without.length > 0) {
    problems.push({
      code: 'member-without-manager',
      severity: 'error',
      message: `${without.length} 家成员单位没有持有效证书的安全管理员：${named(without.map((m) => m.name))}`,
      unitIds: without.map((m) => m.unitId),
    });
  }
  if (input.activeInspectors === 0) problems.push({ code: 'no-inspector', severity: 'error', message: '未指定负责的监察人员', unitIds: [] });
  // a supervisor is a 特种设备安全管理员 first: without a valid A certificate they may not serve
  const withoutA = input.supervisors.filter((s) => !s.holdsValidA);
  if (withoutA.length > 0) {
    problems.push({ code: 'supervisor-without-a', severity: 'error', message: `${withoutA.length} 名安全监督员没有有效的安全管理员（A）证：${named(withoutA.map((s) => s.name))}`, unitIds: [] });
  }
  // a supervisor may be named before the exam (the seed's order of work); until certified it is a warning
  const uncertified = input.supervisors.filter((s) => s.supervisorCertificate?.status !== 'valid' && s.supervisorCertificate?.status !== 'expiring');
  if (uncertified.length > 0) {
    problems.push({ code: 'supervisor-not-certified', severity: 'warning', message: `${uncertified.length} 名安全监督员没有有效的监督员证：${named(uncertified.map((s) => s.name))}`, unitIds: [] });
  }
  const overdue = input.overdueActivities ?? [];
  if (overdue.length > 0) {
    problems.push({ code: 'activity-overdue', severity: 'error', message: `${overdue.length} 项活动逾期未开展：${named([...overdue])}`, unitIds: [] });
  }
  return problems;
}
