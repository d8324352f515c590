import type { PublicityKind } from '../../../../electron/api/schemas/publicity.ts';

/** The activity kinds in the order the forms and filters offer them (the renderer imports the contract's types only). */
export const publicityKinds: readonly PublicityKind[] = ['safety_month', 'into_schools', 'into_enterprises', 'into_communities', 'training_into_enterprises', 'other'];
