import type { NodeRole } from '../../../electron/api/schemas/node.ts';
import type { PageRouteId } from '../router/hash-router.ts';

// The mission areas in the order of the work: the ledger first, settings last.
// A group heading names an area whose pages sit under it.
export type NavRouteId = PageRouteId;

export interface NavItem {
  route: NavRouteId;
  labelKey: `nav.${NavRouteId}`;
  /** shown only on these nodes (default: every node) */
  roles?: readonly NodeRole[];
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
      { route: 'import', labelKey: 'nav.import' },
    ],
  },
  {
    items: [
      { route: 'blocks', labelKey: 'nav.blocks' },
      { route: 'chain', labelKey: 'nav.chain' },
      { route: 'acceptance', labelKey: 'nav.acceptance' },
      { route: 'training', labelKey: 'nav.training' },
      { route: 'hazards', labelKey: 'nav.hazards', roles: ['district', 'bureau'] },
      { route: 'inspections', labelKey: 'nav.inspections', roles: ['district', 'bureau'] },
      { route: 'complaints', labelKey: 'nav.complaints', roles: ['district', 'bureau'] },
      { route: 'summaries', labelKey: 'nav.summaries', roles: ['district', 'bureau'] },
      { route: 'risk', labelKey: 'nav.risk', roles: ['district', 'bureau'] },
      { route: 'publicity', labelKey: 'nav.publicity', roles: ['district', 'bureau'] },
      { route: 'bundles', labelKey: 'nav.bundles' },
      { route: 'city', labelKey: 'nav.city', roles: ['bureau'] },
      { route: 'steering', labelKey: 'nav.steering', roles: ['bureau'] },
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
