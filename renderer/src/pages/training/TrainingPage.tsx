import { useTranslation } from 'react-i18next';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { BanksTab } from './BanksTab.tsx';
import { ExamView } from './ExamView.tsx';
import { ExamsTab } from './ExamsTab.tsx';
import { PoolTab } from './PoolTab.tsx';
import { SessionsTab } from './SessionsTab.tsx';
import { SessionView } from './SessionView.tsx';
import { VerifyTab } from './VerifyTab.tsx';
import './training.css';

const tabs = ['sessions', 'banks', 'exams', 'pool', 'verify'] as const;
type Tab = (typeof tabs)[number];

/** 培训考核: training sessions, question banks, exams, the supervisor pool, certificate checks; one exam or session by its id. */
export function TrainingPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const exam = params.get('exam');
  const session = params.get('session');
  if (exam) return <ExamView id={exam} />;
  if (session) return <SessionView id={session} />;
  const asked = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'sessions';
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('training.title')}</h1>
      </div>
      <p className="muted">{t('training.intro')}</p>
      <nav className="tab-bar" aria-label={t('training.title')}>
        {tabs.map((id) => (
          <a key={id} href={hrefFor('training', { tab: id })} className="tab-link" aria-current={id === tab ? 'page' : undefined}>
            {t(`training.tab.${id}`)}
          </a>
        ))}
      </nav>
      {tab === 'sessions' && <SessionsTab />}
      {tab === 'banks' && <BanksTab />}
      {tab === 'exams' && <ExamsTab />}
      {tab === 'pool' && <PoolTab />}
      {tab === 'verify' && <VerifyTab />}
    </div>
  );
}
