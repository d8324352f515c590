import type { CallOutput } from '../../../../electron/api/contract.ts';

export type CityOffice = CallOutput<'city.overview'>['offices'][number];

/** An office whose latest bundle was made longer ago than this needs a reminder. */
export const STALE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Reporting = 'ok' | 'stale' | 'never';

/** Judged by when the office made its latest bundle: that is how old the bureau's copy of its data is. */
export function reportingOf(office: CityOffice, now: Date = new Date()): Reporting {
  if (!office.lastCreatedAt) return 'never';
  const made = new Date(office.lastCreatedAt).getTime();
  return now.getTime() - made > STALE_DAYS * DAY_MS ? 'stale' : 'ok';
}

/** Whole days since the latest bundle was made, for the grid. */
export function daysSince(iso: string | null, now: Date = new Date()): number | null {
  if (!iso) return null;
  return Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
}
