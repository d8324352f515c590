import { useMemo, useSyncExternalStore } from 'react';

// Hash routing: the Electron shell denies every navigation, and a change of the
// fragment is not one, so pages switch without leaving the document.
// A route may carry a query (#/equipment?unitId=…&inspection=overdue): the links
// from the overview and the units grid open a grid already filtered.
export const routeIds = [
  'overview',
  'units',
  'equipment',
  'managers',
  'lists',
  'ledger',
  'blocks',
  'chain',
  'acceptance',
  'training',
  // 链 at work (issue 8): hidden dangers to closure, special inspections, complaints and rewards, the monthly summary
  'hazards',
  'inspections',
  'complaints',
  'summaries',
  // 风险分级管控 and the publicity / training log (issue 19)
  'risk',
  'publicity',
  'bundles',
  // bureau: every office's latest bundle and counts
  'city',
  // bureau: targets, the rollout board and the monthly assessment of the district offices
  'steering',
  'settings',
  // this node's keys and the other nodes' keys it trusts
  'keys',
  // 审计日志: the chain verified against the signed anchors, and the newest entries
  'audit',
  // the two lists as an A4 document, without the shell (printing)
  'lists-print',
  // the chain roster as A4 contact sheets, one per block, without the shell (printing)
  'chain-print',
  // an acceptance record or plaque certificate (A4 portrait), without the shell (printing)
  'acceptance-print',
  // a session's sign-in sheet or supervisor certificates with their QR codes (A4 portrait), without the shell
  'training-print',
  // an inspection record or a supervision order (A4 portrait), without the shell
  'inspection-print',
  // a reward approval form (A4 portrait), without the shell
  'complaint-print',
  // a month's work summary in the official layout (A4 portrait), without the shell
  'summary-print',
] as const;
export type RouteId = (typeof routeIds)[number];

/** Documents that stand alone, without header and navigation (printing). */
export const printRouteIds = ['lists-print', 'chain-print', 'acceptance-print', 'training-print', 'inspection-print', 'complaint-print', 'summary-print'] as const;
export type PrintRouteId = (typeof printRouteIds)[number];
export type PageRouteId = Exclude<RouteId, PrintRouteId>;

export const defaultRoute: RouteId = 'overview';

export type RouteParams = Record<string, string | readonly string[] | undefined>;

export function parseHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routeIds as readonly string[]).includes(id) ? (id as RouteId) : defaultRoute;
}

/** The query part of the hash ('' when there is none). */
export function hashQuery(hash: string): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

export function hrefFor(id: RouteId, params?: RouteParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) if (v !== '') query.append(key, v);
  }
  const text = query.toString();
  return text ? `#/${id}?${text}` : `#/${id}`;
}

export function navigate(id: RouteId, params?: RouteParams): void {
  location.hash = hrefFor(id, params);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => parseHash(location.hash));
}

/** The route's query text: pages key on it, so a link to the same page with other filters starts afresh. */
export function useRouteQuery(): string {
  return useSyncExternalStore(subscribe, () => hashQuery(location.hash));
}

export function useRouteParams(): URLSearchParams {
  const query = useRouteQuery();
  return useMemo(() => new URLSearchParams(query), [query]);
}
