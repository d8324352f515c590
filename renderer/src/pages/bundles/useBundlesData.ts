import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { SentBundle } from '../../../../electron/api/schemas/bundles.ts';
import { api, errorMessage } from '../../api/client.ts';
import type { ReceivedBundle } from './ReceivedGrid.tsx';

export type Office = CallOutput<'city.overview'>['offices'][number];

export interface BundlesData {
  sent: SentBundle[];
  received: ReceivedBundle[];
  /** bureau: the enrolled offices (city.overview); offices: empty */
  offices: Office[];
  /** this node has its own keys */
  hasKeys: boolean | null;
  /** office: a bureau key is trusted; bureau: at least one office is enrolled */
  hasPartner: boolean | null;
  error: string | null;
}

const empty: BundlesData = { sent: [], received: [], offices: [], hasKeys: null, hasPartner: null, error: null };

/** Everything the 数据包 page shows, read again after each export, import or receipt. */
export function useBundlesData(isBureau: boolean): BundlesData & { reload: () => Promise<void> } {
  const [data, setData] = useState<BundlesData>(empty);

  const reload = useCallback(async () => {
    try {
      const [sent, received, keys, trusted, overview] = await Promise.all([
        api.call('bundles.sent', {}),
        api.call('bundles.received', {}),
        api.call('keys.status', {}),
        api.call('keys.trusted', {}),
        isBureau ? api.call('city.overview', {}) : Promise.resolve({ offices: [] }),
      ]);
      const partner = trusted.some((k) => !k.revokedAt && (isBureau ? k.role !== 'bureau' : k.role === 'bureau'));
      setData({ sent, received, offices: overview.offices, hasKeys: keys.hasKeys, hasPartner: partner, error: null });
    } catch (error) {
      setData((d) => ({ ...d, error: errorMessage(error) }));
    }
  }, [isBureau]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...data, reload };
}
