import type { CallOutput } from '../../../../electron/api/contract.ts';

// Whether an office reports on time (and after how many days it does not) is the core's
// rule: city.overview returns each office's reporting and the number of days.
export type CityOverview = CallOutput<'city.overview'>;
export type CityOffice = CityOverview['offices'][number];
