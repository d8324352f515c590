import type { RouteId } from '../router/hash-router.ts';

// The mission areas in the order of the work: the ledger first, settings last.
// A group heading names an area whose pages sit under it.
export interface NavItem {
  route: RouteId;
  labelKey: `nav.${RouteId}`;
}

export interface NavGroup {
  headingKey?: 'nav.areaLedger';
  items: NavItem[];
}

export const navGroups: NavGroup[] = [
  { headingKey: 'nav.areaLedger', items: [{ route: 'units', labelKey: 'nav.units' }] },
  {
    items: [
      { route: 'blocks', labelKey: 'nav.blocks' },
      { route: 'chain', labelKey: 'nav.chain' },
      { route: 'acceptance', labelKey: 'nav.acceptance' },
      { route: 'training', labelKey: 'nav.training' },
      { route: 'bundles', labelKey: 'nav.bundles' },
    ],
  },
  { items: [{ route: 'settings', labelKey: 'nav.settings' }] },
];
