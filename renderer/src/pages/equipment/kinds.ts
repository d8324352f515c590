// The ten kinds (种类) of the 2014 catalogue (质检总局公告 2014 年第 114 号), by code.
// Their names are in the i18n files (catalogue.kind.<code>); the grid's rows carry
// the names of category and variety themselves.
export const kindCodes = ['1000', '2000', '3000', '4000', '5000', '6000', '7000', '8000', '9000', 'F000'] as const;
export type KindCode = (typeof kindCodes)[number];
