import { useTranslation } from 'react-i18next';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { DistributionTab } from './DistributionTab.tsx';
import { RuleTab } from './RuleTab.tsx';
import './risk.css';

const tabs = ['distribution', 'rule'] as const;
type Tab = (typeof tabs)[number];

/** 风险分级管控: the units by level and month, and the scoring rule with its versions. */
export function RiskPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const asked = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'distribution';
  const version = Number(params.get('version')) || null;
  return (
    <section className="page" aria-labelledby="risk-title">
      <div className="page-header">
        <h1 id="risk-title" className="page-title">
          {t('risk.title')}
        </h1>
      </div>
      <p className="muted">{t('risk.page.note')}</p>
      <nav className="risk-tabs" aria-label={t('risk.title')}>
        {tabs.map((id) => (
          <a key={id} href={hrefFor('risk', { tab: id })} className="risk-tab" aria-current={id === tab ? 'page' : undefined}>
            {t(`risk.page.tabs.${id}`)}
          </a>
        ))}
      </nav>
      {tab === 'distribution' ? <DistributionTab /> : <RuleTab version={version} />}
    </section>
  );
}
