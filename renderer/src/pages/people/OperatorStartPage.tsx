import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../electron/api/schemas/people.ts';
import { OperatorChooser } from './OperatorChooser.tsx';

/** At start, before anything else: who is working at this desk now. */
export function OperatorStartPage({ nodeLabel, onChosen }: { nodeLabel: string; onChosen: (session: Session) => void }) {
  const { t } = useTranslation();
  return (
    <div className="first-start">
      <div className="first-start-card" role="region" aria-labelledby="operator-start-title">
        <div className="first-start-brand">{t('app.title')}</div>
        <div className="muted">{nodeLabel}</div>
        <h1 id="operator-start-title" className="page-title">
          {t('people.chooser.title')}
        </h1>
        <OperatorChooser current={null} onChosen={onChosen} />
      </div>
    </div>
  );
}
