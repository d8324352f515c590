import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { formatDate } from '../../format/time.ts';

/** Read-only facts: this node's identity (node.get) and the program (app.info). */
export function IdentitySection() {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [info, setInfo] = useState<CallOutput<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const districtName = node.districtId ? (districts.find((d) => d.id === node.districtId)?.name ?? node.districtId) : t('settings.nodeDistrictNone');

  return (
    <div className="settings-columns">
      <section className="panel" aria-labelledby="identity-title">
        <h2 id="identity-title" className="section-title">
          {t('settings.identity')}
        </h2>
        <dl className="facts" data-testid="node-identity">
          <dt>{t('settings.nodeName')}</dt>
          <dd>{node.name}</dd>
          <dt>{t('settings.nodeRole')}</dt>
          <dd>{t(`app.role.${node.role}`)}</dd>
          {node.role === 'district' && (
            <>
              <dt>{t('settings.nodeDistrict')}</dt>
              <dd>{districtName}</dd>
            </>
          )}
          <dt>{t('settings.nodeId')}</dt>
          <dd className="mono">{node.id}</dd>
          <dt>{t('settings.nodeCreatedAt')}</dt>
          <dd>{formatDate(node.createdAt)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="program-title">
        <h2 id="program-title" className="section-title">
          {t('settings.program')}
        </h2>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        {info && (
          <dl className="facts">
            <dt>{t('settings.appVersion')}</dt>
            <dd>{info.appVersion}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
            <dt>{t('settings.host')}</dt>
            <dd>{t(`settings.hostName.${info.host}`)}</dd>
            <dt>{t('settings.databaseFile')}</dt>
            <dd className="mono break">{info.databaseFile}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
