import type { AcceptanceAction, AcceptanceState } from '../../api/schemas/acceptance.ts';

// The acceptance file's state machine, in one place:
//   创建 → 自查中 → 分局审核 → 市局验收 → 通过（发牌）/ 退回整改 → (整改) → 分局审核 → …
//   通过 → 复查 → 分局审核 → 市局验收 …; 撤销 by the bureau (or by the office before a pass).
// The office stores its own state on its file row; the bureau's decisions (its own
// rows) answer a submission round. The state shown is the two together.

export type Actor = 'office' | 'bureau';

export interface Transition {
  from: readonly AcceptanceState[];
  to: AcceptanceState;
  actor: Actor;
  label: string;
}

export const transitions: Record<AcceptanceAction, Transition> = {
  start: { from: ['created'], to: 'self_check', actor: 'office', label: '开始自查' },
  submit: { from: ['self_check', 'returned', 'recheck'], to: 'district_review', actor: 'office', label: '提交分局审核' },
  send_back: { from: ['district_review'], to: 'self_check', actor: 'office', label: '退回自查' },
  submit_city: { from: ['district_review'], to: 'city_review', actor: 'office', label: '报市局验收' },
  rectify: { from: ['returned'], to: 'self_check', actor: 'office', label: '开始整改' },
  recheck: { from: ['passed'], to: 'recheck', actor: 'office', label: '发起复查' },
  cancel: { from: ['created', 'self_check', 'district_review', 'returned'], to: 'revoked', actor: 'office', label: '撤销创建' },
  pass: { from: ['city_review'], to: 'passed', actor: 'bureau', label: '验收通过（发牌）' },
  return: { from: ['city_review'], to: 'returned', actor: 'bureau', label: '退回整改' },
  revoke: { from: ['city_review', 'passed', 'recheck'], to: 'revoked', actor: 'bureau', label: '撤销示范单位' },
};

export const stateLabels: Record<AcceptanceState, string> = {
  created: '创建',
  self_check: '自查中',
  district_review: '分局审核',
  city_review: '市局验收',
  passed: '通过（已发牌）',
  returned: '退回整改',
  recheck: '复查',
  revoked: '撤销',
};

/** States in which the office may change items and evidence (市局验收 and after are locked). */
export const editableStates: readonly AcceptanceState[] = ['created', 'self_check', 'district_review', 'returned', 'recheck'];

export interface DecisionLike {
  round: number;
  outcome: 'pass' | 'return' | 'revoke';
  createdAt: string;
}

/** The state shown: the office's state completed by the bureau's decisions. */
export function effectiveState(officeState: AcceptanceState, round: number, decisions: readonly DecisionLike[]): AcceptanceState {
  const sorted = [...decisions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const latest = sorted[sorted.length - 1];
  if (latest?.outcome === 'revoke' || officeState === 'revoked') return 'revoked';
  if (officeState === 'city_review') {
    const answer = sorted.filter((d) => d.round === round).pop();
    if (answer?.outcome === 'pass') return 'passed';
    if (answer?.outcome === 'return') return 'returned';
  }
  return officeState;
}

/** The actions the given actor may take on a file in this state. */
export function allowedActions(state: AcceptanceState, actor: Actor | null): AcceptanceAction[] {
  if (!actor) return [];
  return (Object.keys(transitions) as AcceptanceAction[]).filter((a) => transitions[a].actor === actor && transitions[a].from.includes(state));
}

/** The next state, or a Chinese reason why the action is not possible now. */
export function nextState(state: AcceptanceState, action: AcceptanceAction, actor: Actor): { ok: true; to: AcceptanceState } | { ok: false; reason: string } {
  const t = transitions[action];
  if (t.actor !== actor) {
    return { ok: false, reason: t.actor === 'bureau' ? `“${t.label}”由市局特设科办理。` : `“${t.label}”由建档的分局办理。` };
  }
  if (!t.from.includes(state)) {
    return { ok: false, reason: `档案当前状态为“${stateLabels[state]}”，不能“${t.label}”。请刷新后再试。` };
  }
  return { ok: true, to: t.to };
}
