import type { Messages } from './zh-CN.ts';

// English for the window frame and words every page shares (same keys as shell.zh-CN.ts).

export const appEn: Messages['app'] = {
  title: 'QKL Desk',
  subtitle: 'Special equipment supervision: districts, blocks, chain',
  loading: 'Loading…',
  startFailed: 'Cannot read this computer’s data',
  retry: 'Retry',
  role: {
    district: 'District bureau',
    training: 'Training centre',
    bureau: 'City bureau',
  },
  nodeLabel: 'This node: {{name}} ({{role}})',
};

export const apiEn: Messages['api'] = {
  noBridge: 'The UI is not connected to the local service. Open it from the desktop app, or in browser mode use the full address printed at start.',
  internal: 'The operation failed. Please retry; if it keeps failing, contact support.',
};

export const navEn: Messages['nav'] = {
  label: 'Main navigation',
  areaLedger: 'Districts and ledger',
  overview: 'Overview',
  units: 'Units',
  equipment: 'Equipment',
  managers: 'Safety managers',
  lists: 'Two lists',
  ledger: 'Ledger import',
  blocks: 'Safety groups (blocks)',
  chain: 'Work links (chain)',
  acceptance: 'Demo unit acceptance',
  training: 'Training and exams',
  hazards: 'Hidden dangers',
  inspections: 'Special inspections',
  complaints: 'Complaints',
  summaries: 'Monthly summary',
  bundles: 'Bundle exchange',
  city: 'City overview',
  steering: 'Rollout and assessment',
  settings: 'Settings',
  keys: 'Keys and trust',
  audit: 'Audit log',
  risk: 'Risk grading',
  publicity: 'Publicity and training',
};

export const commonEn: Messages['common'] = {
  cancel: 'Cancel',
  refineSearch: 'Only the first {{count}} are listed; type more to narrow the search',
  confirm: 'Confirm',
  save: 'Save',
  saving: 'Saving…',
  close: 'Close',
  yes: 'Yes',
  no: 'No',
  required: 'required',
  attention: 'Needs attention:',
};

export const printEn: Messages['print'] = {
  pageBefore: 'Page ',
  pageMiddle: ' of ',
  pageAfter: '',
  preparedBy: 'Prepared by: ',
  checkedBy: 'Checked by: ',
  date: 'Date: ',
  dateBlank: '',
};

export const progressEn: Messages['progress'] = {
  working: 'Working…',
  count: '{{done}} / {{total}}',
  cancelling: 'Cancelling…',
};

export const gridEn: Messages['grid'] = {
  columns: 'Columns',
  columnsHint: 'Choose the columns shown (an export contains only the shown columns)',
  columnsTitle: 'Columns shown',
  columnsReset: 'Reset',
  export: 'Export to Excel',
  exportHint: 'Exports every row with the current filters, sort and shown columns',
  exporting: 'Exporting…',
  exported: 'Exported “{{fileName}}”',
};

export const catalogueEn: Messages['catalogue'] = {
  kind: {
    '1000': 'Boilers',
    '2000': 'Pressure vessels',
    '3000': 'Elevators',
    '4000': 'Cranes',
    '5000': 'Site vehicles',
    '6000': 'Amusement rides',
    '7000': 'Pressure piping components',
    '8000': 'Pressure piping',
    '9000': 'Passenger ropeways',
    F000: 'Safety accessories',
  },
};
