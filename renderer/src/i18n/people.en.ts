// 经办人 and the form kit's words in English; same keys as people.zh-CN.ts.
import type { Messages } from './zh-CN.ts';

export const peopleEn: Messages['people'] = {
  header: 'Operator: {{name}}',
  headerTitled: 'Operator: {{name}} ({{title}})',
  switch: 'Switch',
  switchLabel: 'Switch operator (now: {{name}})',
  chooser: {
    title: 'Choose the operator',
    intro: 'Every action on this desk (entries, reviews, imports and exports, the operator line of prints) records the operator’s name. Choose yourself.',
    introFirst: 'This desk has no staff list yet. Add yourself first; at each start you choose from the list.',
    listLabel: 'Staff',
    choose: 'Choose {{name}}',
    current: 'Current',
    add: 'Add a person',
    addTitle: 'Add a staff member',
    cancel: 'Cancel',
    manageHint: 'Rename or deactivate people in Settings → Staff.',
    restartNote: 'After the program is restarted, choose again.',
  },
  form: {
    name: 'Name',
    title: 'Title',
    titleHint: 'e.g. section chief, inspector, clerk',
    active: 'Active (can be chosen as operator)',
    save: 'Save',
    add: 'Add',
  },
  titles: ['科长', '副科长', '监察员', '办事员', '主任', '局长'],
  section: {
    title: 'Staff',
    intro: 'The people who work on this desk. At each start the operator is chosen from this list; deactivate people who left (their names stay in past records). The list stays on this computer and is never sent in bundles.',
    add: 'Add a person',
    edit: 'Edit',
    deactivate: 'Deactivate',
    restore: 'Restore',
    columnName: 'Name',
    columnTitle: 'Title',
    columnState: 'State',
    active: 'Active',
    inactive: 'Deactivated',
    current: ' (current operator)',
    editTitle: 'Edit staff member',
    saved: 'Saved “{{name}}”',
    deactivated: 'Deactivated “{{name}}”',
    restored: 'Restored “{{name}}”',
  },
  firstStart: {
    legend: 'Operator (you)',
    hint: 'Every action records the operator’s name; add colleagues later in Settings → Staff.',
    name: 'Your name',
    title: 'Title',
    nameRequired: 'Enter your name',
    titleRequired: 'Enter your title',
  },
};

export const formsEn: Messages['forms'] = {
  counter: '{{length}} / {{max}}',
  counterLabel: '{{length}} of at most {{max}} characters',
  overLimit: '{{over}} characters too many (at most {{max}})',
  summary: '{{count}} things to fix:',
};
