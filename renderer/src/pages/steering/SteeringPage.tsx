import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { AssessmentTab } from './AssessmentTab.tsx';
import { BoardTab } from './BoardTab.tsx';
import { RulesTab } from './RulesTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { TabBar, tabFrom } from '../../components/TabBar.tsx';
import './steering.css';

const tabs = ['board', 'assessment', 'rules', 'settings'] as const;

/** 推进与考核 (bureau): the rollout board with each district's targets, the monthly assessment, its rules, the defaults and the training centres' districts. */
export function SteeringPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const params = useRouteParams();
  const tab = tabFrom(params.get('tab'), tabs, 'board');
  return (
    <div className="page steering-page">
      <div className="page-header">
        <h1 className="page-title">{t('steering.title')}</h1>
      </div>
      <p className="muted">{t('steering.intro')}</p>
      {node.role !== 'bureau' ? (
        <div className="notice notice-info" role="status">
          {t('steering.bureauOnly')}
        </div>
      ) : (
        <>
          <TabBar label={t('steering.title')} tabs={tabs} current={tab} href={(id) => hrefFor('steering', { tab: id })} text={(id) => t(`steering.tab.${id}`)} className="tab-bar-spaced" />
          {tab === 'board' && <BoardTab />}
          {tab === 'assessment' && <AssessmentTab month={params.get('month')} />}
          {tab === 'rules' && <RulesTab />}
          {tab === 'settings' && <SettingsTab />}
        </>
      )}
    </div>
  );
}
