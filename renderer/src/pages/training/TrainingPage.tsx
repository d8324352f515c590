import { useTranslation } from 'react-i18next';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { BanksTab } from './BanksTab.tsx';
import { ExamView } from './ExamView.tsx';
import { ExamsTab } from './ExamsTab.tsx';
import { PoolTab } from './PoolTab.tsx';
import { SessionsTab } from './SessionsTab.tsx';
import { SessionView } from './SessionView.tsx';
import { VerifyTab } from './VerifyTab.tsx';
import { TabBar, tabFrom } from '../../components/TabBar.tsx';
import './training.css';

const tabs = ['sessions', 'banks', 'exams', 'pool', 'verify'] as const;

/** 培训考核: training sessions, question banks, exams, the supervisor pool, certificate checks; one exam or session by its id. */
export function TrainingPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const exam = params.get('exam');
  const session = params.get('session');
  if (exam) return <ExamView id={exam} />;
  if (session) return <SessionView id={session} />;
  const tab = tabFrom(params.get('tab'), tabs, 'sessions');
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('training.title')}</h1>
      </div>
      <p className="muted">{t('training.intro')}</p>
      <TabBar label={t('training.title')} tabs={tabs} current={tab} href={(id) => hrefFor('training', { tab: id })} text={(id) => t(`training.tab.${id}`)} className="tab-bar-spaced" />
      {tab === 'sessions' && <SessionsTab />}
      {tab === 'banks' && <BanksTab />}
      {tab === 'exams' && <ExamsTab />}
      {tab === 'pool' && <PoolTab />}
      {tab === 'verify' && <VerifyTab />}
    </div>
  );
}
