import { useTranslation } from 'react-i18next';
import { AcceptancePrintPage } from '../pages/acceptance/AcceptancePrintPage.tsx';
import { ChainPrintPage } from '../pages/chain/ChainPrintPage.tsx';
import { ListsPrintPage } from '../pages/lists/ListsPrintPage.tsx';
import { TrainingPrintPage } from '../pages/training/TrainingPrintPage.tsx';
import { InspectionPrintPage } from '../pages/inspections/InspectionPrintPage.tsx';
import { ComplaintPrintPage } from '../pages/complaints/ComplaintPrintPage.tsx';
import { SummaryPrintPage } from '../pages/summaries/SummaryPrintPage.tsx';
import { FileOpening } from '../host/FileOpening.tsx';
import { hrefFor, useRoute } from '../router/hash-router.ts';
import { useAppContext } from './app-context.ts';
import { useOperatorSession } from './operator-context.ts';
import { navGroups, navItemShown } from './nav.ts';
import { RoutePage } from './RoutePage.tsx';

/** Header with the 经办人 (switchable) and the node's name and role, the left navigation, and the current page (print documents stand alone). */
export function Shell() {
  const { t } = useTranslation();
  const { node, mayCall } = useAppContext();
  const { operator, switchOperator } = useOperatorSession();
  const route = useRoute();
  // A document to print stands alone: no header, no navigation.
  if (route === 'lists-print') return <ListsPrintPage />;
  if (route === 'chain-print') return <ChainPrintPage />;
  if (route === 'acceptance-print') return <AcceptancePrintPage />;
  if (route === 'training-print') return <TrainingPrintPage />;
  if (route === 'inspection-print') return <InspectionPrintPage />;
  if (route === 'complaint-print') return <ComplaintPrintPage />;
  if (route === 'summary-print') return <SummaryPrintPage />;
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-brand">
          <span className="shell-title">{t('app.title')}</span>
          <span className="shell-subtitle">{t('app.subtitle')}</span>
        </div>
        <div className="shell-header-right">
          <div className="shell-operator" data-testid="operator-label">
            <span>{operator.title ? t('people.headerTitled', { name: operator.name, title: operator.title }) : t('people.header', { name: operator.name })}</span>
            <button type="button" className="shell-operator-switch" aria-label={t('people.switchLabel', { name: operator.name })} onClick={switchOperator}>
              {t('people.switch')}
            </button>
          </div>
          <div className="shell-node" data-testid="node-label">
            {t('app.nodeLabel', { name: node.name, role: t(`app.role.${node.role}`) })}
          </div>
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        {navGroups.map((group, index) => (
          <div className="nav-group" key={group.headingKey ?? index}>
            {group.headingKey && <div className="nav-heading">{t(group.headingKey)}</div>}
            <ul>
              {group.items.filter((item) => navItemShown(item, mayCall)).map((item) => (
                <li key={item.route}>
                  <a
                    href={hrefFor(item.route)}
                    className={`nav-link${group.headingKey ? ' nav-link-sub' : ''}`}
                    aria-current={route === item.route ? 'page' : undefined}
                  >
                    {t(item.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="shell-main">
        <FileOpening />
        <RoutePage route={route} />
      </main>
    </div>
  );
}
