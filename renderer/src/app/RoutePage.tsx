import { PlaceholderPage } from '../pages/placeholder/PlaceholderPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { UnitsPage } from '../pages/units/UnitsPage.tsx';
import type { RouteId } from '../router/hash-router.ts';

/** The page for a route; areas not built yet get an honest placeholder. */
export function RoutePage({ route }: { route: RouteId }) {
  switch (route) {
    case 'units':
      return <UnitsPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <PlaceholderPage area={route} />;
  }
}
