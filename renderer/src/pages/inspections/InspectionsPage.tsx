import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { ChecklistsTab } from './ChecklistsTab.tsx';
import { OrdersTab } from './OrdersTab.tsx';
import { OrderView } from './OrderView.tsx';
import { PlansTab } from './PlansTab.tsx';
import { PlanView } from './PlanView.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { RecordView } from './RecordView.tsx';
import { TabBar, tabFrom } from '../../components/TabBar.tsx';
import './inspections.css';

const tabs = ['plans', 'records', 'orders', 'checklists'] as const;

/** 专项检查: plans, visit records, supervision orders, checklists; one plan, record or order by its id. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const params = useRouteParams();
  const plan = params.get('plan');
  const record = params.get('record');
  const order = params.get('order');
  if (plan) return <PlanView id={plan} />;
  if (record) return <RecordView id={record} />;
  if (order) return <OrderView id={order} />;
  const tab = tabFrom(params.get('tab'), tabs, 'plans');
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('inspections.title')}</h1>
      </div>
      <p className="muted">{node.role === 'district' ? t('inspections.intro') : t('inspections.bureauHint')}</p>
      <TabBar label={t('inspections.title')} tabs={tabs} current={tab} href={(id) => hrefFor('inspections', { tab: id })} text={(id) => t(`inspections.tab.${id}`)} />
      {tab === 'plans' && <PlansTab />}
      {tab === 'records' && <RecordsTab />}
      {tab === 'orders' && <OrdersTab />}
      {tab === 'checklists' && <ChecklistsTab />}
    </div>
  );
}
