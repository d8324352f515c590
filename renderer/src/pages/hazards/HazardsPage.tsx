import { useRouteParams } from '../../router/hash-router.ts';
import { HazardDetailView } from './HazardDetailView.tsx';
import { HazardListView } from './HazardListView.tsx';
import './hazards.css';

/** 隐患闭环: the list with its figures, or one hazard (#/hazards?id=…). */
export function HazardsPage() {
  const id = useRouteParams().get('id');
  return id ? <HazardDetailView id={id} /> : <HazardListView />;
}
