import type { Messages } from './zh-CN.ts';

export const inspectionsEn: Messages['inspections'] = {
  title: 'Special inspections',
  intro: 'Inspection plans, records and supervision orders.',
};
