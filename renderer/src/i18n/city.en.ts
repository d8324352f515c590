import type { Messages } from './zh-CN.ts';

// English for the 市局 city view (same keys as city.zh-CN.ts).

export const cityEn: Messages['city'] = {
  title: 'City overview',
  bundlesLink: 'Data bundles',
  steeringLink: 'Rollout board (including offices not yet enrolled)',
  bureauOnly: 'The city overview has data only on the city bureau’s node.',
  none: 'No office enrolled yet. Enrol the public keys of the districts and the training centre first.',
  nameSeparator: ', ',
  allFresh: 'Every office reported a bundle within the last {{days}} days.',
  attention: {
    stale: '{{names}}: no bundle for more than {{days}} days',
    never: '{{names}}: no bundle reported yet',
    revoked: '{{names}}: key revoked; enrol a new key before their bundles can be received',
  },
  totals: '{{offices}} offices: {{units}} units, {{equipment}} pieces of equipment, {{managers}} safety managers.',
  offices: 'Reporting per office ({{count}})',
  link: {
    units: 'All units of the city',
    equipment: 'All equipment of the city',
    managers: 'All safety managers of the city',
    lists: 'Two lists of the city',
  },
  reporting: {
    ok: 'On time',
    stale: 'No bundle for {{days}} days',
    never: 'Never reported',
  },
  key: {
    active: 'Valid',
    revoked: 'Revoked',
  },
  column: {
    node: 'Office',
    role: 'Kind',
    lastSequence: 'Latest sequence',
    lastCreatedAt: 'Made',
    lastImportedAt: 'Imported',
    units: 'Units',
    equipment: 'Equipment',
    managers: 'Safety managers',
    reporting: 'Reporting ({{days}} days)',
    key: 'Key status',
  },
};
