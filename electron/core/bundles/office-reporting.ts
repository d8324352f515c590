/** An office whose latest bundle was made longer ago than this is reminded (全市概况). */
export const STALE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Reporting = 'ok' | 'stale' | 'never';

/**
 * Judged by when the office made its latest bundle (not when the bureau imported it):
 * that is how old the bureau's copy of its data is.
 */
export function reportingOf(lastCreatedAt: string | null, now: Date): Reporting {
  if (!lastCreatedAt) return 'never';
  return now.getTime() - new Date(lastCreatedAt).getTime() > STALE_DAYS * DAY_MS ? 'stale' : 'ok';
}

/** Whole days since the latest bundle was made. */
export function daysSince(lastCreatedAt: string | null, now: Date): number | null {
  if (!lastCreatedAt) return null;
  return Math.floor((now.getTime() - new Date(lastCreatedAt).getTime()) / DAY_MS);
}
