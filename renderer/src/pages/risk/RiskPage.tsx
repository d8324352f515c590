import { useTranslation } from 'react-i18next';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { DistributionTab } from './DistributionTab.tsx';
import { RuleTab } from './RuleTab.tsx';
import { TabBar, tabFrom } from '../../components/TabBar.tsx';
import './risk.css';

const tabs = ['distribution', 'rule'] as const;

/** 风险分级管控: the units by level and month, and the scoring rule with its versions. */
export function RiskPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const tab = tabFrom(params.get('tab'), tabs, 'distribution');
  const version = Number(params.get('version')) || null;
  return (
    <section className="page" aria-labelledby="risk-title">
      <div className="page-header">
        <h1 id="risk-title" className="page-title">
          {t('risk.title')}
        </h1>
      </div>
      <p className="muted">{t('risk.page.note')}</p>
      <TabBar label={t('risk.title')} tabs={tabs} current={tab} href={(id) => hrefFor('risk', { tab: id })} text={(id) => t(`risk.page.tabs.${id}`)} className="tab-bar-gap-below" />
      {tab === 'distribution' ? <DistributionTab /> : <RuleTab version={version} />}
    </section>
  );
}
