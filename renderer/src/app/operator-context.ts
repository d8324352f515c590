import { createContext, useContext } from 'react';
import type { Operator } from '../../../electron/api/schemas/people.ts';

/** The 经办人 of this session (chosen at start) and the way to switch to someone else. */
export interface OperatorContextValue {
  operator: Operator;
  /** opens the chooser over the current page */
  switchOperator: () => void;
  /** re-reads the 经办人 after the staff list changed (a rename shows in the header) */
  refreshOperator: () => void;
}

export const OperatorContext = createContext<OperatorContextValue | null>(null);

/**
 * The current 经办人's name, for pages and prints (经办人 / 填表人 lines); null outside
 * the app frame. Every write already records this name in the core.
 */
export function useOperator(): string | null {
  return useContext(OperatorContext)?.operator.name ?? null;
}

export function useOperatorSession(): OperatorContextValue {
  const value = useContext(OperatorContext);
  if (!value) throw new Error('useOperatorSession outside OperatorContext');
  return value;
}
