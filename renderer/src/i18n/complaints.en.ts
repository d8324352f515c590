import type { Messages } from './zh-CN.ts';

export const complaintsEn: Messages['complaints'] = {
  title: 'Complaints and rewards',
  intro: 'The complaint register, handling and rewards.',
};
