import { useSyncExternalStore } from 'react';

// Hash routing: the Electron shell denies every navigation, and a change of the
// fragment is not one, so pages switch without leaving the document.
export const routeIds = ['units', 'blocks', 'chain', 'acceptance', 'training', 'bundles', 'settings'] as const;
export type RouteId = (typeof routeIds)[number];

export const defaultRoute: RouteId = 'units';

export function parseHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routeIds as readonly string[]).includes(id) ? (id as RouteId) : defaultRoute;
}

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

export function navigate(id: RouteId): void {
  location.hash = hrefFor(id);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => parseHash(location.hash));
}
