import type { CoreContext } from '../context.ts';
import { refreshCityTemplates } from './city-templates.ts';
import { refreshTrainingRegistry } from './training-registry.ts';

/**
 * Just before the bureau makes a bundle: the rows it republishes are brought up to date
 * from the registry and the offices' templates, so the bundle carries them as they are
 * now — the city-wide templates to every node, the managers to a training centre.
 */
export function prepareBureauBundle(ctx: CoreContext, target: { nodeId: string; role: string }): void {
  refreshCityTemplates(ctx);
  if (target.role === 'training') refreshTrainingRegistry(ctx, target.nodeId);
}
