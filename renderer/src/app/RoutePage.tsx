import { AuditPage } from '../pages/audit/AuditPage.tsx';
import { AcceptancePage } from '../pages/acceptance/AcceptancePage.tsx';
import { BlocksPage } from '../pages/blocks/BlocksPage.tsx';
import { BundlesPage } from '../pages/bundles/BundlesPage.tsx';
import { ChainPage } from '../pages/chain/ChainPage.tsx';
import { CityPage } from '../pages/city/CityPage.tsx';
import { EquipmentPage } from '../pages/equipment/EquipmentPage.tsx';
import { LedgerPage } from '../pages/ledger/LedgerPage.tsx';
import { KeysPage } from '../pages/keys/KeysPage.tsx';
import { ListsPage } from '../pages/lists/ListsPage.tsx';
import { ManagersPage } from '../pages/managers/ManagersPage.tsx';
import { OverviewPage } from '../pages/overview/OverviewPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { TrainingPage } from '../pages/training/TrainingPage.tsx';
import { UnitsPage } from '../pages/units/UnitsPage.tsx';
import { HazardsPage } from '../pages/hazards/HazardsPage.tsx';
import { InspectionsPage } from '../pages/inspections/InspectionsPage.tsx';
import { ComplaintsPage } from '../pages/complaints/ComplaintsPage.tsx';
import { SummariesPage } from '../pages/summaries/SummariesPage.tsx';
import { SteeringPage } from '../pages/steering/SteeringPage.tsx';
import { RiskPage } from '../pages/risk/RiskPage.tsx';
import { PublicityPage } from '../pages/publicity/PublicityPage.tsx';
import { useRouteQuery, type PageRouteId } from '../router/hash-router.ts';

/** The page for a route. */
export function RoutePage({ route }: { route: PageRouteId }) {
  // Grids read their first filters from the query; a link with other filters is a fresh page.
  const query = useRouteQuery();
  switch (route) {
    case 'overview':
      return <OverviewPage />;
    case 'units':
      return <UnitsPage key={query} />;
    case 'equipment':
      return <EquipmentPage key={query} />;
    case 'managers':
      return <ManagersPage key={query} />;
    case 'lists':
      return <ListsPage key={query} />;
    case 'ledger':
      return <LedgerPage />;
    case 'blocks':
      return <BlocksPage />;
    case 'chain':
      return <ChainPage />;
    case 'acceptance':
      return <AcceptancePage key={query} />;
    case 'training':
      return <TrainingPage key={query} />;
    case 'hazards':
      return <HazardsPage key={query} />;
    case 'inspections':
      return <InspectionsPage key={query} />;
    case 'complaints':
      return <ComplaintsPage key={query} />;
    case 'summaries':
      return <SummariesPage key={query} />;
    case 'risk':
      // not keyed by the query: the rule tab keeps its notice when a save moves the address to the new version
      return <RiskPage />;
    case 'publicity':
      return <PublicityPage />;
    case 'settings':
      return <SettingsPage />;
    case 'keys':
      return <KeysPage />;
    case 'audit':
      return <AuditPage />;
    case 'bundles':
      return <BundlesPage />;
    case 'city':
      return <CityPage />;
    case 'steering':
      return <SteeringPage key={query} />;
  }
}
