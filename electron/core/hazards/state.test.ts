import { describe, expect, it } from 'vitest';
import { HazardAction, HazardState } from '../../api/schemas/hazards.ts';
import { allowedActions, nextState } from './state.ts';

const allowed: Record<string, string> = {
  'found:order': 'ordered',
  'ordered:start': 'rectifying',
  'rectifying:submit': 'submitted',
  'submitted:review': 'reviewing',
  'reviewing:pass': 'closed',
  'reviewing:fail': 'rectifying',
  'closed:archive': 'archived',
};

describe('the hazard state machine', () => {
  it('allows exactly the closed loop and refuses everything else with a Chinese reason', () => {
    for (const state of HazardState.options) {
      for (const action of HazardAction.options) {
        const result = nextState(state, action);
        const expected = allowed[`${state}:${action}`];
        if (expected) expect(result, `${state} ${action}`).toEqual({ ok: true, to: expected });
        else expect(result.ok, `${state} ${action}`).toBe(false);
      }
    }
  });

  it('names the current state and what is possible instead', () => {
    expect(nextState('found', 'submit')).toEqual({ ok: false, reason: '隐患当前状态为“发现”，不能“提交整改”，现在可以“下达整改”。' });
    expect(nextState('reviewing', 'archive')).toEqual({ ok: false, reason: '隐患当前状态为“复查中”，不能“归档”，现在可以“复查通过（闭环销号）”或“复查不通过”。' });
    expect(nextState('archived', 'order')).toEqual({ ok: false, reason: '隐患当前状态为“归档”，不能“下达整改”。' });
    expect(allowedActions('archived')).toEqual([]);
  });
});
