import type { SizeBand } from '../sample-data/generate.ts';

/** How many pieces the generated units hold, for a district of city scale (~40 pieces a unit on average). */
export const CITY_BANDS: SizeBand[] = [
  { profile: 'small', weight: 40, min: 1, max: 12 },
  { profile: 'medium', weight: 16, min: 11, max: 19 },
  { profile: 'cylinders', weight: 6, min: 8, max: 16 },
  { profile: 'large', weight: 26, min: 20, max: 80 },
  { profile: 'huge', weight: 12, min: 100, max: 240 },
];
