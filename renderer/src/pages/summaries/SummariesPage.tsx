import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { useRouteParams } from '../../router/hash-router.ts';
import { BureauReader } from './BureauReader.tsx';
import { CityView } from './CityView.tsx';
import { OfficeView } from './OfficeView.tsx';
import './summaries.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 月度工作小结: a district office writes and submits its months (#/summaries?month=…);
 * the bureau sees every office × month and opens one (#/summaries?office=…&month=…).
 */
export function SummariesPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const params = useRouteParams();
  const month = params.get('month');
  const valid = month && MONTH.test(month) ? month : null;
  if (node.role === 'district') return <OfficeView month={valid} />;
  if (node.role === 'bureau') {
    const office = params.get('office');
    return office && valid ? <BureauReader officeNode={office} month={valid} /> : <CityView />;
  }
  return (
    <div className="page">
      <h1 className="page-title">{t('summaries.title')}</h1>
      <div className="notice notice-info">{t('summaries.readOnly')}</div>
    </div>
  );
}
