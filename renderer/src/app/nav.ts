import type { CallName } from '../../../electron/api/contract.ts';
import type { PageRouteId } from '../router/hash-router.ts';

// The mission areas in the order of the work: the ledger first, settings last.
// A group heading names an area whose pages sit under it.
export type NavRouteId = PageRouteId;

export interface NavItem {
  route: NavRouteId;
  labelKey: `nav.${NavRouteId}`;
  /**
   * the page's own work: shown only on a node whose role may make at least one of these
   * calls (the roles each call declares in the contract); without calls, on every node
   */
  calls?: readonly CallName[];
}

export function navItemShown(item: NavItem, mayCall: (name: CallName) => boolean): boolean {
  return !item.calls || item.calls.some(mayCall);
}

export interface NavGroup {
  headingKey?: 'nav.areaLedger';
  items: NavItem[];
}

export const navGroups: NavGroup[] = [
  {
    headingKey: 'nav.areaLedger',
    items: [
      { route: 'overview', labelKey: 'nav.overview' },
      { route: 'units', labelKey: 'nav.units' },
      { route: 'equipment', labelKey: 'nav.equipment' },
      { route: 'managers', labelKey: 'nav.managers' },
      { route: 'lists', labelKey: 'nav.lists' },
      { route: 'ledger', labelKey: 'nav.ledger' },
    ],
  },
  {
    items: [
      { route: 'blocks', labelKey: 'nav.blocks' },
      { route: 'chain', labelKey: 'nav.chain' },
      { route: 'acceptance', labelKey: 'nav.acceptance' },
      { route: 'training', labelKey: 'nav.training' },
      { route: 'hazards', labelKey: 'nav.hazards', calls: ['hazards.list'] },
      { route: 'inspections', labelKey: 'nav.inspections', calls: ['inspections.listPlans'] },
      { route: 'complaints', labelKey: 'nav.complaints', calls: ['complaints.list'] },
      { route: 'summaries', labelKey: 'nav.summaries', calls: ['summaries.list', 'summaries.cityView'] },
      { route: 'risk', labelKey: 'nav.risk', calls: ['risk.distribution'] },
      { route: 'publicity', labelKey: 'nav.publicity', calls: ['publicity.list'] },
      { route: 'bundles', labelKey: 'nav.bundles' },
      { route: 'city', labelKey: 'nav.city', calls: ['city.overview'] },
      { route: 'steering', labelKey: 'nav.steering', calls: ['steering.progress'] },
    ],
  },
  {
    items: [
      { route: 'settings', labelKey: 'nav.settings' },
      { route: 'keys', labelKey: 'nav.keys' },
      { route: 'audit', labelKey: 'nav.audit' },
    ],
  },
];
