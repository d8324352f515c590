import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../../app/app-context.ts';
import { ChainTabs } from './ChainTabs.tsx';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { SupervisorsPanel } from './SupervisorsPanel.tsx';
import './chain-work.css';

/** 链 at work: the safety managers' 问题反馈, or the supervisors' work; only an office registers and handles them. */
export function ChainWorkView({ view }: { view: 'feedback' | 'supervisors' }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const canEdit = node.role === 'district' && Boolean(node.districtId);
  return (
    <section className="page chain-page" aria-labelledby="chain-title">
      <div className="page-header">
        <h1 id="chain-title" className="page-title">
          {t('chain.title')}
        </h1>
      </div>
      <ChainTabs current={view} />
      {!canEdit && <div className="notice notice-info">{t('chain.readOnly')}</div>}
      {view === 'feedback' ? <FeedbackPanel canEdit={canEdit} /> : <SupervisorsPanel canEdit={canEdit} />}
    </section>
  );
}
