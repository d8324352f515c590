import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import { formatDate } from '../../format/time.ts';

/** The keys this node trusts, newest first; a revoked one says when and why. */
export function TrustedKeysTable({ keys, onRevoke }: { keys: TrustedKey[]; onRevoke: (key: TrustedKey) => void }) {
  const { t } = useTranslation();
  if (keys.length === 0) return <p className="muted">{t('keys.trustedEmpty')}</p>;
  return (
    <table className="list-table trusted-table" data-testid="trusted-keys">
      <thead>
        <tr>
          <th>{t('keys.column.node')}</th>
          <th>{t('keys.column.role')}</th>
          <th>{t('keys.column.fingerprint')}</th>
          <th>{t('keys.column.keyId')}</th>
          <th>{t('keys.column.trustedAt')}</th>
          <th>{t('keys.column.state')}</th>
          <th>{t('keys.column.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.keyId} className={key.revokedAt ? 'row-revoked' : undefined} data-key-id={key.keyId}>
            <td>{key.nodeName}</td>
            <td>{t(`app.role.${key.role}`)}</td>
            <td className="mono nowrap">{key.fingerprint}</td>
            <td className="mono">{key.keyId.slice(0, 12)}…</td>
            <td>{formatDate(key.trustedAt)}</td>
            <td>{key.revokedAt ? t('keys.stateRevoked', { date: formatDate(key.revokedAt), reason: key.revokedReason ?? '' }) : t('keys.stateActive')}</td>
            <td>
              {!key.revokedAt && (
                <button type="button" className="button button-small" onClick={() => onRevoke(key)} aria-label={`${t('keys.revoke')} ${key.nodeName}`}>
                  {t('keys.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
