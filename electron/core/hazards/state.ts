import type { HazardAction, HazardState } from '../../api/schemas/hazards.ts';

// The hazard's state machine, in one place:
//   发现 → 下达整改 (deadline) → 整改中 → 提交整改 (evidence) → 复查
//     复查通过 → 闭环销号 → 归档;  复查不通过 → 整改中 (fail_count + 1)
// Only the office that found the hazard moves it; the bureau reads it from bundles.

export interface Transition {
  from: readonly HazardState[];
  to: HazardState;
  label: string;
}

export const transitions: Record<HazardAction, Transition> = {
  order: { from: ['found'], to: 'ordered', label: '下达整改' },
  start: { from: ['ordered'], to: 'rectifying', label: '开始整改' },
  submit: { from: ['rectifying'], to: 'submitted', label: '提交整改' },
  review: { from: ['submitted'], to: 'reviewing', label: '复查' },
  pass: { from: ['reviewing'], to: 'closed', label: '复查通过（闭环销号）' },
  fail: { from: ['reviewing'], to: 'rectifying', label: '复查不通过' },
  archive: { from: ['closed'], to: 'archived', label: '归档' },
};

export const stateLabels: Record<HazardState, string> = {
  found: '发现',
  ordered: '已下达整改',
  rectifying: '整改中',
  submitted: '已提交整改',
  reviewing: '复查中',
  closed: '闭环销号',
  archived: '归档',
};

/** States before 闭环销号: counted as open. */
export const openStates: readonly HazardState[] = ['found', 'ordered', 'rectifying', 'submitted', 'reviewing'];
/** States in which the unit owes the rectification: past the deadline here is overdue. */
export const rectificationStates: readonly HazardState[] = ['ordered', 'rectifying'];
/** The facts (description, level …) may be corrected until the hazard is closed. */
export const editableStates = openStates;

/** Review failures at which a hazard is escalated even within its deadline. */
export const ESCALATE_AFTER_FAILURES = 2;

export function allowedActions(state: HazardState): HazardAction[] {
  return (Object.keys(transitions) as HazardAction[]).filter((a) => transitions[a].from.includes(state));
}

/** The next state, or a Chinese reason why the action is not possible now. */
export function nextState(state: HazardState, action: HazardAction): { ok: true; to: HazardState } | { ok: false; reason: string } {
  const t = transitions[action];
  if (!t.from.includes(state)) {
    const hint = allowedActions(state).map((a) => `“${transitions[a].label}”`);
    return { ok: false, reason: `隐患当前状态为“${stateLabels[state]}”，不能“${t.label}”${hint.length ? `，现在可以${hint.join('或')}` : ''}。` };
  }
  return { ok: true, to: t.to };
}
