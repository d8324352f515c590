import { createContext, useContext } from 'react';
import type { CallName } from '../../../electron/api/contract.ts';
import type { District } from '../../../electron/api/schemas/district.ts';
import type { NodeIdentity } from '../../../electron/api/schemas/node.ts';

/** What every page may read: who this node is and the (active) district list. */
export interface AppContextValue {
  node: NodeIdentity;
  /** whether this node may make the call (the roles each call declares in the contract) */
  mayCall: (name: CallName) => boolean;
  districts: District[];
  /** re-reads the district list after the bureau changed it */
  reloadDistricts: () => Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside AppContext');
  return value;
}
