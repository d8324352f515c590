import type { Messages } from './zh-CN.ts';

export const summariesEn: Messages['summaries'] = {
  title: 'Monthly work summary',
  intro: 'The work summary sent to the city bureau by the 25th of each month.',
};
